// export.*: transcripts written to a file (or, in serve mode, a one-time download) in any of the
// formats of shared/transcript-export/, streamed from the database with constant memory. A scope
// says which transcripts; the backend orders them by experiment, execution start, execution id,
// then synth name and id, whatever the scope.
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from '../transcript-export/record';
import { returns, type MethodDefinition } from './define';
import { transcriptKeyParams } from './research';
import { SEARCH_SPEAKERS } from './search';

export { EXPORT_FORMATS, type ExportFormat } from '../transcript-export/record';

const recordId = z.string().min(1).max(200);

/** Most keys a 'selection' scope may name (rows selected in a table). */
export const EXPORT_SELECTION_MAX = 10_000;

/** Serve mode: GET this path + the download id fetches the file once (the page's token cookie covers it). */
export const DOWNLOAD_PATH_PREFIX = '/api/download/';

// Absolute on POSIX (`/…`) or Windows (`C:\…`, `\\server\share`): a relative path would depend on
// the backend's working folder, which the caller cannot see.
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export const exportScopeSchema = z.discriminatedUnion('kind', [
  /** One transcript. */
  z.strictObject({ kind: z.literal('transcript'), ...transcriptKeyParams }),
  /** Every transcript of one research execution. */
  z.strictObject({ kind: z.literal('execution'), execId: recordId }),
  /** Every transcript of every execution of one experiment. */
  z.strictObject({ kind: z.literal('experiment'), experimentId: recordId }),
  /** Every transcript of one synth, across executions. */
  z.strictObject({ kind: z.literal('synth'), synthId: recordId }),
  /** The transcripts search.query finds (at least one matching message), with the same filters. */
  z.strictObject({
    kind: z.literal('search'),
    text: z.string().max(500),
    experimentId: recordId.optional(),
    execId: recordId.optional(),
    speaker: z.enum(SEARCH_SPEAKERS).optional(),
  }),
  /** Rows selected in a table; keys that are not in the database are left out. */
  z.strictObject({ kind: z.literal('selection'), keys: z.array(z.strictObject(transcriptKeyParams)).min(1).max(EXPORT_SELECTION_MAX) }),
  /** Everything; soft-deleted experiments' interviews only when asked, as everywhere in the app. */
  z.strictObject({ kind: z.literal('all'), includeDeletedExperiments: z.boolean().default(false) }),
]);

export type ExportScope = z.input<typeof exportScopeSchema>;
export type ExportScopeKind = ExportScope['kind'];

export const exportOptionsSchema = z.strictObject({
  /** The agents' private reasoning (internal_notes), which synth-lab never showed. */
  includeInternalNotes: z.boolean().default(false),
  /** CSV only: a UTF-8 byte-order mark first, so that Excel reads the accents right. */
  csvBom: z.boolean().default(false),
});

export const exportTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    /** Absolute path of the file (a folder for 'md-dir') to write. */
    path: z.string().min(1).max(4096).regex(ABSOLUTE_PATH, 'Must be an absolute path'),
    /** Replace what is already there; without it an existing target is a 'target_exists' error. */
    overwrite: z.boolean().default(false),
  }),
  /** Serve mode only: the file is kept for a while and fetched once from downloadUrl. */
  z.strictObject({ kind: z.literal('download') }),
]);

export type ExportTarget = z.input<typeof exportTargetSchema>;

interface ExportSummary {
  format: ExportFormat;
  /** File (or folder) name: the target's last path part, or the download's suggested name. */
  fileName: string;
  mimeType: string;
  transcripts: number;
  messages: number;
  /** Bytes written (all files of an 'md-dir' folder). */
  bytes: number;
  elapsedMs: number;
}

export type ExportResult =
  | (ExportSummary & { target: 'file'; /** The absolute path written. */ path: string })
  | (ExportSummary & {
      target: 'download';
      downloadId: string;
      /** Same-origin path to GET once (serve mode): the file is deleted after it has been downloaded. */
      downloadUrl: string;
      /** ISO time after which the download is gone. */
      expiresAt: string;
    });

/** What an export is of, as data, for the page to say in the researcher's language. */
export interface ExportSubject {
  kind: ExportScopeKind;
  /** The synth's or experiment's name, or the searched text; null where the scope has none. */
  name: string | null;
  /** The execution id ('transcript', 'execution'); else null. */
  execId: string | null;
}

export interface ExportCount {
  transcripts: number;
  executions: number;
  subject: ExportSubject;
  /** What is exported, in words ("Execution batch_…", "Search: preço"): the export's title. */
  title: string;
  /** A file name to offer in a save dialog, per format (for 'md-dir' a folder name). */
  suggestedFileNames: Record<ExportFormat, string>;
}

export const exportApi = {
  /** Writes the scope's transcripts; progress events carry done/total, rate and ETA; cancellable. */
  'export.transcripts': {
    params: z.strictObject({
      scope: exportScopeSchema,
      format: z.enum(EXPORT_FORMATS),
      options: exportOptionsSchema.default({ includeInternalNotes: false, csvBom: false }),
      target: exportTargetSchema,
    }),
    result: returns<ExportResult>(),
  },
  /** How many transcripts a scope holds, for the export dialog (a search scope runs the search). */
  'export.count': { params: z.strictObject({ scope: exportScopeSchema }), result: returns<ExportCount>() },
} satisfies Record<string, MethodDefinition>;
