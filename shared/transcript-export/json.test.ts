import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADING, RECORDS, ROLE_CONTENT, TRICKY, WITH_NOTES, WITHOUT_NOTES, writeAll } from './__fixtures__/records';
import { expectGolden } from './__fixtures__/golden';
import { transcriptJson, type TranscriptJson } from './json-object';
import { createJsonWriter } from './json';
import { createJsonlWriter } from './jsonl';
import type { ExportTranscript } from './record';

/** The record's content as the JSON formats promise it, built here from the record itself. */
function expectedObject(record: ExportTranscript, includeNotes: boolean): unknown {
  const { messages, problems, ...rest } = record;
  return {
    ...rest,
    messages: messages.map(({ internalNotes, ...message }) => (includeNotes ? { ...message, internalNotes } : message)),
    problems,
  };
}

describe('JSON writer', () => {
  it('matches the golden file', async () => {
    await expectGolden(writeAll(createJsonWriter(WITH_NOTES)), 'records.json');
  });

  it('parses back to an array holding each record\'s content, with or without internal notes', () => {
    expect(JSON.parse(writeAll(createJsonWriter(WITH_NOTES)))).toEqual(RECORDS.map((record) => expectedObject(record, true)));
    const withoutNotes = JSON.parse(writeAll(createJsonWriter(WITHOUT_NOTES))) as TranscriptJson[];
    expect(withoutNotes).toEqual(RECORDS.map((record) => expectedObject(record, false)));
    expect(withoutNotes.flatMap((record) => record.messages).some((message) => 'internalNotes' in message)).toBe(false);
  });

  it('keeps NULL ids and {role, content} messages like any other', () => {
    const [tricky, roleContent] = JSON.parse(writeAll(createJsonWriter(WITH_NOTES), [TRICKY, ROLE_CONTENT])) as TranscriptJson[];
    expect(tricky?.transcriptId).toBeNull();
    expect(roleContent?.synth.name).toBeNull();
    expect(roleContent?.messages.map((message) => [message.role, message.speakerLabel, message.text])).toEqual([
      ['interviewer', 'interviewer', 'Oi! Tudo bem?'],
      ['synth', 'assistant', 'Parte 1\nParte 2 — com travessão'],
      ['interviewer', 'Interviewer', 'E o pagamento recorrente?\n\n\n\nConta mais.'],
      ['synth', 'assistant', 'Tudo ótimo 😀👩🏽‍💻, obrigado!'],
    ]);
  });

  it('is valid JSON for no transcripts and for one, and a writer can be used again', () => {
    const writer = createJsonWriter(WITH_NOTES);
    expect(JSON.parse(writeAll(writer, []))).toEqual([]);
    expect(JSON.parse(writeAll(writer, [TRICKY]))).toEqual([expectedObject(TRICKY, true)]);
    expect(JSON.parse(writeAll(writer, RECORDS))).toHaveLength(RECORDS.length);
  });

  it('is indented for reading: one object after another, fields on their own lines', () => {
    const text = writeAll(createJsonWriter(WITHOUT_NOTES), [TRICKY, ROLE_CONTENT]);
    expect(text.startsWith('[\n  {\n    "execId": "batch_exp_a1b2c3d4_20251215_143022",\n')).toBe(true);
    expect(text).toContain('\n  },\n  {\n    "execId": "batch_compra-recorrente_20251202_100000",');
    expect(text.endsWith('\n  }\n]\n')).toBe(true);
  });
});

describe('JSONL writer', () => {
  it('matches the golden file', async () => {
    await expectGolden(writeAll(createJsonlWriter(WITH_NOTES)), 'records.jsonl');
  });

  it('writes one transcript per line, each line parsing to the record\'s content', () => {
    const text = writeAll(createJsonlWriter(WITH_NOTES));
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(RECORDS.length);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(RECORDS.map((record) => expectedObject(record, true)));
    expect(writeAll(createJsonlWriter(WITH_NOTES), [], HEADING)).toBe('');
  });

  it('keeps any text on its line: no raw CR, LF, NEL, U+2028 or U+2029 inside one', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\n', '\r', '\u2028', '\u2029', '\u0085', '"', '\\', 'a', 'ç', '😀', '\ud800') }), (text) => {
        const record: ExportTranscript = { ...TRICKY, messages: [{ index: 0, role: 'synth', speakerLabel: '', text, internalNotes: text }] };
        const output = writeAll(createJsonlWriter(WITH_NOTES), [record, record]);
        const lines = output.split(/\r\n|[\n\r\u2028\u2029\u0085]/);
        expect(lines).toHaveLength(3);
        expect(lines[2]).toBe('');
        for (const line of lines.slice(0, 2)) expect((JSON.parse(line) as TranscriptJson).messages[0]?.text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same object as the JSON format, from the same builder', () => {
    const arrayObjects = JSON.parse(writeAll(createJsonWriter(WITH_NOTES))) as unknown[];
    const lineObjects = writeAll(createJsonlWriter(WITH_NOTES)).trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lineObjects).toEqual(arrayObjects);
    expect(lineObjects).toEqual(RECORDS.map((record) => JSON.parse(JSON.stringify(transcriptJson(record, WITH_NOTES))) as unknown));
  });
});
