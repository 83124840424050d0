// JSON: one array of transcript objects, streamed as '[', the objects separated by commas, ']'.
// Indented for reading; the only state is whether an object was written yet (for the comma).
import { toJsonText, transcriptJson } from './json-object';
import type { ExportOptions, TranscriptStreamWriter } from './record';

export function createJsonWriter(options: ExportOptions): TranscriptStreamWriter {
  let written = 0;
  return {
    extension: 'json',
    mimeType: 'application/json',
    begin() {
      written = 0;
      return '[';
    },
    transcript(record) {
      // JSON.stringify never writes a raw line break inside a string, so indenting every line is safe.
      const object = toJsonText(transcriptJson(record, options), 2).replace(/\n/g, '\n  ');
      written += 1;
      return `${written === 1 ? '\n' : ',\n'}  ${object}`;
    },
    end: () => (written === 0 ? ']\n' : '\n]\n'),
  };
}
