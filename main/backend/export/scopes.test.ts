// Every export scope on the four kinds of database (this app's demo on SQLite and PostgreSQL,
// synth-lab's SQLite v15 file and its PostgreSQL database) gives exactly the transcripts an
// independent reading of the raw rows says it should, in the documented order, with the
// unwrapped message text; foreign databases are left byte-for-byte unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportScopeSchema, type ExportScope } from '../../../shared/contract/export';
import type { TranscriptJson } from '../../../shared/transcript-export/index';
import { openTestDatabase, type TestDatabase, type TestDatabaseKind } from '../test-support/databases';
import { postgresSnapshot, sqliteFilesDigest } from '../test-support/fixtures/snapshot';
import { describePg } from '../test-support/pg-suite';
import { makeTempDir } from '../test-support/tmp';
import type { ReadOptions } from './reader';
import { countExport, runExport } from './run';
import { keyOf, readRawDatabase, searchOracle, someSpokenWord, type RawDatabase } from './test-oracle';
import { rejectionOf } from '../test-support/app-error';

const temp = makeTempDir('slb-export-scopes-');
afterAll(() => temp.cleanup());
let files = 0;

async function exportJsonl(test: TestDatabase, scope: ExportScope, read?: ReadOptions): Promise<{ records: TranscriptJson[]; transcripts: number; messages: number }> {
  const path = join(temp.dir, `export-${(files += 1)}.jsonl`);
  const result = await runExport(
    test.db,
    {
      scope: exportScopeSchema.parse(scope),
      format: 'jsonl',
      options: { includeInternalNotes: false, csvBom: false },
      target: { kind: 'file', path, overwrite: false },
    },
    read === undefined ? {} : { read },
  );
  const records = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TranscriptJson);
  return { records, transcripts: result.transcripts, messages: result.messages };
}

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Experiments and executions each come in one run; within an execution, by synth name then id (byte order). */
function expectExportOrder(records: readonly TranscriptJson[]): void {
  const runs = (values: readonly string[]): string[] => values.filter((value, i) => i === 0 || values[i - 1] !== value);
  const execs = records.map((r) => r.execId);
  expect(new Set(runs(execs)).size).toBe(runs(execs).length);
  const experiments = records.map((r) => r.experiment.id ?? '(none)');
  expect(new Set(runs(experiments)).size).toBe(runs(experiments).length);
  for (let i = 1; i < records.length; i += 1) {
    const [a, b] = [records[i - 1]!, records[i]!];
    if (a.execId !== b.execId) continue;
    const order = byBytes(a.synth.name ?? '', b.synth.name ?? '') || byBytes(a.synthId, b.synthId);
    expect(order, `${a.synthId} before ${b.synthId} in ${a.execId}`).toBeLessThan(0);
  }
}

async function expectScope(test: TestDatabase, raw: RawDatabase, scope: ExportScope, expected: Set<string>): Promise<TranscriptJson[]> {
  expect(expected.size, `the fixture gives ${scope.kind} something to export`).toBeGreaterThan(0);
  const { records, transcripts, messages } = await exportJsonl(test, scope);
  const keys = records.map(keyOf);
  expect(new Set(keys).size).toBe(keys.length);
  expect(new Set(keys)).toEqual(expected);
  expect(transcripts).toBe(expected.size);
  expect((await countExport(test.db, exportScopeSchema.parse(scope))).transcripts).toBe(expected.size);
  const byKey = new Map(raw.transcripts.map((t) => [keyOf(t), t]));
  let messageCount = 0;
  for (const record of records) {
    const original = byKey.get(keyOf(record))!;
    expect(record.messages.map((m) => [m.index, m.role, m.text])).toEqual(original.messages.map((m) => [m.index, m.role, m.text]));
    messageCount += record.messages.length;
  }
  expect(messages).toBe(messageCount);
  expectExportOrder(records);
  return records;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}


function scopeSuite(kind: TestDatabaseKind, snapshot: ((url: string) => Promise<unknown>) | null): void {
  let test: TestDatabase;
  let raw: RawDatabase;
  let before: unknown;

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    if (snapshot !== null) before = await snapshot(test.url);
    raw = await readRawDatabase(test.db.handle.knex, test.db.capabilities.engine);
  });
  afterAll(async () => {
    await test.cleanup();
  });

  const keysWhere = (keep: (t: RawDatabase['transcripts'][number]) => boolean): Set<string> => new Set(raw.transcripts.filter(keep).map(keyOf));

  it('one transcript', async () => {
    const richest = [...raw.transcripts].sort((a, b) => b.messages.length - a.messages.length)[0]!;
    const [record] = await expectScope(test, raw, { kind: 'transcript', execId: richest.execId, synthId: richest.synthId }, new Set([keyOf(richest)]));
    expect(record!.messages.length).toBeGreaterThan(0);
  });

  it('one execution', async () => {
    const execId = mostCommon(raw.transcripts.map((t) => t.execId));
    await expectScope(test, raw, { kind: 'execution', execId }, keysWhere((t) => t.execId === execId));
  });

  it("an experiment's interviews", async () => {
    const experimentId = mostCommon(raw.transcripts.flatMap((t) => (t.experimentId === null ? [] : [t.experimentId])));
    const records = await expectScope(test, raw, { kind: 'experiment', experimentId }, keysWhere((t) => t.experimentId === experimentId));
    expect(records.every((r) => r.experiment.id === experimentId && r.experiment.name === raw.experiments.get(experimentId)?.name)).toBe(true);
  });

  it("a synth's transcripts", async () => {
    const synthId = mostCommon(raw.transcripts.map((t) => t.synthId));
    await expectScope(test, raw, { kind: 'synth', synthId }, keysWhere((t) => t.synthId === synthId));
  });

  it('the results of a search, and of a search with filters', async () => {
    const word = someSpokenWord(raw);
    await expectScope(test, raw, { kind: 'search', text: word.toUpperCase() }, await searchOracle(test.db.handle.knex, raw.engine, { words: [word] }));

    const execId = mostCommon(raw.transcripts.map((t) => t.execId));
    const interviewerWord = raw.transcripts.find((t) => t.execId === execId)!.messages.find((m) => m.role === 'interviewer')!.text.split(/[^\p{L}]+/u).find((w) => w.length >= 5)!;
    const filter = { words: [interviewerWord], execId, speaker: 'interviewer' as const };
    await expectScope(test, raw, { kind: 'search', text: interviewerWord, execId, speaker: 'interviewer' }, await searchOracle(test.db.handle.knex, raw.engine, filter));
  });

  it('rows selected in a table (keys no longer in the database are left out)', async () => {
    const chosen = [raw.transcripts[0]!, raw.transcripts.at(-1)!, raw.transcripts[Math.floor(raw.transcripts.length / 2)]!];
    await expectScope(
      test,
      raw,
      { kind: 'selection', keys: [...chosen.map((t) => ({ execId: t.execId, synthId: t.synthId })), { execId: 'batch_gone', synthId: 'zzzzzz' }] },
      new Set(chosen.map(keyOf)),
    );
  });

  it('everything, without and with soft-deleted experiments', async () => {
    await expectScope(test, raw, { kind: 'all', includeDeletedExperiments: false }, keysWhere((t) => !t.experimentDeleted));
    await expectScope(test, raw, { kind: 'all', includeDeletedExperiments: true }, keysWhere(() => true));
  });

  it('gives the same records across batch boundaries and with selections filtered after reading', async () => {
    // Batches of 2 (keyset continuation inside an execution) and IN lists of at most 1 synth (larger
    // selections are read whole and filtered): the same records in the same order as in one go.
    const small: ReadOptions = { batchSize: 2, maxInList: 1 };
    const execId = mostCommon(raw.transcripts.map((t) => t.execId));
    const inExecution = raw.transcripts.filter((t) => t.execId === execId).slice(0, 3);
    const scopes: ExportScope[] = [
      { kind: 'all', includeDeletedExperiments: true },
      { kind: 'selection', keys: inExecution.map((t) => ({ execId: t.execId, synthId: t.synthId })) },
      { kind: 'search', text: someSpokenWord(raw) },
    ];
    for (const scope of scopes) {
      const whole = await exportJsonl(test, scope);
      const batched = await exportJsonl(test, scope, small);
      expect(batched.records.map(keyOf)).toEqual(whole.records.map(keyOf));
      expect(batched.records).toEqual(whole.records);
    }
  });

  it('names what is not there with a typed error', async () => {
    const plan = (scope: ExportScope) => countExport(test.db, exportScopeSchema.parse(scope));
    expect((await rejectionOf(plan({ kind: 'execution', execId: 'batch_nope' }))).code).toBe('not_found');
    expect((await rejectionOf(plan({ kind: 'experiment', experimentId: 'exp_nope' }))).code).toBe('not_found');
    expect((await rejectionOf(plan({ kind: 'synth', synthId: 'nope00' }))).code).toBe('not_found');
    expect((await rejectionOf(plan({ kind: 'transcript', execId: raw.transcripts[0]!.execId, synthId: 'nope00' }))).code).toBe('not_found');
    expect((await rejectionOf(plan({ kind: 'selection', keys: [{ execId: 'a', synthId: 'b' }] }))).code).toBe('not_found');
    expect((await rejectionOf(plan({ kind: 'search', text: ' ?! ' }))).code).toBe('bad_request');
  });

  if (snapshot !== null) {
    it('leaves the database exactly as it was', async () => {
      expect(await snapshot(test.url)).toEqual(before);
    });
  }
}

describe('export scopes on the demo (SQLite)', () => scopeSuite('demo-sqlite', null));
describe('export scopes on a synth-lab SQLite v15 file', () => scopeSuite('synthlab-sqlite', async (url) => sqliteFilesDigest(url)));
describePg('export scopes on the demo (PostgreSQL)', () => scopeSuite('demo-postgres', null));
describePg('export scopes on a synth-lab PostgreSQL database', () => scopeSuite('synthlab-postgres', (url) => postgresSnapshot(url)));
