// research.*: interview executions, their transcripts and one transcript in full. A transcript is
// identified by (execId, synthId) everywhere: synth-lab's SQLite v15 files never filled
// transcripts.id (DATA.md), and the pair is unique in every era.
import { z } from 'zod';
import type { NormalizedMessage } from '../transcript-messages';
import { returns, type MethodDefinition } from './define';
import type { ExecutionDocument } from './documents';
import type { JsonCell } from './json-value';
import { pageParams, sortDirection, type Page } from './paging';

const recordId = z.string().min(1).max(200);

export interface TranscriptKey {
  execId: string;
  synthId: string;
}

/** Params naming one transcript; search hits and transcript rows carry the same pair. */
export const transcriptKeyParams = { execId: recordId, synthId: recordId };

export interface ExecutionRow {
  execId: string;
  experimentId: string | null;
  /** Null when the execution names no experiment, or one this database no longer has. */
  experimentName: string | null;
  /** The experiment's status ('deleted' for a soft-deleted one); null without an experiment. */
  experimentStatus: string | null;
  topicName: string | null;
  status: string | null;
  synthCount: number | null;
  successfulCount: number | null;
  failedCount: number | null;
  model: string | null;
  maxTurns: number | null;
  /** Raw database strings (four forms in real data): parse with shared/timestamps.ts. */
  startedAt: string | null;
  completedAt: string | null;
  /** Transcripts stored for this execution (counted in SQL for the page's rows only). */
  transcriptCount: number;
}

export type ExecutionPage = Page<ExecutionRow>;

/** A row of the SQLite-era leftover table prfaq_metadata. */
export interface PrfaqMetadata {
  execId: string;
  headline: string | null;
  oneLiner: string | null;
  markdownContent: string | null;
  jsonContent: JsonCell | null;
  status: string | null;
  validationStatus: string | null;
  confidenceScore: number | null;
  faqCount: number | null;
  model: string | null;
  startedAt: string | null;
  generatedAt: string | null;
  errorMessage: string | null;
}

export interface ExecutionDetail {
  execution: ExecutionRow & { additionalContext: string | null };
  /** Transcripts of this execution per transcript status, most frequent first. */
  transcriptStatuses: Array<{ status: string | null; count: number }>;
  /** experiment_documents linked by source_id = exec_id or metadata.exec_id (documents.*). */
  documents: ExecutionDocument[];
  legacy: {
    /** research_executions.summary_content exists (SQLite-era files only). */
    hasSummaryContent: boolean;
    summaryContent: string | null;
    /** The prfaq_metadata table exists (SQLite-era files only). */
    hasPrfaqMetadata: boolean;
    prfaq: PrfaqMetadata[];
  };
}

export interface TranscriptRow {
  key: TranscriptKey;
  /** transcripts.id: NULL in synth-lab SQLite v15 files. */
  id: string | null;
  synthName: string | null;
  status: string | null;
  turnCount: number | null;
  timestamp: string | null;
  /** Entries in the stored messages array; null when the cell is not a JSON array. */
  messageCount: number | null;
}

export type TranscriptPage = Page<TranscriptRow>;

/** The synth behind a transcript, when synths still has it (transcripts.synth_id has no foreign key). */
export interface TranscriptSynth {
  id: string;
  nome: string | null;
  age: number | null;
  occupation: string | null;
  city: string | null;
  state: string | null;
  linkPhoto: string | null;
}

export interface TranscriptDetail {
  key: TranscriptKey;
  id: string | null;
  synthName: string | null;
  status: string | null;
  turnCount: number | null;
  timestamp: string | null;
  /** Normalized: role, unwrapped text, internal notes; `index` is the position in the stored array. */
  messages: NormalizedMessage[];
  /** What could not be read (malformed JSON, unknown shapes), in words a researcher understands. */
  problems: string[];
  /** The messages cell as stored (PostgreSQL jsonb as the server prints it); null when NULL. */
  rawJson: string | null;
  synth: TranscriptSynth | null;
  /** Null when the execution row is missing. */
  execution: {
    execId: string;
    topicName: string | null;
    status: string | null;
    model: string | null;
    maxTurns: number | null;
    startedAt: string | null;
    completedAt: string | null;
    experimentId: string | null;
    experimentName: string | null;
  } | null;
}

export const researchApi = {
  /** Executions, newest first by default (started_at as stored, then exec_id), all or of one experiment. */
  'research.executions': {
    params: z.strictObject({
      experimentId: recordId.optional(),
      /** Only these statuses (pending, running, generating_summary, completed, failed, or others real data has). */
      status: z.array(z.string().min(1).max(50)).min(1).max(10).optional(),
      /** Executions of soft-deleted experiments are hidden unless asked for (or named by experimentId). */
      includeDeletedExperiments: z.boolean().default(false),
      /** Executions whose id starts with this, or whose topic or experiment name contains it (case aside; ASCII only on SQLite). */
      search: z.string().trim().max(200).optional(),
      order: sortDirection.default('desc'),
      ...pageParams,
    }),
    result: returns<ExecutionPage>(),
  },
  'research.execution': { params: z.strictObject({ execId: recordId }), result: returns<ExecutionDetail>() },
  /** The execution's transcripts without their messages, by timestamp (as stored) then synth id. */
  'research.transcripts': { params: z.strictObject({ execId: recordId, ...pageParams }), result: returns<TranscriptPage>() },
  'research.transcript': { params: z.strictObject(transcriptKeyParams), result: returns<TranscriptDetail>() },
} satisfies Record<string, MethodDefinition>;
