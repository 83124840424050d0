// One export through the app's pipeline (plan → batched reader → format writer → temporary file →
// rename), run by bench/suites/export.ts in a child process of its own so that its peak RSS is the
// export's. Prints one JSON line: the result, the peak RSS and the time.
// Alone: npx tsx bench/export/child.ts --db PATH_OR_URL --format jsonl --out /tmp/x.jsonl [--first N]
import { parseArgs } from 'node:util';
import { exportScopeSchema, type ExportFormat, type ExportScope } from '../../shared/contract/export';
import { openForInspection } from '../../main/backend/db/policy';
import { runExport } from '../../main/backend/export/run';
import { rawRows } from '../../main/backend/services/search/test-oracle';
import { DatabaseSession } from '../../main/backend/services/session';

const { values } = parseArgs({ options: { db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, first: { type: 'string' } } });
if (values.db === undefined || values.format === undefined || values.out === undefined) throw new Error('--db, --format and --out are required');

const session = new DatabaseSession();
const db = session.adopt(await openForInspection(values.db));
try {
  let scope: ExportScope = { kind: 'all', includeDeletedExperiments: true };
  if (values.first !== undefined) {
    // A selection of the first N transcripts by key: a scope N transcripts large, read the same way.
    const rows = await rawRows(db.handle.knex, 'SELECT exec_id, synth_id FROM transcripts ORDER BY exec_id, synth_id LIMIT ?', [Number(values.first)]);
    scope = { kind: 'selection', keys: rows.map((row) => ({ execId: String(row.exec_id), synthId: String(row.synth_id) })) };
  }
  const started = performance.now();
  const result = await runExport(db, {
    scope: exportScopeSchema.parse(scope),
    format: values.format as ExportFormat,
    options: { includeInternalNotes: true, csvBom: false },
    target: { kind: 'file', path: values.out, overwrite: true },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ transcripts: result.transcripts, messages: result.messages, bytes: result.bytes, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
} finally {
  await session.close();
}
