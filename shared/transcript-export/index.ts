// The transcript export formats, for the backend pipeline (main/backend/export/) and the UI.
import { createCsvWriter } from './csv';
import { createHtmlWriter } from './html';
import { createJsonWriter } from './json';
import { createJsonlWriter } from './jsonl';
import { createMarkdownWriter } from './markdown';
import type { ExportFormat, ExportOptions, TranscriptStreamWriter } from './record';

export * from './record';
export { suggestedFileName, asciiSlug } from './file-names';
export { createMarkdownIndexWriter, markdownDirFile, markdownDirFileName, MARKDOWN_INDEX_FILE_NAME } from './markdown-dir';
export type { MarkdownDirFile, MarkdownIndexWriter } from './markdown-dir';
export type { TranscriptJson, TranscriptJsonMessage } from './json-object';
export { CSV_COLUMNS } from './csv';

/** The formats written as one file by one stream writer; 'md-dir' is a folder (markdown-dir.ts). */
export type SingleFileExportFormat = Exclude<ExportFormat, 'md-dir'>;

const WRITERS: Record<SingleFileExportFormat, (options: ExportOptions) => TranscriptStreamWriter> = {
  md: createMarkdownWriter,
  json: createJsonWriter,
  jsonl: createJsonlWriter,
  csv: createCsvWriter,
  html: createHtmlWriter,
};

export function isSingleFileFormat(format: ExportFormat): format is SingleFileExportFormat {
  return format !== 'md-dir';
}

/** A fresh writer for one export (writers keep a little state, such as JSON's comma: one per file). */
export function createStreamWriter(format: SingleFileExportFormat, options: ExportOptions): TranscriptStreamWriter {
  return WRITERS[format](options);
}
