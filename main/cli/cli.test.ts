// The CLI against real SQLite files and a real PostgreSQL: good input does what it says, bad
// input gets one clear line on stderr, a non-zero exit, and changes nothing.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations/index';
import { migrateToLatest } from '../backend/db/migrate';
import { openDatabase } from '../backend/db/open';
import { copyTemplate } from '../backend/test-support/databases';
import { postgresSnapshot, sqliteFilesDigest } from '../backend/test-support/fixtures/snapshot';
import { createTestDatabase, urlForDatabase } from '../backend/test-support/pg';
import { describePg } from '../backend/test-support/pg-suite';
import { makeTempDir } from '../backend/test-support/tmp';
import { cli, expectOneLineFailure } from './test-support';
import type { StatusReport } from './commands/status';

async function status(url: string): Promise<StatusReport> {
  const run = await cli('status', '--db', url, '--json');
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as StatusReport;
}

const temp = makeTempDir('slb-cli-');
afterAll(() => temp.cleanup());

describe('CLI on SQLite', () => {
  const dbPath = join(temp.dir, 'lab.db');

  it('migrate creates the schema, then is a no-op', async () => {
    const first = await cli('migrate', '--db', `sqlite:///${dbPath}`);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/applied 1 migration|applied \d+ migrations/);
    const second = await cli('migrate', '--db', dbPath);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/already up to date/);
    const report = await status(dbPath);
    expect(report).toMatchObject({ engine: 'sqlite', kind: 'app', readOnly: false, appMayWrite: true, pendingMigrations: [] });
    expect(Object.keys(report.rowsPerTable)).toEqual(expect.arrayContaining(['experiments', 'synths', 'transcripts', 'scenario_nodes']));
    expect(report.rowsPerTable.experiments).toBe(0);
  });

  it('demo fills it; a second demo is refused unless --replace; the seed makes it reproducible', async () => {
    const run = await cli('demo', '--db', dbPath, '--scale', 'small', '--seed', '7');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/loaded the small demo/);
    const filled = await status(dbPath);
    expect(filled.rowsPerTable.experiments).toBeGreaterThan(0);
    expect(filled.rowsPerTable.transcripts).toBeGreaterThan(0);

    const again = await cli('demo', '--db', dbPath);
    expectOneLineFailure(again, /already holds data.*--replace/);
    expect((await status(dbPath)).rowsPerTable).toEqual(filled.rowsPerTable);

    const replaced = await cli('demo', '--db', dbPath, '--seed', '7', '--replace');
    expect(replaced.code).toBe(0);
    expect((await status(dbPath)).rowsPerTable).toEqual(filled.rowsPerTable);
  });

  it('status reads a relative sqlite: URL and DATABASE_URL', async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `sqlite:${dbPath}`;
    try {
      const run = await cli('status');
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/Synth Lab Browser database/);
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });

  it('a synth-lab v15 file: status describes it without changing a byte; migrate and demo refuse it', async () => {
    const { url, remove } = await copyTemplate('synthlab-sqlite');
    try {
      const before = sqliteFilesDigest(url);
      const report = await status(url);
      expect(report).toMatchObject({ kind: 'synthlab-sqlite', readOnly: true, appMayWrite: false });
      expect(report.rowsPerTable).toHaveProperty('prfaq_metadata');
      expectOneLineFailure(await cli('migrate', '--db', url), /synth-lab SQLite database.*only migrates or fills databases it created/);
      expectOneLineFailure(await cli('demo', '--db', url), /synth-lab SQLite database/);
      expect(sqliteFilesDigest(url)).toEqual(before);
      expect(readdirSync(join(url, '..')).filter((name) => name.includes('backup'))).toEqual([]);
    } finally {
      await remove();
    }
  });

  it('an app database with pending migrations is backed up, then migrated', async () => {
    const path = join(temp.dir, 'old.db');
    const older = await openDatabase({ engine: 'sqlite', path }, { create: true });
    await migrateToLatest(older.knex, MIGRATIONS.slice(0, -1)); // as an older version of the app left it
    await older.close();
    const pending = await status(path);
    expect(pending.pendingMigrations).toEqual([MIGRATIONS.at(-1)!.name]);

    const run = await cli('migrate', '--db', path);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/Backed up the database to .*old\.db\.backup-/);
    expect(readdirSync(temp.dir).filter((name) => name.startsWith('old.db.backup-'))).toHaveLength(1);
    expect((await status(path)).pendingMigrations).toEqual([]);
  });

  describe('bad input', () => {
    const textFile = join(temp.dir, 'notes.db');
    const corruptFile = join(temp.dir, 'corrupt.db');
    beforeAll(() => {
      writeFileSync(textFile, 'these are my notes, not a database\n');
      copyFileSync(dbPath, corruptFile);
      const bytes = Buffer.alloc(4096, 0x5a);
      const fd = openSync(corruptFile, 'r+');
      writeSync(fd, bytes, 0, bytes.length, 100); // the header's tail and the schema page
      closeSync(fd);
    });

    it.each([
      ['a malformed URL', ['status', '--db', 'postgresql://host:notaport/db'], /port/i],
      ['an unsupported scheme', ['status', '--db', 'mysql://root@localhost/lab'], /not supported/],
      ['a missing file', ['status', '--db', join(temp.dir, 'missing.db')], /no SQLite file/i],
      ['a file that is not SQLite', ['status', '--db', join(temp.dir, 'notes.db')], /not an SQLite database/],
      ['a corrupt SQLite file', ['status', '--db', join(temp.dir, 'corrupt.db')], /damaged|corrupt|malformed|not an SQLite/i],
      ['no database at all', ['status'], /No database given/],
      ['an unknown option', ['status', '--db', 'x.db', '--verbose'], /Unknown option '--verbose'/],
      ['a bad scale', ['demo', '--db', join(temp.dir, 'y.db'), '--scale', 'huge'], /--scale must be one of small, medium, large/],
      ['a bad seed', ['demo', '--db', join(temp.dir, 'y.db'), '--seed', 'abc'], /--seed must be a whole number/],
      ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ])('%s', async (_label, argv, pattern) => {
      const previous = process.env.DATABASE_URL;
      delete process.env.DATABASE_URL;
      try {
        expectOneLineFailure(await cli(...argv), pattern);
      } finally {
        if (previous !== undefined) process.env.DATABASE_URL = previous;
      }
      expect(existsSync(join(temp.dir, 'missing.db'))).toBe(false);
      expect(existsSync(join(temp.dir, 'y.db'))).toBe(false);
    });

    it('migrate leaves a text file as it was', async () => {
      expectOneLineFailure(await cli('migrate', '--db', textFile), /not an SQLite database/);
      expect(readFileSync(textFile, 'utf8')).toBe('these are my notes, not a database\n');
    });
  });
});

describePg('CLI on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase('cli');
  });
  afterAll(async () => database?.drop());

  it('migrate, demo and status', async () => {
    const url = database.url.replace(/^postgresql:/, 'postgresql+psycopg2:');
    expect((await cli('migrate', '--db', url)).code).toBe(0);
    expect((await cli('demo', '--db', url, '--scale', 'small')).code).toBe(0);
    const report = await status(`${database.url}?sslmode=disable`);
    expect(report).toMatchObject({ engine: 'postgres', kind: 'app', appMayWrite: true });
    expect(report.rowsPerTable.synths).toBeGreaterThan(0);
    expect(report.url).not.toMatch(/password/);
  });

  it('a synth-lab PostgreSQL database: status describes it; migrate and demo refuse it and change nothing', async () => {
    const { url, remove } = await copyTemplate('synthlab-postgres');
    try {
      const before = await postgresSnapshot(url);
      const report = await status(url);
      expect(report).toMatchObject({ kind: 'synthlab-postgres', readOnly: true, appMayWrite: false });
      expect(report.schemaVersion).toMatch(/^alembic /);
      expectOneLineFailure(await cli('migrate', '--db', url), /synth-lab PostgreSQL database/);
      expectOneLineFailure(await cli('demo', '--db', url), /synth-lab PostgreSQL database/);
      expect(await postgresSnapshot(url)).toEqual(before);
    } finally {
      await remove();
    }
  });

  it.each([
    ['an unreachable server', 'postgresql://postgres@127.0.0.1:1/test', /Could not reach the PostgreSQL server/],
    ['a missing database', urlForDatabase('slb_no_such_database'), /has no database "slb_no_such_database"/],
    ['an unknown role', 'postgresql://slb_no_such_role@127.0.0.1:5432/test', /slb_no_such_role/],
  ])('%s gets one clear line', async (_label, url, pattern) => {
    expectOneLineFailure(await cli('status', '--db', url), pattern);
    expectOneLineFailure(await cli('migrate', '--db', url), pattern);
  });

  it('the database list is unchanged by failed commands', async () => {
    const client = new pg.Client({ connectionString: urlForDatabase('test') });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>("select count(*) as n from pg_database where datname = 'slb_no_such_database'");
      expect(result.rows[0]?.n).toBe('0');
    } finally {
      await client.end();
    }
  });
});

describe('the installed command', () => {
  it('runs through bin/synthlab-browser.mjs: help on stdout, a failure as one line on stderr', () => {
    const help = spawnSync(process.execPath, ['bin/synthlab-browser.mjs', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: synthlab-browser <command>/);
    const failure = spawnSync(process.execPath, ['bin/synthlab-browser.mjs', 'status', '--db', '/nonexistent/dir/lab.db'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    });
    expect(failure.status).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
  });
});
