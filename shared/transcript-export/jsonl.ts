// JSONL: one transcript object per line, nothing else: every line parses on its own.
import { toJsonText, transcriptJson } from './json-object';
import type { ExportOptions, TranscriptStreamWriter } from './record';

export function createJsonlWriter(options: ExportOptions): TranscriptStreamWriter {
  return {
    extension: 'jsonl',
    mimeType: 'application/x-ndjson',
    begin: () => '',
    transcript: (record) => `${toJsonText(transcriptJson(record, options))}\n`,
    end: () => '',
  };
}
