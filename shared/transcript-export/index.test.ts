import { describe, expect, it } from 'vitest';
import { HEADING, RECORDS, TRICKY, WITH_NOTES, writeAll } from './__fixtures__/records';
import { exportDate, transcriptFacts } from './fields';
import { EXPORT_FORMATS, asciiSlug, createStreamWriter, isSingleFileFormat, suggestedFileName, type SingleFileExportFormat } from './index';

const SINGLE_FILE_FORMATS = EXPORT_FORMATS.filter(isSingleFileFormat);

describe('createStreamWriter', () => {
  it('gives a writer for every single-file format, with its extension and type', () => {
    expect(SINGLE_FILE_FORMATS).toEqual(['md', 'json', 'jsonl', 'csv', 'html']);
    expect(SINGLE_FILE_FORMATS.map((format) => [createStreamWriter(format, WITH_NOTES).extension, createStreamWriter(format, WITH_NOTES).mimeType])).toEqual([
      ['md', 'text/markdown; charset=utf-8'],
      ['json', 'application/json'],
      ['jsonl', 'application/x-ndjson'],
      ['csv', 'text/csv; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
    ]);
  });

  // Streaming: a transcript's text depends on that transcript (and its position) only, so nothing
  // of earlier transcripts needs keeping. JSON's comma is its one bit of state.
  it.each(SINGLE_FILE_FORMATS)('%s: writes a transcript the same after many others as on its own', (format: SingleFileExportFormat) => {
    const alone = createStreamWriter(format, WITH_NOTES);
    alone.begin(HEADING);
    alone.transcript(RECORDS[1] ?? TRICKY, 1);
    const expected = alone.transcript(TRICKY, 500);
    const busy = createStreamWriter(format, WITH_NOTES);
    busy.begin(HEADING);
    for (let position = 1; position < 500; position += 1) busy.transcript(RECORDS[position % RECORDS.length] ?? TRICKY, position);
    expect(busy.transcript(TRICKY, 500)).toBe(expected);
  });

  it.each(SINGLE_FILE_FORMATS)('%s: an export of nothing is still a whole file', (format: SingleFileExportFormat) => {
    const text = writeAll(createStreamWriter(format, WITH_NOTES), []);
    if (format === 'json') expect(JSON.parse(text)).toEqual([]);
    if (format === 'jsonl') expect(text).toBe('');
    if (format === 'csv') expect(text).toBe('exec_id,experiment_id,synth_id,synth_name,turn,speaker,text,internal_notes\r\n');
    if (format === 'md') expect(text).toContain('*0 transcripts.*');
    if (format === 'html') expect(text).toMatch(/<main>\n<\/main>\n<footer class="export-footer">0 transcripts<\/footer>\n<\/body>\n<\/html>\n$/);
  });
});

describe('file names', () => {
  it('folds Portuguese accents to an ASCII slug, capped, never with separators', () => {
    expect(asciiSlug("Maria Conceição D'Ávila")).toBe('maria-conceicao-d-avila');
    expect(asciiSlug('ÇÃO çãoÉÊÍÓÔÕÚÜ àè Straße Œuvre Øresund Łódź', 80)).toBe('cao-caoeeiooouu-ae-strasse-oeuvre-oresund-lodz');
    expect(asciiSlug('../..\\a/b:c*?"<>|')).toBe('a-b-c');
    expect(asciiSlug('李小龙 🙂')).toBe('');
    expect(asciiSlug('palavra '.repeat(20), 20)).toBe('palavra-palavra-pala');
    expect(asciiSlug('abc defgh', 4)).toBe('abc');
  });

  it('suggests a file name from what is exported, per format', () => {
    expect(suggestedFileName('md', 'Execution batch_exp_a1b2c3d4_20251215_143022')).toBe('transcripts-execution-batch-exp-a1b2c3d4-20251215-143022.md');
    expect(suggestedFileName('csv', 'Search: golpe do Pix — “ônibus”')).toBe('transcripts-search-golpe-do-pix-onibus.csv');
    expect(suggestedFileName('md-dir', 'Experiment: Checkout')).toBe('transcripts-experiment-checkout');
    expect(suggestedFileName('jsonl', '🙂')).toBe('transcripts.jsonl');
    expect(suggestedFileName('html', 'x'.repeat(300))).toBe(`transcripts-${'x'.repeat(60)}.html`);
    expect(suggestedFileName('json', '/etc/passwd')).toBe('transcripts-etc-passwd.json');
  });
});

describe('header facts', () => {
  it('reads the four timestamp forms of real data the same way everywhere, without guessing a zone', () => {
    expect(exportDate('2026-01-05T14:03:22.123456+00:00')).toBe('2026-01-05 14:03:22 UTC');
    expect(exportDate('2026-01-05T11:03:22.123456-03:00')).toBe('2026-01-05 14:03:22 UTC');
    expect(exportDate('2026-01-05 14:03:22')).toBe('2026-01-05 14:03:22 UTC');
    expect(exportDate('2026-01-05T11:03:22.123456')).toBe('2026-01-05 11:03:22 (local time, zone unknown)');
    expect(exportDate('2026-01-13 17:00:00.123456')).toBe('2026-01-13 17:00:00 (local time, zone unknown)');
    expect(exportDate(' ontem à tarde ')).toBe('ontem à tarde');
    expect(exportDate(null)).toBeNull();
    expect(exportDate('  ')).toBeNull();
  });

  it('lists what is known in groups and leaves out what is not', () => {
    expect(transcriptFacts(TRICKY).map((group) => group.map((fact) => fact.label))).toEqual([
      ['Age', 'Gender', 'Occupation', 'Place', 'Schooling', 'Group'],
      ['Experiment', 'Topic', 'Execution'],
      ['Date', 'Model', 'Status'],
      ['Synth ID'],
    ]);
    expect(transcriptFacts(RECORDS[1] ?? TRICKY)).toEqual([
      [{ label: 'Execution', value: 'batch_compra-recorrente_20251202_100000' }],
      [{ label: 'Date', value: '2026-01-05 11:03:22 (local time, zone unknown)' }],
      [
        { label: 'Synth ID', value: 'zz0001' },
        { label: 'Transcript ID', value: '6f1c2a4e-8b7d-4c39-9e0a-1d2b3c4d5e6f' },
      ],
    ]);
  });
});
