// Reading analysis_runs rows: the summary experiments.get shows and the run analysis.get returns.
import type { AnalysisConfig, AnalysisRun, OutcomeShares } from '../../../../shared/contract/analysis';
import { hasColumn, hasTable } from '../../../../shared/capabilities';
import { AppError } from '../../../../shared/errors';
import { isRecord, numberAt, readJsonCell } from '../json-cells';
import { selectFirst } from '../../db/select';
import type { ActiveDatabase } from '../session';
import { columnOrNull, toNumber, toText } from '../query-support';

const RUN_COLUMNS = [
  'id',
  'experiment_id',
  'scenario_id',
  'config',
  'status',
  'started_at',
  'completed_at',
  'total_synths',
  'aggregated_outcomes',
  'execution_time_seconds',
] as const;

type RunRow = Record<(typeof RUN_COLUMNS)[number], unknown>;

/** The analysis_runs row by its id, or the run of an experiment; null when there is none. */
export async function findAnalysisRun(db: ActiveDatabase, by: { analysisId: string } | { experimentId: string }): Promise<AnalysisRun | null> {
  const { capabilities } = db;
  if (!hasTable(capabilities, 'analysis_runs') || !capabilities.tables.analysis_runs?.columns.id) return null;
  const knex = db.handle.knex;
  const query = knex
    .select(RUN_COLUMNS.map((column) => knex.raw(`${columnOrNull(capabilities, 'analysis_runs', 'a', column)} AS ${column}`)))
    .from('analysis_runs as a');
  if ('analysisId' in by) query.where('a.id', by.analysisId);
  else if (capabilities.tables.analysis_runs.columns.experiment_id) query.where('a.experiment_id', by.experimentId);
  else return null;
  // experiment_id is UNIQUE in every known schema; the order only makes an odd database deterministic.
  const row = (await query.orderBy('a.id').first()) as RunRow | undefined;
  return row === undefined ? null : toAnalysisRun(row);
}

export function toAnalysisRun(row: RunRow): AnalysisRun {
  const configData = row.config === null || row.config === undefined ? null : readJsonCell(row.config);
  const outcomesData = row.aggregated_outcomes === null || row.aggregated_outcomes === undefined ? null : readJsonCell(row.aggregated_outcomes);
  return {
    id: toText(row.id) ?? '',
    experimentId: toText(row.experiment_id),
    scenarioId: toText(row.scenario_id),
    status: toText(row.status),
    startedAt: toText(row.started_at),
    completedAt: toText(row.completed_at),
    executionTimeSeconds: toNumber(row.execution_time_seconds),
    totalSynths: toNumber(row.total_synths),
    config: configData?.ok && isRecord(configData.value) ? parseConfig(configData.value) : null,
    configData,
    aggregatedOutcomes: outcomesData?.ok && isRecord(outcomesData.value) ? parseShares(outcomesData.value) : null,
    aggregatedOutcomesData: outcomesData,
  };
}

function parseConfig(value: Record<string, unknown>): AnalysisConfig {
  return {
    nSynths: numberAt(value, ['n_synths']),
    nExecutions: numberAt(value, ['n_executions']),
    sigma: numberAt(value, ['sigma']),
    seed: numberAt(value, ['seed']),
  };
}

export function parseShares(value: Record<string, unknown>): OutcomeShares {
  return {
    successRate: numberAt(value, ['success_rate']),
    failedRate: numberAt(value, ['failed_rate']),
    didNotTryRate: numberAt(value, ['did_not_try_rate']),
  };
}

/** Rows of `table` whose `column` equals `value` (an index lookup), or null without that table/column. */
export async function countWhere(db: ActiveDatabase, table: string, column: string, value: string): Promise<number | null> {
  if (!db.capabilities.tables[table]?.columns[column]) return null;
  const row = (await db.handle.knex(table).where(column, value).count({ n: '*' }).first()) as { n: unknown } | undefined;
  return toNumber(row?.n) ?? 0;
}

export function analysisNotFound(id: string): AppError {
  return new AppError('not_found', `No analysis ${id} in this database.`, { analysisId: id });
}

/** Throws not_found unless analysis_runs holds `analysisId`. */
export async function assertAnalysisExists(db: ActiveDatabase, analysisId: string): Promise<void> {
  if (!hasColumn(db.capabilities, 'analysis_runs', 'id')) throw analysisNotFound(analysisId);
  const { knex } = db.handle;
  const row = await selectFirst(knex, knex('analysis_runs').select('id').where('id', analysisId).first());
  if (row === undefined) throw analysisNotFound(analysisId);
}
