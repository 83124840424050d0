// Readers for the JSON cells of explorations and scenario_nodes (DATA.md shapes, missing and
// unknown keys tolerated), and the numbers a node is compared on.
import type { JsonCell } from '../../../../shared/contract/json-value';
import { SCORECARD_DIMENSIONS } from '../../../../shared/contract/experiments';
import type { ExplorationConfigSummary, ExplorationGoal, ExplorationListRow, NodeMetric } from '../../../../shared/contract/explorations';
import { isRecord, numberAt, readJsonCell, stringAt } from '../json-cells';
import { toNumber, toText } from '../query-support';

/** The nodes' simulation results in display order; outcomes spell the second one failed_rate. */
export const RATE_KEYS = ['success_rate', 'fail_rate', 'did_not_try_rate'] as const;

export function cellOrNull(value: unknown): JsonCell | null {
  return value === null || value === undefined ? null : readJsonCell(value);
}

/** The parsed JSON value, or undefined when the cell is NULL or does not parse. */
export function jsonValue(value: unknown): unknown {
  const cell = cellOrNull(value);
  return cell?.ok ? cell.value : undefined;
}

export function readGoal(value: unknown): ExplorationGoal {
  const goal = jsonValue(value);
  return { metric: stringAt(goal, ['metric']), operator: stringAt(goal, ['operator']), value: numberAt(goal, ['value']) };
}

export function readConfig(value: unknown): ExplorationConfigSummary {
  const config = jsonValue(value);
  return {
    beamWidth: numberAt(config, ['beam_width']),
    maxDepth: numberAt(config, ['max_depth']),
    maxLlmCalls: numberAt(config, ['max_llm_calls']),
    nExecutions: numberAt(config, ['n_executions']),
    sigma: numberAt(config, ['sigma']),
    seed: numberAt(config, ['seed']),
  };
}

export interface NodeRates {
  successRate: number | null;
  failRate: number | null;
  didNotTryRate: number | null;
}

export function readRates(results: unknown): NodeRates {
  return {
    successRate: numberAt(results, ['success_rate']),
    failRate: numberAt(results, ['fail_rate']) ?? numberAt(results, ['failed_rate']),
    didNotTryRate: numberAt(results, ['did_not_try_rate']),
  };
}

/** Numeric entries of a JSON object (numbers and numeric strings); empty for anything else. */
export function numericEntries(value: unknown): Map<string, number> {
  const entries = new Map<string, number>();
  if (!isRecord(value)) return entries;
  for (const key of Object.keys(value)) {
    const number = numberAt(value, [key]);
    if (number !== null) entries.set(key, number);
  }
  return entries;
}

/** Node vs parent for every key either has, `known` keys first in their order, then the rest sorted. */
export function compareMetrics(node: unknown, parent: unknown, known: readonly string[]): NodeMetric[] {
  const mine = numericEntries(node);
  const theirs = numericEntries(parent);
  const others = [...new Set([...mine.keys(), ...theirs.keys()])].filter((key) => !known.includes(key)).sort();
  const keys = [...known.filter((key) => mine.has(key) || theirs.has(key)), ...others];
  return keys.map((key) => {
    const value = mine.get(key) ?? null;
    const parentValue = theirs.get(key) ?? null;
    return { key, value, parentValue, delta: value !== null && parentValue !== null ? roundDelta(value - parentValue) : null };
  });
}

export const PARAM_KEYS: readonly string[] = SCORECARD_DIMENSIONS;

/** Differences of rates like 0.634 − 0.552 without binary noise (0.08199999999999996). */
export function roundDelta(delta: number): number {
  return Math.round(delta * 1e12) / 1e12;
}

/** The columns explorations.list and explorations.get read, by their SQL aliases. */
export interface ExplorationRowValues {
  id: unknown;
  experiment_id: unknown;
  experiment_name: unknown;
  experiment_status: unknown;
  baseline_analysis_id: unknown;
  status: unknown;
  goal: unknown;
  config: unknown;
  current_depth: unknown;
  total_nodes: unknown;
  total_llm_calls: unknown;
  best_success_rate: unknown;
  started_at: unknown;
  completed_at: unknown;
}

export function toListRow(row: ExplorationRowValues): ExplorationListRow {
  return {
    id: toText(row.id) ?? '',
    experimentId: toText(row.experiment_id),
    experimentName: toText(row.experiment_name),
    experimentDeleted: toText(row.experiment_status) === 'deleted',
    baselineAnalysisId: toText(row.baseline_analysis_id),
    status: toText(row.status),
    goal: readGoal(row.goal),
    config: readConfig(row.config),
    currentDepth: toNumber(row.current_depth),
    totalNodes: toNumber(row.total_nodes),
    totalLlmCalls: toNumber(row.total_llm_calls),
    bestSuccessRate: toNumber(row.best_success_rate),
    startedAt: toText(row.started_at),
    completedAt: toText(row.completed_at),
  };
}
