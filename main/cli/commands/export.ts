// `export --db URL --format F [--experiment ID] [--exec ID] [--synth ID] [--search TEXT]
// [--include-notes] [--bom] [--include-deleted] --out PATH [--force]`: transcripts to a file (a
// folder for md-dir), streamed from the database, which is opened read-only. A progress bar on a
// terminal, one summary line at the end; Ctrl-C stops it and leaves nothing behind.
import { resolve } from 'node:path';
import { describeTarget } from '../../../shared/connection-url';
import { EXPORT_FORMATS, exportApi, type ExportFormat, type ExportScope } from '../../../shared/contract/export';
import { AppError, isAppError } from '../../../shared/errors';
import { resolveDatabaseUrl } from '../../backend/db/env';
import { openForInspection } from '../../backend/db/policy';
import { runExport } from '../../backend/export/run';
import { DatabaseSession } from '../../backend/services/session';
import { parseCommandArgs } from '../args';
import { progressLine, UsageError, type CliIo } from '../output';

interface ScopeOptions {
  experiment?: string | undefined;
  exec?: string | undefined;
  synth?: string | undefined;
  search?: string | undefined;
  includeDeleted: boolean;
}

/** The scope the options name; combinations that mean nothing are usage errors. */
export function scopeFromOptions(options: ScopeOptions): ExportScope {
  const { experiment, exec, synth, search } = options;
  if (search !== undefined) {
    if (synth !== undefined) throw new UsageError('export: --search cannot be combined with --synth (search narrows by --experiment or --exec)');
    return { kind: 'search', text: search, ...(experiment === undefined ? {} : { experimentId: experiment }), ...(exec === undefined ? {} : { execId: exec }) };
  }
  if (experiment !== undefined && (exec !== undefined || synth !== undefined)) {
    throw new UsageError('export: give --experiment alone, or --exec (with --synth for one transcript), not both');
  }
  if (experiment !== undefined) return { kind: 'experiment', experimentId: experiment };
  if (exec !== undefined && synth !== undefined) return { kind: 'transcript', execId: exec, synthId: synth };
  if (exec !== undefined) return { kind: 'execution', execId: exec };
  if (synth !== undefined) return { kind: 'synth', synthId: synth };
  return { kind: 'all', includeDeletedExperiments: options.includeDeleted };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

export async function runExportCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs('export', args, {
    db: { type: 'string' },
    format: { type: 'string' },
    experiment: { type: 'string' },
    exec: { type: 'string' },
    synth: { type: 'string' },
    search: { type: 'string' },
    'include-notes': { type: 'boolean', default: false },
    bom: { type: 'boolean', default: false },
    'include-deleted': { type: 'boolean', default: false },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (values.format === undefined) throw new UsageError(`export: --format is required (${EXPORT_FORMATS.join(', ')})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')}, got "${values.format}"`);
  }
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('export: --out PATH is required (the file to write; a folder for md-dir)');
  if (values.bom && values.format !== 'csv') throw new UsageError('export: --bom only applies to --format csv');
  const format = values.format as ExportFormat;
  const path = resolve(values.out);
  const scope = scopeFromOptions({ ...values, includeDeleted: values['include-deleted'] });

  const parsed = exportApi['export.transcripts'].params.safeParse({
    scope,
    format,
    options: { includeInternalNotes: values['include-notes'], csvBom: values.bom },
    target: { kind: 'file', path, overwrite: values.force },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = { execId: '--exec', synthId: '--synth', experimentId: '--experiment', text: '--search', path: '--out' }[String(issue?.path.at(-1))] ?? 'an option';
    throw new UsageError(`export: ${option}: ${issue?.message ?? 'invalid value'}`);
  }

  const { url } = resolveDatabaseUrl(values.db);
  const session = new DatabaseSession();
  const db = session.adopt(await openForInspection(url));
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  const progress = progressLine(io);
  try {
    const result = await session.run((current) =>
      runExport(current, parsed.data, {
        signal: controller.signal,
        progress: (update) => {
          const pace = update.rate === undefined ? '' : ` · ${Math.round(update.rate).toLocaleString('en')}/s${update.etaMs === undefined ? '' : ` · ${formatSeconds(update.etaMs)} left`}`;
          progress.update(`transcripts${pace}`, update.done, update.total ?? update.done);
        },
      }),
    );
    progress.finish();
    io.out(
      `Exported ${result.transcripts.toLocaleString('en')} transcript${result.transcripts === 1 ? '' : 's'} (${result.messages.toLocaleString('en')} messages) from ${describeTarget(db.handle.target)} to ${path}: ${formatBytes(result.bytes)} in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
    );
    return 0;
  } catch (error) {
    progress.finish();
    if (isAppError(error) && error.code === 'target_exists') throw new AppError('target_exists', `${path} already exists; pass --force to replace it.`, error.details);
    if (isAppError(error) && error.code === 'cancelled') throw new AppError('cancelled', 'Export stopped; nothing was written.');
    throw error;
  } finally {
    process.off('SIGINT', stop);
    await session.close();
  }
}
