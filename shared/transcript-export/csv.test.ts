import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADING, RECORDS, TRICKY, WITH_NOTES, WITHOUT_NOTES, writeAll } from './__fixtures__/records';
import { expectGolden } from './__fixtures__/golden';
import { CSV_COLUMNS, createCsvWriter } from './csv';
import type { ExportTranscript } from './record';

// Strict RFC 4180 reading: rows must end in CRLF (a bare LF outside quotes would fail), quotes must
// be balanced and every row must have the header's column count.
function readCsv(text: string): string[][] {
  return parse(text, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false }) as string[][];
}

function expectedRows(records: readonly ExportTranscript[], includeNotes: boolean): string[][] {
  return records.flatMap((record) =>
    record.storedText !== null
      ? [[record.execId, record.experiment.id ?? '', record.synthId, record.synth.name ?? '', '', 'stored_text', record.storedText, '']]
      : record.messages.map((message) => [
      record.execId,
      record.experiment.id ?? '',
      record.synthId,
      record.synth.name ?? '',
      String(message.index + 1),
      message.role,
      message.text,
      includeNotes ? (message.internalNotes ?? '') : '',
    ]),
  );
}

describe('CSV writer', () => {
  it('matches the golden file', async () => {
    await expectGolden(writeAll(createCsvWriter(WITH_NOTES)), 'records.csv');
  });

  it('reads back with a CSV parser to exactly the original text: quotes, commas, CR/LF, blank lines, emoji, formulas', () => {
    const rows = readCsv(writeAll(createCsvWriter(WITH_NOTES)));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual(expectedRows(RECORDS, true));
    // Spot checks of what must survive untouched (no formula guard, no trimming, CR kept).
    const texts = rows.slice(1).map((row) => row[6]);
    expect(texts).toContain('=SOMA(A1:A2)\r+55 11 99999-0000\r\n@usuario\t"aspas ""duplas"""\n\n\n\nFim, com vírgula,   ');
    expect(texts).toContain('# Normalmente uso Pix 💸, às vezes cartão.\r\nÉ rápido, mas <script>alert("x")</script> & tal | coisa.');
    expect(texts).toContain('Tudo ótimo 😀👩🏽‍💻, obrigado!');
  });

  it('has one row per message, turn = stored position + 1, no rows for a transcript without messages, one for unreadable ones', () => {
    const rows = readCsv(writeAll(createCsvWriter(WITHOUT_NOTES))).slice(1);
    expect(rows).toHaveLength(RECORDS.reduce((sum, record) => sum + (record.storedText !== null ? 1 : record.messages.length), 0));
    const unreadable = RECORDS.filter((record) => record.storedText !== null);
    expect(unreadable.length).toBeGreaterThan(0);
    for (const record of unreadable) {
      expect(rows.find((row) => row[2] === record.synthId && row[0] === record.execId)?.slice(4, 7)).toEqual(['', 'stored_text', record.storedText]);
    }
    expect(rows.filter((row) => row[2] === TRICKY.synthId).map((row) => [row[4], row[5]])).toEqual([
      ['1', 'interviewer'],
      ['2', 'synth'],
      ['3', 'interviewer'],
      ['4', 'synth'],
      ['6', 'synth'],
    ]);
    // A synth row that is gone: empty name, not "null".
    expect(rows.find((row) => row[2] === 'zz0001')?.slice(0, 4)).toEqual(['batch_compra-recorrente_20251202_100000', '', 'zz0001', '']);
  });

  it('leaves internal_notes empty unless asked for', () => {
    const rows = readCsv(writeAll(createCsvWriter(WITHOUT_NOTES))).slice(1);
    expect(rows.every((row) => row[7] === '')).toBe(true);
    expect(rows).toEqual(expectedRows(RECORDS, false));
  });

  it('uses CRLF row ends and starts with a byte-order mark only when asked, before anything else', () => {
    const plain = writeAll(createCsvWriter(WITHOUT_NOTES));
    expect(plain.startsWith('exec_id,experiment_id,synth_id,synth_name,turn,speaker,text,internal_notes\r\n')).toBe(true);
    const bom = writeAll(createCsvWriter({ includeInternalNotes: false, csvBom: true }));
    expect(bom.charCodeAt(0)).toBe(0xfeff);
    expect(bom.slice(1)).toBe(plain);
    expect(new TextEncoder().encode(bom).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(writeAll(createCsvWriter(WITHOUT_NOTES), [], HEADING)).toBe('exec_id,experiment_id,synth_id,synth_name,turn,speaker,text,internal_notes\r\n');
  });

  it('round-trips any text, any synth name and any notes exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', ' ', 'a', 'é', '😀', '=', '\t') }), fc.string(), (text, name, notes) => {
        const record: ExportTranscript = {
          ...TRICKY,
          synth: { ...TRICKY.synth, name },
          messages: [{ index: 0, role: 'synth', speakerLabel: 'Interviewee', text, internalNotes: notes }],
        };
        const rows = readCsv(writeAll(createCsvWriter({ includeInternalNotes: true, csvBom: true }), [record]));
        expect(rows.slice(1)).toEqual([[TRICKY.execId, 'exp_a1b2c3d4', TRICKY.synthId, name, '1', 'synth', text, notes]]);
      }),
      { numRuns: 1000 },
    );
  });
});
