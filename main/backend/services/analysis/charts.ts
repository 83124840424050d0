// analysis.charts: every number is computed in SQL over one analysis's outcomes (a few thousand
// rows at most, read through the analysis_id index); only bins, averages and a bounded sample of
// points come back.
import type { Knex } from 'knex';
import type { DatabaseEngine } from '../../../../shared/capabilities';
import { hasColumn } from '../../../../shared/capabilities';
import type { AnalysisCharts, BinnedMean, HistogramBin, ObservableKey, OutcomeShares } from '../../../../shared/contract/analysis';
import { isRecord } from '../json-cells';
import type { ActiveDatabase } from '../session';
import { jsonNumberSql } from '../sql-json';
import { jsonStorageOf, toNumber, toText } from '../query-support';
import { findAnalysisRun, analysisNotFound, parseShares } from './run';

export interface ChartParams {
  analysisId: string;
  bins: number;
  observable: ObservableKey;
  sampleSize: number;
  lineBins: number;
}

/** Bin index of a value in [0, 1] for `bins` equal bins; 1 falls in the last bin, out-of-range values are clamped. */
function binSql(engine: DatabaseEngine, value: string, bins: number): string {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bad bin count ${bins}`);
  // SQLite's CAST truncates (= floor for the non-negative values here); PostgreSQL's rounds.
  const floor = engine === 'sqlite' ? `CAST((${value}) * ${bins} AS INTEGER)` : `CAST(floor((${value}) * ${bins}) AS INTEGER)`;
  return `(CASE WHEN (${value}) >= 1 THEN ${bins - 1} WHEN (${value}) <= 0 THEN 0 ELSE ${floor} END)`;
}

function edges(index: number, bins: number): { from: number; to: number } {
  return { from: index / bins, to: (index + 1) / bins };
}

export async function analysisCharts(db: ActiveDatabase, params: ChartParams): Promise<AnalysisCharts> {
  const run = await findAnalysisRun(db, { analysisId: params.analysisId });
  if (run === null) throw analysisNotFound(params.analysisId);
  const { capabilities } = db;
  const engine = capabilities.engine;
  const knex = db.handle.knex;
  const hasOutcomes = hasColumn(capabilities, 'synth_outcomes', 'analysis_id') && hasColumn(capabilities, 'synth_outcomes', 'success_rate');

  const histogramRows = hasOutcomes
    ? ((await knex
        .select(knex.raw(`${binSql(engine, 'o.success_rate', params.bins)} AS bin, COUNT(*) AS n`))
        .from('synth_outcomes as o')
        .where('o.analysis_id', params.analysisId)
        .whereNotNull('o.success_rate')
        .groupByRaw('1')) as Array<{ bin: unknown; n: unknown }>)
    : [];
  const histogramCounts = countsByBin(histogramRows, params.bins);
  const successHistogram: HistogramBin[] = histogramCounts.map((count, index) => ({ ...edges(index, params.bins), count }));
  const outcomeCount = histogramCounts.reduce((sum, count) => sum + count, 0);

  const observable = hasOutcomes && hasColumn(capabilities, 'synth_outcomes', 'synth_attributes')
    ? await observableVsSuccess(db, params)
    : { key: params.observable, withValue: 0, points: [], sampled: false, line: emptyLine(params.lineBins) };

  return {
    analysisId: params.analysisId,
    outcomeCount,
    successHistogram,
    observable,
    shares: await outcomeShares(db, params.analysisId, run.aggregatedOutcomesData?.ok ? run.aggregatedOutcomesData.value : null, hasOutcomes),
  };
}

function countsByBin(rows: ReadonlyArray<{ bin: unknown; n: unknown }>, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const row of rows) {
    const bin = toNumber(row.bin);
    if (bin !== null && bin >= 0 && bin < bins) counts[bin] = (counts[bin] ?? 0) + (toNumber(row.n) ?? 0);
  }
  return counts;
}

function emptyLine(bins: number): BinnedMean[] {
  return Array.from({ length: bins }, (_, index) => ({ ...edges(index, bins), count: 0, meanX: null, meanSuccessRate: null }));
}

/**
 * The number at a fixed path of a JSON column. On PostgreSQL a type test (json[b]_typeof) instead of
 * sql-json's regular expression: the charts read it for every outcome of an analysis.
 */
function numberAtPathSql(capabilities: ActiveDatabase['capabilities'], column: string, path: readonly string[]): string {
  const storage = jsonStorageOf(capabilities, 'synth_outcomes', 'synth_attributes');
  if (capabilities.engine === 'postgres' && storage !== 'text' && path.every((key) => /^[a-z_]+$/.test(key))) {
    const pgPath = `'{${path.join(',')}}'`;
    return `(CASE WHEN ${storage}_typeof(${column} #> ${pgPath}) = 'number' THEN (${column} #>> ${pgPath})::double precision END)`;
  }
  return jsonNumberSql(capabilities.engine, column, path, storage);
}

async function observableVsSuccess(db: ActiveDatabase, params: ChartParams): Promise<AnalysisCharts['observable']> {
  const { capabilities } = db;
  const knex = db.handle.knex;
  // The observable is read once per outcome, in a materialized CTE both queries below start from.
  const values = (): Knex.QueryBuilder =>
    knex
      .select(knex.raw(`o.synth_id AS synth_id, ${numberAtPathSql(capabilities, 'o.synth_attributes', ['observables', params.observable])} AS x, o.success_rate AS y`))
      .from('synth_outcomes as o')
      .where('o.analysis_id', params.analysisId)
      .whereNotNull('o.success_rate');

  const lineRows = (await knex
    .withMaterialized('v', values())
    .select(knex.raw(`${binSql(capabilities.engine, 'v.x', params.lineBins)} AS bin, COUNT(*) AS n, AVG(v.x) AS mean_x, AVG(v.y) AS mean_y`))
    .from('v')
    .whereNotNull('v.x')
    .groupByRaw('1')) as Array<{ bin: unknown; n: unknown; mean_x: unknown; mean_y: unknown }>;

  const line = emptyLine(params.lineBins);
  let withValue = 0;
  for (const row of lineRows) {
    const bin = toNumber(row.bin);
    const target = bin === null ? undefined : line[bin];
    if (target === undefined) continue;
    target.count = toNumber(row.n) ?? 0;
    target.meanX = toNumber(row.mean_x);
    target.meanSuccessRate = toNumber(row.mean_y);
    withValue += target.count;
  }

  // Every step-th outcome in synth id order (unique within an analysis): deterministic, and spread
  // evenly over the whole analysis.
  const step = Math.max(1, Math.ceil(withValue / params.sampleSize));
  const pointRows =
    withValue === 0
      ? []
      : ((await knex
          .withMaterialized('v', values())
          .select('n.synth_id', 'n.x', 'n.y')
          .from(
            knex
              .select(knex.raw('v.synth_id AS synth_id, v.x AS x, v.y AS y, ROW_NUMBER() OVER (ORDER BY v.synth_id) AS rn'))
              .from('v')
              .whereNotNull('v.x')
              .as('n'),
          )
          .whereRaw(`(n.rn - 1) % ${step} = 0`)
          .orderBy('n.rn')
          .limit(params.sampleSize)) as Array<{ synth_id: unknown; x: unknown; y: unknown }>);
  const points = pointRows.flatMap((row) => {
    const pointX = toNumber(row.x);
    const pointY = toNumber(row.y);
    return pointX === null || pointY === null ? [] : [{ synthId: toText(row.synth_id) ?? '', x: pointX, y: pointY }];
  });
  return { key: params.observable, withValue, points, sampled: step > 1, line };
}

async function outcomeShares(db: ActiveDatabase, analysisId: string, aggregated: unknown, hasOutcomes: boolean): Promise<AnalysisCharts['shares']> {
  if (isRecord(aggregated)) {
    const stored = parseShares(aggregated);
    if (stored.successRate !== null && stored.failedRate !== null && stored.didNotTryRate !== null) return { ...stored, source: 'aggregated_outcomes' };
  }
  const { capabilities } = db;
  const rates = ['success_rate', 'failed_rate', 'did_not_try_rate'] as const;
  if (!hasOutcomes || !rates.every((rate) => hasColumn(capabilities, 'synth_outcomes', rate))) {
    return { successRate: null, failedRate: null, didNotTryRate: null, source: 'none' };
  }
  const knex = db.handle.knex;
  const row = (await knex
    .select(knex.raw('COUNT(*) AS n, AVG(o.success_rate) AS success, AVG(o.failed_rate) AS failed, AVG(o.did_not_try_rate) AS did_not_try'))
    .from('synth_outcomes as o')
    .where('o.analysis_id', analysisId)
    .first()) as { n: unknown; success: unknown; failed: unknown; did_not_try: unknown } | undefined;
  if ((toNumber(row?.n) ?? 0) === 0) return { successRate: null, failedRate: null, didNotTryRate: null, source: 'none' };
  const shares: OutcomeShares = { successRate: toNumber(row?.success), failedRate: toNumber(row?.failed), didNotTryRate: toNumber(row?.did_not_try) };
  return { ...shares, source: 'outcomes' };
}
