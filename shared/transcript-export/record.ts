// One transcript as every export format receives it: the backend reads it from the database
// cursor (main/backend/export/), the writers in this folder turn it into text. Pure data, so the
// formats are the same in the CLI, serve mode, the desktop app and the golden-file tests.
import type { NormalizedMessage } from '../transcript-messages';

export const EXPORT_FORMATS = ['md', 'md-dir', 'json', 'jsonl', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSynth {
  id: string;
  /** synths.nome; null when the synth row is gone (transcripts.synth_id has no foreign key). */
  name: string | null;
  age: number | null;
  gender: string | null;
  occupation: string | null;
  city: string | null;
  state: string | null;
  schooling: string | null;
  groupName: string | null;
}

export interface ExportTranscript {
  execId: string;
  synthId: string;
  /** transcripts.id: NULL in synth-lab SQLite v15 files. */
  transcriptId: string | null;
  status: string | null;
  /** Raw database timestamp string (transcripts.timestamp, else the execution's start). */
  timestamp: string | null;
  synth: ExportSynth;
  execution: {
    topicName: string | null;
    model: string | null;
    startedAt: string | null;
    completedAt: string | null;
  };
  experiment: { id: string | null; name: string | null };
  /** Normalized: role, unwrapped text, internal notes (shared/transcript-messages.ts). */
  messages: NormalizedMessage[];
  /** What could not be read in the stored messages, in words a researcher understands. */
  problems: string[];
  /**
   * The messages cell as stored, when not one message could be read from it (malformed JSON,
   * an unknown shape): exported as it is, so that nothing the database holds is lost. Else null.
   */
  storedText: string | null;
}

export interface ExportOptions {
  includeInternalNotes: boolean;
  /** CSV only: start the file with a UTF-8 byte-order mark (Excel reads UTF-8 correctly then). */
  csvBom: boolean;
}

/** What the export is of, for titles and the index: "Execution exec_1a2b", "Search: golpe do pix". */
export interface ExportHeading {
  title: string;
  /** ISO time the export was made (passed in, so golden files are stable). */
  exportedAt: string;
}

/**
 * A single-file format as a streaming writer: `begin`, then `transcript` once per transcript in
 * order, then `end`. Each returns the text to append; the writer keeps only O(1) state, so memory
 * stays constant however many transcripts stream through.
 */
export interface TranscriptStreamWriter {
  /** File name extension without the dot ('md', 'json', …). */
  readonly extension: string;
  readonly mimeType: string;
  begin(heading: ExportHeading): string;
  /** `position`: 1-based place of the transcript in the export (shown as its number, names md-dir files). */
  transcript(record: ExportTranscript, position: number): string;
  end(count: number): string;
}
