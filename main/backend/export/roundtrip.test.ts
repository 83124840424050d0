// CSV read back with a CSV parser, JSON and JSONL parsed: each gives exactly the unwrapped text of
// every message as the database holds it, quotes, line breaks (CRLF too), commas, tabs, emoji,
// U+2028 and a leading "=" included. The text comes from an extra transcript written into a copy of
// synth-lab's own databases (both message shapes, wrapped text), and from the demo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, type TranscriptJson } from '../../../shared/transcript-export/index';
import { openForBrowsing } from '../db/policy';
import { DatabaseSession, type ActiveDatabase } from '../services/session';
import { copyTemplate, type TestDatabaseKind } from '../test-support/databases';
import { describePg } from '../test-support/pg-suite';
import { makeTempDir } from '../test-support/tmp';
import { runExport, type ExportParams } from './run';
import { keyOf, readRawDatabase, type RawDatabase } from './test-oracle';

const TRICKY_EXEC = 'batch_exp_a1b2c3d4_20251215_143022';
const TRICKY_SYNTH = 'tr1cky';
const TRICKY_MESSAGES = [
  { speaker: 'Interviewer', text: 'Vírgulas, "aspas", e\r\nquebras\nde linha;\ttab', internal_notes: 'nota, com "aspas"\n2ª linha' },
  { speaker: 'Interviewee', text: JSON.stringify({ message: 'Emoji 😀👩🏽‍💻🇧🇷, acentos: ação, pão', should_end: false, internal_notes: 'embrulhado' }), internal_notes: null },
  { role: 'interviewer', content: '=SUM(A1:A2) +1 -2 @x' },
  { role: 'user', content: 'só "" aspas "" e ,,,, vírgulas,\r' },
  { speaker: 'Interviewee', text: '' },
  { speaker: 'Interviewer', text: 'separador\u2028de linha\u2029Unicode e fim sem quebra' },
];
const TRICKY_NOTES = ['nota, com "aspas"\n2ª linha', 'embrulhado', '', '', '', ''];

const temp = makeTempDir('slb-export-roundtrip-');
afterAll(() => temp.cleanup());

async function addTrickyTranscript(kind: TestDatabaseKind, url: string): Promise<void> {
  const row = [TRICKY_EXEC, TRICKY_SYNTH, 'Ção "Tricky", Jr.', 'completed', 3, '2025-12-15T14:50:00+00:00', JSON.stringify(TRICKY_MESSAGES)] as const;
  if (kind === 'synthlab-sqlite') {
    const db = new Database(url);
    try {
      db.prepare('INSERT INTO transcripts (id, exec_id, synth_id, synth_name, status, turn_count, timestamp, messages) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)').run(...row);
    } finally {
      db.close();
    }
  } else if (kind === 'synthlab-postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const exec = await client.query<{ exec_id: string }>('SELECT exec_id FROM research_executions ORDER BY exec_id LIMIT 1');
      const values = [exec.rows[0]!.exec_id, ...row.slice(1)];
      await client.query(`INSERT INTO transcripts (id, exec_id, synth_id, synth_name, status, turn_count, "timestamp", messages) VALUES ('6f1c2a4e-0000-4000-8000-00000000tr1c', $1, $2, $3, $4, $5, $6, $7)`, values);
    } finally {
      await client.end();
    }
  }
}

function roundtripSuite(kind: TestDatabaseKind): void {
  let session: DatabaseSession;
  let db: ActiveDatabase;
  let remove: () => Promise<void>;
  let raw: RawDatabase;
  let n = 0;

  beforeAll(async () => {
    const copy = await copyTemplate(kind);
    remove = copy.remove;
    await addTrickyTranscript(kind, copy.url);
    session = new DatabaseSession();
    db = session.adopt(await openForBrowsing(copy.url));
    raw = await readRawDatabase(db.handle.knex, db.capabilities.engine);
  });
  afterAll(async () => {
    await session.close();
    await remove();
  });

  async function exported(format: 'csv' | 'json' | 'jsonl', csvBom = false): Promise<string> {
    const path = join(temp.dir, `${kind}-${(n += 1)}.${format}`);
    const params: ExportParams = {
      scope: { kind: 'all', includeDeletedExperiments: true },
      format,
      options: { includeInternalNotes: true, csvBom },
      target: { kind: 'file', path, overwrite: false },
    };
    await runExport(db, params);
    return readFileSync(path, 'utf8');
  }

  const expectedTexts = (): Map<string, string[]> => new Map(raw.transcripts.map((t) => [keyOf(t), t.messages.map((m) => m.text)]));

  it('CSV (with and without a byte-order mark) reads back to the exact text of every message', async () => {
    for (const bom of [false, true]) {
      const text = await exported('csv', bom);
      expect(text.startsWith('\uFEFF')).toBe(bom);
      const rows = parse(text, { bom: true, columns: true, relaxQuotes: false, relaxColumnCount: false }) as Array<Record<(typeof CSV_COLUMNS)[number], string>>;
      expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
      const got = new Map<string, string[]>();
      for (const row of rows) {
        const key = keyOf({ execId: row.exec_id, synthId: row.synth_id });
        got.set(key, [...(got.get(key) ?? []), row.text]);
      }
      // A transcript without messages has no rows.
      const expected = new Map([...expectedTexts()].filter(([, texts]) => texts.length > 0));
      expect(got).toEqual(expected);
      if (kind !== 'demo-sqlite') {
        const tricky = rows.filter((row) => row.synth_id === TRICKY_SYNTH);
        expect(tricky.map((row) => row.internal_notes)).toEqual(TRICKY_NOTES);
        expect(tricky.map((row) => row.synth_name)).toEqual(TRICKY_MESSAGES.map(() => 'Ção "Tricky", Jr.'));
        expect(tricky[1]!.text).toBe('Emoji 😀👩🏽‍💻🇧🇷, acentos: ação, pão');
        expect(tricky.map((row) => row.speaker)).toEqual(['interviewer', 'synth', 'interviewer', 'synth', 'synth', 'interviewer']);
      }
    }
  });

  it('JSON and JSONL parse, and hold the same transcripts with the exact text', async () => {
    const json = JSON.parse(await exported('json')) as TranscriptJson[];
    const lines = (await exported('jsonl')).split('\n');
    expect(lines.at(-1)).toBe('');
    const jsonl = lines.slice(0, -1).map((line) => JSON.parse(line) as TranscriptJson);
    expect(jsonl).toEqual(json);
    expect(new Map(json.map((t) => [keyOf(t), t.messages.map((m) => m.text)]))).toEqual(expectedTexts());
    if (kind !== 'demo-sqlite') {
      const tricky = json.find((t) => t.synthId === TRICKY_SYNTH)!;
      expect(tricky.messages.map((m) => m.internalNotes ?? '')).toEqual(TRICKY_NOTES);
    }
  });
}

describe('round trip: synth-lab SQLite v15 file with a tricky transcript', () => roundtripSuite('synthlab-sqlite'));
describe('round trip: the demo (SQLite)', () => roundtripSuite('demo-sqlite'));
describePg('round trip: synth-lab PostgreSQL with a tricky transcript', () => roundtripSuite('synthlab-postgres'));
