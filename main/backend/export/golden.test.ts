// Golden files: every format of one execution of the demo and of the synth-lab SQLite v15 file
// (both message shapes, wrapped text, NULL transcript ids, a cut-off message), written through the
// whole pipeline and compared byte for byte with __golden__/. The demo on PostgreSQL must give the
// very same bytes as on SQLite. After an intended change: UPDATE_GOLDEN=1 npx vitest run <this file>.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract/export';
import { openTestDatabase, type TestDatabase, type TestDatabaseKind } from '../test-support/databases';
import { SYNTHLAB_SQLITE_V15_IDS } from '../test-support/fixtures/synthlab-sqlite-v15';
import { describePg } from '../test-support/pg-suite';
import { rawRows } from '../services/search/test-oracle';
import { makeTempDir } from '../test-support/tmp';
import { runExport } from './run';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const EXPORTED_AT = '2026-01-15T12:00:00.000Z';
const EXTENSIONS: Record<ExportFormat, string> = { md: '.md', 'md-dir': '.md-dir', json: '.json', jsonl: '.jsonl', csv: '.csv', html: '.html' };

const temp = makeTempDir('slb-export-golden-');
afterAll(() => temp.cleanup());

/** A file's text, or a folder as `=== name ===` sections in name order. */
function readExport(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, 'utf8');
  return readdirSync(path)
    .sort()
    .map((name) => `=== ${name} ===\n${readFileSync(join(path, name), 'utf8')}`)
    .join('\n');
}

function writeGolden(golden: string, exported: string): void {
  rmSync(golden, { recursive: true, force: true });
  if (statSync(exported).isDirectory()) {
    mkdirSync(golden, { recursive: true });
    for (const name of readdirSync(exported)) writeFileSync(join(golden, name), readFileSync(join(exported, name)));
  } else {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, readFileSync(exported));
  }
}

/** A small execution (the fewest transcripts, at least three; ties: the smallest id): the same on every engine. */
async function smallExecution(test: TestDatabase): Promise<string> {
  const rows = await rawRows(test.db.handle.knex, 'SELECT exec_id FROM transcripts GROUP BY exec_id HAVING COUNT(*) >= 3 ORDER BY COUNT(*), exec_id LIMIT 1');
  return String(rows[0]!.exec_id);
}

function goldenSuite(kind: TestDatabaseKind, name: string, pickExecution: (test: TestDatabase) => Promise<string>, { writes }: { writes: boolean }): void {
  let test: TestDatabase;
  let execId: string;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
    execId = await pickExecution(test);
  });
  afterAll(() => test.cleanup());

  for (const format of EXPORT_FORMATS) {
    it(`${format}`, async () => {
      const out = join(temp.dir, `${kind}-${format}${EXTENSIONS[format]}`);
      const result = await runExport(
        test.db,
        {
          scope: { kind: 'execution', execId },
          format,
          // CSV with its byte-order mark, so the golden file shows it; notes on, so they are covered.
          options: { includeInternalNotes: true, csvBom: format === 'csv' },
          target: { kind: 'file', path: out, overwrite: false },
        },
        { exportedAt: EXPORTED_AT },
      );
      expect(result.transcripts).toBeGreaterThan(2);
      const golden = join(GOLDEN_DIR, `${name}${EXTENSIONS[format]}`);
      if (UPDATE && writes) writeGolden(golden, out);
      expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(readExport(out)).toBe(readExport(golden));
    });
  }
}

describe('golden files: demo execution (SQLite)', () => goldenSuite('demo-sqlite', 'demo-execution', smallExecution, { writes: true }));
describePg('golden files: demo execution (PostgreSQL gives the same bytes)', () => goldenSuite('demo-postgres', 'demo-execution', smallExecution, { writes: false }));
describe('golden files: synth-lab SQLite v15, checkout execution', () =>
  goldenSuite('synthlab-sqlite', 'synthlab-v15-checkout', async () => SYNTHLAB_SQLITE_V15_IDS.executions.checkout, { writes: true }));
