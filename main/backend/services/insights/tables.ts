// The five legacy tables: which columns each has, its order, and its rows read into the contract's
// shapes (JSON cells parsed defensively; the arrays of DATA.md — deltas_used, dimensions, rules —
// also read as typed lists when they are arrays).
import type {
  ChartInsightRow,
  FeatureScorecardRow,
  RegionAnalysisRow,
  RegionRule,
  SensitivityDimension,
  SensitivityResultRow,
  SimulationRunRow,
} from '../../../../shared/contract/insights';
import type { JsonCell } from '../../../../shared/contract/json-value';
import { toNumber, toText } from '../query-support';
import { isRecord, numberAt, readJsonCell, stringAt } from '../json-cells';
import type { LegacyTableSpec, Row } from './legacy-table';

function cell(value: unknown): JsonCell | null {
  return value === null || value === undefined ? null : readJsonCell(value);
}

function parsedArray(jsonCell: JsonCell | null): unknown[] | null {
  return jsonCell?.ok && Array.isArray(jsonCell.value) ? jsonCell.value : null;
}

export const chartInsights: LegacyTableSpec<ChartInsightRow> = {
  table: 'chart_insights',
  columns: ['id', 'simulation_id', 'insight_type', 'response_json', 'created_at', 'updated_at'],
  orderBy: 'created_at',
  direction: 'desc',
  toRow(row: Row): ChartInsightRow {
    const response = cell(row.response_json);
    return {
      id: String(row.id),
      simulationId: toText(row.simulation_id),
      insightType: toText(row.insight_type),
      response,
      summary: response?.ok ? stringAt(response.value, ['summary']) : null,
      createdAt: toText(row.created_at),
      updatedAt: toText(row.updated_at),
    };
  },
};

export const sensitivityResults: LegacyTableSpec<SensitivityResultRow> = {
  table: 'sensitivity_results',
  columns: ['id', 'simulation_id', 'analyzed_at', 'deltas_used', 'baseline_success', 'most_sensitive_dimension', 'dimensions', 'created_at'],
  orderBy: 'analyzed_at',
  direction: 'desc',
  toRow(row: Row): SensitivityResultRow {
    const deltasUsed = cell(row.deltas_used);
    const dimensions = cell(row.dimensions);
    const deltas = parsedArray(deltasUsed);
    const entries = parsedArray(dimensions);
    return {
      id: String(row.id),
      simulationId: toText(row.simulation_id),
      analyzedAt: toText(row.analyzed_at),
      deltasUsed,
      deltas: deltas !== null && deltas.every((delta) => typeof delta === 'number') ? (deltas as number[]) : null,
      baselineSuccess: toNumber(row.baseline_success),
      mostSensitiveDimension: toText(row.most_sensitive_dimension),
      dimensions,
      dimensionSummaries:
        entries?.map((entry): SensitivityDimension => ({ dimension: stringAt(entry, ['dimension']), sensitivityIndex: numberAt(entry, ['sensitivity_index']) })) ?? null,
      createdAt: toText(row.created_at),
    };
  },
};

export const regionAnalyses: LegacyTableSpec<RegionAnalysisRow> = {
  table: 'region_analyses',
  columns: ['id', 'simulation_id', 'rules', 'rule_text', 'synth_count', 'synth_percentage', 'did_not_try_rate', 'failed_rate', 'success_rate', 'failure_delta'],
  orderBy: 'simulation_id',
  direction: 'asc',
  toRow(row: Row): RegionAnalysisRow {
    const rules = cell(row.rules);
    return {
      id: String(row.id),
      simulationId: toText(row.simulation_id),
      rules,
      ruleList:
        parsedArray(rules)?.map((rule): RegionRule => ({
          attribute: stringAt(rule, ['attribute']),
          operator: stringAt(rule, ['operator']),
          threshold: numberAt(rule, ['threshold']),
        })) ?? null,
      ruleText: toText(row.rule_text),
      synthCount: toNumber(row.synth_count),
      synthPercentage: toNumber(row.synth_percentage),
      didNotTryRate: toNumber(row.did_not_try_rate),
      failedRate: toNumber(row.failed_rate),
      successRate: toNumber(row.success_rate),
      failureDelta: toNumber(row.failure_delta),
    };
  },
};

export const simulationRuns: LegacyTableSpec<SimulationRunRow> = {
  table: 'simulation_runs',
  columns: ['id', 'scorecard_id', 'scenario_id', 'config', 'status', 'started_at', 'completed_at', 'total_synths', 'aggregated_outcomes', 'execution_time_seconds'],
  orderBy: 'started_at',
  direction: 'desc',
  toRow(row: Row): SimulationRunRow {
    const aggregated = cell(row.aggregated_outcomes);
    const outcomes = aggregated?.ok && isRecord(aggregated.value) ? aggregated.value : null;
    return {
      id: String(row.id),
      scorecardId: toText(row.scorecard_id),
      scenarioId: toText(row.scenario_id),
      config: cell(row.config),
      status: toText(row.status),
      startedAt: toText(row.started_at),
      completedAt: toText(row.completed_at),
      totalSynths: toNumber(row.total_synths),
      aggregatedOutcomes: aggregated,
      rates:
        outcomes === null
          ? null
          : { didNotTry: numberAt(outcomes, ['did_not_try_rate']), failed: numberAt(outcomes, ['failed_rate']), success: numberAt(outcomes, ['success_rate']) },
      executionTimeSeconds: toNumber(row.execution_time_seconds),
    };
  },
};

export const featureScorecards: LegacyTableSpec<FeatureScorecardRow> = {
  table: 'feature_scorecards',
  columns: ['id', 'experiment_id', 'data', 'created_at', 'updated_at'],
  orderBy: 'created_at',
  direction: 'desc',
  experimentNameFrom: 'experiment_id',
  toRow(row: Row): FeatureScorecardRow {
    const data = cell(row.data);
    return {
      id: String(row.id),
      experimentId: toText(row.experiment_id),
      experimentName: toText(row.experiment_name),
      data,
      featureName: data?.ok ? stringAt(data.value, ['feature_name']) : null,
      createdAt: toText(row.created_at),
      updatedAt: toText(row.updated_at),
    };
  },
};
