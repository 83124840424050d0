// explorations.get: one exploration's row in full (goal and config as JSON cells, experiment,
// baseline analysis) plus the highlighted path of its tree as a table of steps.
import { hasColumn } from '../../../../shared/capabilities';
import type { ExplorationDetail, ExplorationTree, WinningPathStep } from '../../../../shared/contract/explorations';
import { AppError } from '../../../../shared/errors';
import { numberAt } from '../json-cells';
import type { ActiveDatabase } from '../session';
import { toText } from '../query-support';
import { explorationRowsQuery, hasExplorations } from './list';
import { cellOrNull, jsonValue, roundDelta, toListRow, type ExplorationRowValues } from './read';
import { loadTree } from './tree';

export async function getExploration(db: ActiveDatabase, id: string): Promise<ExplorationDetail> {
  const { capabilities } = db;
  const knex = db.handle.knex;
  const row = hasExplorations(capabilities)
    ? ((await explorationRowsQuery(knex, capabilities).where('e.id', id).first()) as ExplorationRowValues | undefined)
    : undefined;
  if (row === undefined) throw new AppError('not_found', `No exploration ${id} in this database.`, { id });

  const tree = await loadTree(db, id);
  const baselineId = toText(row.baseline_analysis_id);
  return {
    ...toListRow(row),
    goalCell: cellOrNull(row.goal),
    configCell: cellOrNull(row.config),
    experimentStatus: toText(row.experiment_status),
    baselineAnalysis: baselineId === null ? null : await readBaseline(db, baselineId),
    nodeCount: tree.nodeCount,
    path: pathSteps(tree),
    anomalies: tree.anomalies,
  };
}

async function readBaseline(db: ActiveDatabase, id: string): Promise<ExplorationDetail['baselineAnalysis']> {
  if (!hasColumn(db.capabilities, 'analysis_runs', 'id')) return null;
  const columns = ['id', ...['status', 'aggregated_outcomes'].filter((name) => hasColumn(db.capabilities, 'analysis_runs', name))];
  const found = (await db.handle.knex('analysis_runs').select(columns).where('id', id).first()) as Record<string, unknown> | undefined;
  if (found === undefined) return null;
  return { id, status: toText(found.status), successRate: numberAt(jsonValue(found.aggregated_outcomes), ['success_rate']) };
}

function pathSteps(tree: ExplorationTree): ExplorationDetail['path'] {
  const path = tree.highlight === 'winner' ? tree.winnerPath : tree.highlight === 'best' ? tree.bestPath : null;
  if (path === null) return { kind: null, steps: [], reachesRoot: false };
  const { nodes } = tree;
  const steps = path.nodes.map((index, position): WinningPathStep => {
    const successRate = nodes.successRate[index] ?? null;
    const previous = position === 0 ? null : (nodes.successRate[path.nodes[position - 1]!] ?? null);
    return {
      nodeId: nodes.id[index]!,
      depth: nodes.depth[index] ?? null,
      shortAction: nodes.shortAction[index] ?? null,
      category: nodes.category[index] ?? null,
      status: nodes.status[index] ?? null,
      successRate,
      deltaSuccessRate: successRate !== null && previous !== null ? roundDelta(successRate - previous) : null,
    };
  });
  return { kind: tree.highlight, steps, reachesRoot: path.reachesRoot };
}
