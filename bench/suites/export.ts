// Transcript export (issue 6): all 50,000 transcripts of the large demo in each format through the
// app's pipeline, each in a child process of its own (bench/export/child.ts) for its peak RSS,
// against `sqlite3 -json` dumping the same rows in the same run; peak RSS for 5,000 transcripts
// against 50,000; PostgreSQL throughput against psql printing the same rows as JSON.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract/export';
import { benchPostgres, benchSqlite } from '../datasets';
import { table } from '../report';
import type { BenchSuite } from '../suite';

const RSS_LIMIT_MIB = 300;
const RSS_GROWTH_LIMIT = 1.3;
/** Formats whose peak RSS is also measured at 5,000 transcripts. */
const RSS_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'html'];

interface ExportFigures {
  transcripts: number;
  messages: number;
  bytes: number;
  seconds: number;
  peakRssMiB: number;
}

const EXTENSION: Record<ExportFormat, string> = { md: '.md', 'md-dir': '', json: '.json', jsonl: '.jsonl', csv: '.csv', html: '.html' };

/** The rows every export reads: transcripts with their synth, group, execution and experiment. */
const SQLITE_SAME_ROWS = `SELECT t.exec_id, t.synth_id, t.id, t.status, t.timestamp, t.synth_name, t.messages,
  s.nome, json_extract(s.data, '$.demografia.idade') AS age, json_extract(s.data, '$.demografia.genero_biologico') AS gender,
  json_extract(s.data, '$.demografia.ocupacao') AS occupation, json_extract(s.data, '$.demografia.localizacao.cidade') AS city,
  json_extract(s.data, '$.demografia.localizacao.estado') AS state, json_extract(s.data, '$.demografia.escolaridade') AS schooling,
  g.name AS group_name, e.topic_name, e.model, e.started_at, e.completed_at, x.id AS experiment_id, x.name AS experiment_name
FROM transcripts t LEFT JOIN synths s ON s.id = t.synth_id LEFT JOIN synth_groups g ON g.id = s.synth_group_id
LEFT JOIN research_executions e ON e.exec_id = t.exec_id LEFT JOIN experiments x ON x.id = e.experiment_id
ORDER BY x.name, x.id, e.started_at, t.exec_id, s.nome, t.synth_id`;

const POSTGRES_SAME_ROWS = `SELECT row_to_json(r) FROM (SELECT t.exec_id, t.synth_id, t.id, t.status, t."timestamp", t.synth_name, t.messages::text AS messages,
  s.nome, s.data #>> '{demografia,idade}' AS age, s.data #>> '{demografia,genero_biologico}' AS gender,
  s.data #>> '{demografia,ocupacao}' AS occupation, s.data #>> '{demografia,localizacao,cidade}' AS city,
  s.data #>> '{demografia,localizacao,estado}' AS state, s.data #>> '{demografia,escolaridade}' AS schooling,
  g.name AS group_name, e.topic_name, e.model, e.started_at, e.completed_at, x.id AS experiment_id, x.name AS experiment_name
FROM transcripts t LEFT JOIN synths s ON s.id = t.synth_id LEFT JOIN synth_groups g ON g.id = s.synth_group_id
LEFT JOIN research_executions e ON e.exec_id = t.exec_id LEFT JOIN experiments x ON x.id = e.experiment_id
ORDER BY x.name, x.id, e.started_at, t.exec_id, s.nome, t.synth_id) r`;

function exportInChild(db: string, format: ExportFormat, out: string, first?: number): ExportFigures {
  const args = ['--import', 'tsx', 'bench/export/child.ts', '--db', db, '--format', format, '--out', out, ...(first === undefined ? [] : ['--first', String(first)])];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  rmSync(out, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`export (${format}) failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ExportFigures;
}

/** Seconds for a command writing to /dev/null. */
function timedToDevNull(command: string, args: readonly string[]): number {
  const sink = openSync('/dev/null', 'w');
  try {
    const started = performance.now();
    const child = spawnSync(command, args, { stdio: ['ignore', sink, 'pipe'], encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${command} failed: ${child.stderr}`);
    return (performance.now() - started) / 1000;
  } finally {
    closeSync(sink);
  }
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const per = (count: number, seconds: number): string => `${Math.round(count / seconds).toLocaleString('en')}/s`;

export const exportSuite: BenchSuite = {
  name: 'export',
  title: 'Transcript export',
  async run({ log }) {
    const large = await benchSqlite('large', log);
    const medium = await benchSqlite('medium', log);
    const out = mkdtempSync(join(tmpdir(), 'slb-bench-export-'));
    try {
      // Warm the page cache for both sides alike: the first reader of a 1.6 GB file pays the disk.
      log('warming the page cache (sqlite3 -json once)…');
      timedToDevNull('sqlite3', ['-json', large, SQLITE_SAME_ROWS]);

      const rows: (string | number)[][] = [];
      const rssOf: Partial<Record<ExportFormat, number>> = {};
      for (const format of EXPORT_FORMATS) {
        log(`export all transcripts as ${format}…`);
        const figures = exportInChild(large, format, join(out, `all${EXTENSION[format]}`));
        const baseline = timedToDevNull('sqlite3', ['-json', large, SQLITE_SAME_ROWS]);
        rssOf[format] = figures.peakRssMiB;
        rows.push([
          format,
          figures.transcripts.toLocaleString('en'),
          mib(figures.bytes),
          `${figures.seconds.toFixed(1)} s`,
          per(figures.transcripts, figures.seconds),
          `${baseline.toFixed(1)} s`,
          `${(figures.seconds / baseline).toFixed(2)}×`,
          `${figures.peakRssMiB.toFixed(0)} MiB`,
          figures.peakRssMiB < RSS_LIMIT_MIB ? 'yes' : '**no**',
        ]);
      }

      log('peak RSS at 5,000 transcripts…');
      const rssRows: (string | number)[][] = [];
      for (const format of RSS_FORMATS) {
        const large50k = rssOf[format]!;
        const growth = (base: number): string => `${(large50k / base).toFixed(2)}×${large50k / base <= RSS_GROWTH_LIMIT ? '' : ' **(over the limit)**'}`;
        const selection5k = exportInChild(large, format, join(out, `first-5000${EXTENSION[format]}`), 5000);
        const medium5k = exportInChild(medium, format, join(out, `medium${EXTENSION[format]}`));
        rssRows.push(
          [format, 'selection of the first 5,000 keys, large demo', selection5k.transcripts.toLocaleString('en'), `${selection5k.peakRssMiB.toFixed(0)} MiB`, growth(selection5k.peakRssMiB)],
          [format, 'everything, medium demo', medium5k.transcripts.toLocaleString('en'), `${medium5k.peakRssMiB.toFixed(0)} MiB`, growth(medium5k.peakRssMiB)],
          [format, 'everything, large demo (above)', '50,000', `${large50k.toFixed(0)} MiB`, '1.00×'],
        );
      }
      const rssTable = table(['format', 'scope', 'transcripts', 'peak RSS', '50,000 ÷ this'], rssRows);

      let postgres = 'PostgreSQL: no server reachable, not measured.';
      const pgUrl = await benchPostgres('large', log);
      if (pgUrl !== null) {
        log('PostgreSQL: export all as jsonl…');
        timedToDevNull('psql', [pgUrl, '-AtqX', '-c', POSTGRES_SAME_ROWS]);
        const figures = exportInChild(pgUrl, 'jsonl', join(out, 'pg.jsonl'));
        const baseline = timedToDevNull('psql', [pgUrl, '-AtqX', '-c', POSTGRES_SAME_ROWS]);
        postgres = table(
          ['PostgreSQL, jsonl', 'transcripts', 'app', 'rate', '`psql` row_to_json, same rows', 'ratio', 'peak RSS'],
          [['everything', figures.transcripts.toLocaleString('en'), `${figures.seconds.toFixed(1)} s`, per(figures.transcripts, figures.seconds), `${baseline.toFixed(1)} s`, `${(figures.seconds / baseline).toFixed(2)}×`, `${figures.peakRssMiB.toFixed(0)} MiB`]],
        );
      }

      return [
        'Each export runs in a child process of its own (`bench/export/child.ts`, under tsx like the CLI): the scope is planned, the transcripts read in batches of 100 (small executions together, large ones in keyset batches), written through the format writer into a temporary file and renamed. Internal notes included. Time is the export itself; peak RSS is the child\'s (`process.resourceUsage().maxRSS`, the runtime included). The baseline is `sqlite3 -json` printing the same rows (same joins and columns, JSON text of the messages as stored) to /dev/null, timed right after each export; the page cache is warmed first.',
        `### SQLite, large demo (50,000 transcripts)\n\n${table(['format', 'transcripts', 'output', 'app', 'rate', '`sqlite3 -json`', 'ratio', 'peak RSS', `< ${RSS_LIMIT_MIB} MiB`], rows)}`,
        `### Peak RSS: 5,000 against 50,000 transcripts (target: 50,000 at most ${RSS_GROWTH_LIMIT}× of 5,000)\n\n${rssTable}`,
        `### PostgreSQL, large demo\n\n${postgres}`,
      ].join('\n\n');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};
