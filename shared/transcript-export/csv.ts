// CSV: one row per message, for spreadsheets and qualitative-analysis tools. RFC 4180: CRLF row
// ends, a header row, fields quoted when they hold a comma, a quote, CR or LF, quotes doubled.
//
// No guard against spreadsheet formula injection (prefixing '=', '+', '-', '@' with a quote): the
// text must read back exactly as the synth and interviewer wrote it, and the values are interview
// text, not formulas a spreadsheet was asked to evaluate. A researcher importing into a spreadsheet
// should import the columns as text.
import { STORED_TEXT_SPEAKER } from './fields';
import type { ExportOptions, ExportTranscript, TranscriptStreamWriter } from './record';

export const CSV_COLUMNS = ['exec_id', 'experiment_id', 'synth_id', 'synth_name', 'turn', 'speaker', 'text', 'internal_notes'] as const;

const BYTE_ORDER_MARK = '\uFEFF';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * The rows of one transcript. `turn` is the message's 1-based position in the stored conversation
 * (index + 1), `speaker` its role: 'interviewer' or 'synth'. A transcript without messages has no rows;
 * one whose messages could not be read has one row: speaker 'stored_text', no turn, the cell as stored.
 */
export function csvTranscriptRows(record: ExportTranscript, options: ExportOptions): string {
  if (record.storedText !== null) {
    // Unreadable messages still reach the file: one row holding the cell as stored.
    return csvRow([record.execId, record.experiment.id ?? '', record.synthId, record.synth.name ?? '', '', STORED_TEXT_SPEAKER, record.storedText, '']);
  }
  return record.messages
    .map((message) =>
      csvRow([
        record.execId,
        record.experiment.id ?? '',
        record.synthId,
        record.synth.name ?? '',
        String(message.index + 1),
        message.role,
        message.text,
        options.includeInternalNotes ? (message.internalNotes ?? '') : '',
      ]),
    )
    .join('');
}

export function createCsvWriter(options: ExportOptions): TranscriptStreamWriter {
  return {
    extension: 'csv',
    mimeType: 'text/csv; charset=utf-8',
    begin: () => `${options.csvBom ? BYTE_ORDER_MARK : ''}${csvRow(CSV_COLUMNS)}`,
    transcript: (record) => csvTranscriptRows(record, options),
    end: () => '',
  };
}
