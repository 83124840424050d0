// `synthlab-browser export` against real SQLite files and a real PostgreSQL: good input writes the
// file and says so in one line; bad input gets one clear line on stderr, a non-zero exit, and
// changes nothing (not the target, not the database).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptJson } from '../../shared/transcript-export/index';
import { copyTemplate } from '../backend/test-support/databases';
import { sqliteFilesDigest } from '../backend/test-support/fixtures/snapshot';
import { SYNTHLAB_SQLITE_V15_IDS } from '../backend/test-support/fixtures/synthlab-sqlite-v15';
import { describePg } from '../backend/test-support/pg-suite';
import { makeTempDir } from '../backend/test-support/tmp';
import { cli, expectOneLineFailure, type CliRun } from './test-support';

function expectSummary(run: CliRun, transcripts: number | null): void {
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const lines = run.out.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Exported [\d,]+ transcripts? \([\d,]+ messages\) from .+ to .+: [\d.]+ (bytes|KB|MB) in [\d.]+ s\.$/);
  if (transcripts !== null) expect(lines[0]).toContain(`Exported ${transcripts.toLocaleString('en')} transcript`);
}

const jsonl = (path: string): TranscriptJson[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as TranscriptJson);

const temp = makeTempDir('slb-cli-export-');
afterAll(() => temp.cleanup());
let n = 0;
const outPath = (extension: string): string => join(temp.dir, `out-${(n += 1)}${extension}`);

describe('export on the demo (SQLite)', () => {
  let db: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ url: db, remove } = await copyTemplate('demo-sqlite'));
  });
  afterAll(() => remove());

  it('writes everything, then refuses to replace it without --force, and replaces it with --force', async () => {
    const out = outPath('.jsonl');
    const first = await cli('export', '--db', db, '--format', 'jsonl', '--out', out);
    expectSummary(first, null);
    const all = jsonl(out);
    expect(all.length).toBeGreaterThan(100);

    const before = readFileSync(out);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'jsonl', '--out', out), /already exists; pass --force to replace it/, 1);
    expect(readFileSync(out).equals(before)).toBe(true);

    writeFileSync(out, 'stale');
    expectSummary(await cli('export', '--db', db, '--format', 'jsonl', '--out', out, '--force', '--include-deleted'), null);
    expect(jsonl(out).length).toBeGreaterThanOrEqual(all.length);
  });

  it('--exec with --synth is one transcript; --synth alone is all of that synth; --experiment its interviews; --search its results', async () => {
    const all = jsonl((await cli('export', '--db', db, '--format', 'jsonl', '--include-deleted', '--out', outPath('.jsonl'))).out.match(/ to (.+): /)![1]!);
    const sample = all[0]!;

    const one = outPath('.jsonl');
    expectSummary(await cli('export', '--db', db, '--format', 'jsonl', '--exec', sample.execId, '--synth', sample.synthId, '--out', one), 1);
    expect(jsonl(one).map((t) => [t.execId, t.synthId])).toEqual([[sample.execId, sample.synthId]]);

    const ofSynth = outPath('.jsonl');
    expectSummary(await cli('export', '--db', db, '--format', 'jsonl', '--synth', sample.synthId, '--out', ofSynth), null);
    expect(jsonl(ofSynth).map((t) => t.execId).sort()).toEqual(all.filter((t) => t.synthId === sample.synthId).map((t) => t.execId).sort());

    const experiment = outPath('.jsonl');
    expectSummary(await cli('export', '--db', db, '--format', 'jsonl', '--experiment', sample.experiment.id!, '--out', experiment), null);
    expect(jsonl(experiment).length).toBe(all.filter((t) => t.experiment.id === sample.experiment.id).length);

    const word = sample.messages.find((m) => m.role === 'synth')!.text.split(/[^\p{L}]+/u).find((w) => w.length >= 6)!;
    const search = outPath('.jsonl');
    expectSummary(await cli('export', '--db', db, '--format', 'jsonl', '--search', word, '--exec', sample.execId, '--out', search), null);
    const found = jsonl(search);
    expect(found.map((t) => t.synthId)).toContain(sample.synthId);
    expect(found.every((t) => t.execId === sample.execId)).toBe(true);
  });

  it('md-dir writes a folder with index.md; csv --bom starts with the mark; notes only with --include-notes', async () => {
    const folder = outPath('');
    expectSummary(await cli('export', '--db', db, '--format', 'md-dir', '--experiment', (await firstExperiment(db)), '--out', folder), null);
    expect(readdirSync(folder)).toContain('index.md');

    const csv = outPath('.csv');
    expectSummary(await cli('export', '--db', db, '--format', 'csv', '--bom', '--include-notes', '--out', csv), null);
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFFexec_id,')).toBe(true);

    const withNotes = outPath('.json');
    const withoutNotes = outPath('.json');
    expectSummary(await cli('export', '--db', db, '--format', 'json', '--include-notes', '--out', withNotes), null);
    expectSummary(await cli('export', '--db', db, '--format', 'json', '--out', withoutNotes), null);
    expect(readFileSync(withNotes, 'utf8')).toContain('"internalNotes"');
    expect(readFileSync(withoutNotes, 'utf8')).not.toContain('"internalNotes"');
  });

  it('bad input: one line, a non-zero exit, no file', async () => {
    const out = outPath('.md');
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md'), /--out PATH is required/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--out', out), /--format is required/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'pdf', '--out', out), /--format must be one of md, md-dir, json, jsonl, csv, html, got "pdf"/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--out', out, '--colour'), /Unknown option '--colour'/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--bom', '--out', out), /--bom only applies to --format csv/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--search', 'preço', '--synth', 'abc123', '--out', out), /--search cannot be combined with --synth/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--experiment', 'exp_1', '--exec', 'b_1', '--out', out), /--experiment alone/, 2);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--exec', 'batch_nope', '--out', out), /No research execution batch_nope in this database/, 1);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--experiment', 'exp_nope', '--out', out), /No experiment exp_nope in this database/, 1);
    expectOneLineFailure(await cli('export', '--db', db, '--format', 'md', '--out', join(temp.dir, 'no-such-folder', 'x.md')), /its folder does not exist/, 1);
    expectOneLineFailure(await cli('export', '--db', join(temp.dir, 'missing.db'), '--format', 'md', '--out', out), /There is no SQLite file/, 1);
    expectOneLineFailure(await cli('export', '--db', 'postgresql://postgres@127.0.0.1:1/nothing', '--format', 'md', '--out', out), /Could not reach the PostgreSQL server/, 1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp.dir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });
});

async function firstExperiment(db: string): Promise<string> {
  const all = outPath('.jsonl');
  await cli('export', '--db', db, '--format', 'jsonl', '--out', all);
  return jsonl(all).find((t) => t.experiment.id !== null)!.experiment.id!;
}

describe('export on a synth-lab SQLite v15 file', () => {
  it('exports an execution and leaves the file (and its -wal) byte for byte as it was', async () => {
    const { url, remove } = await copyTemplate('synthlab-sqlite');
    try {
      const before = sqliteFilesDigest(url);
      const out = outPath('.html');
      expectSummary(await cli('export', '--db', url, '--format', 'html', '--exec', SYNTHLAB_SQLITE_V15_IDS.executions.checkout, '--out', out), 4);
      expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
      const everything = outPath('.md');
      expectSummary(await cli('export', '--db', `sqlite:///${url}`, '--format', 'md', '--include-deleted', '--out', everything), null);
      expect(sqliteFilesDigest(url)).toEqual(before);
    } finally {
      await remove();
    }
  });
});

describePg('export on PostgreSQL', () => {
  it('exports the synth-lab PostgreSQL database given as a psycopg2-style URL', async () => {
    const { url, remove } = await copyTemplate('synthlab-postgres');
    try {
      const out = outPath('.csv');
      expectSummary(await cli('export', '--db', url.replace(/^postgresql:/, 'postgresql+psycopg2:'), '--format', 'csv', '--out', out), null);
      expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('exec_id,experiment_id,synth_id,synth_name,turn,speaker,text,internal_notes');
    } finally {
      await remove();
    }
  });
});
