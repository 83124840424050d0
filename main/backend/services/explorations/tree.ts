// explorations.tree: every node of one exploration in one indexed query (only the short columns),
// turned into columns, linked (orphans and loops reported, never followed forever) and given its
// winner path and best path.
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import type { ExplorationTree, ExplorationTreeColumns, TreeAnomalies, TreePath } from '../../../../shared/contract/explorations';
import { AppError } from '../../../../shared/errors';
import { bestNodeIndex, linkTree, pathFromRoot } from '../../../../shared/exploration-tree';
import { numberAt } from '../json-cells';
import { selectFirst, selectRows } from '../../db/select';
import type { ActiveDatabase } from '../session';
import { columnOrNull, toNumber, toText } from '../query-support';
import { hasExplorations } from './list';
import { jsonValue, readRates } from './read';

const NODE_COLUMNS = ['id', 'parent_id', 'depth', 'node_status', 'short_action', 'action_category', 'scorecard_params', 'simulation_results', 'created_at'] as const;

type NodeRow = Record<(typeof NODE_COLUMNS)[number], unknown>;

export function hasScenarioNodes(capabilities: Capabilities): boolean {
  return hasTable(capabilities, 'scenario_nodes') && hasColumn(capabilities, 'scenario_nodes', 'id') && hasColumn(capabilities, 'scenario_nodes', 'exploration_id');
}

export async function assertExplorationExists(db: ActiveDatabase, id: string): Promise<void> {
  const { knex } = db.handle;
  const found = hasExplorations(db.capabilities) ? await selectFirst(knex, knex('explorations').select('id').where('id', id).first()) : undefined;
  if (found === undefined) throw new AppError('not_found', `No exploration ${id} in this database.`, { id });
}

export async function loadTree(db: ActiveDatabase, explorationId: string): Promise<ExplorationTree> {
  await assertExplorationExists(db, explorationId);
  const rows = hasScenarioNodes(db.capabilities) ? await selectNodes(db, explorationId) : [];
  return buildTree(explorationId, rows);
}

async function selectNodes(db: ActiveDatabase, explorationId: string): Promise<NodeRow[]> {
  const { capabilities } = db;
  const knex = db.handle.knex;
  const column = (name: string): string => columnOrNull(capabilities, 'scenario_nodes', 'n', name);
  const query = knex
    .from('scenario_nodes as n')
    .select(NODE_COLUMNS.map((name) => knex.raw(`${column(name)} AS ${name}`)))
    .where('n.exploration_id', explorationId);
  // Parents before children in a healthy tree; the id makes the order total.
  for (const name of ['depth', 'created_at']) if (hasColumn(capabilities, 'scenario_nodes', name)) query.orderBy(`n.${name}`);
  query.orderBy('n.id');
  return selectRows<NodeRow>(knex, query);
}

export function buildTree(explorationId: string, rows: readonly NodeRow[]): ExplorationTree {
  const columns: ExplorationTreeColumns = {
    id: [], parentIndex: [], depth: [], status: [], shortAction: [], category: [],
    successRate: [], failRate: [], didNotTryRate: [],
    complexity: [], initialEffort: [], perceivedRisk: [], timeToValue: [],
    childCount: [], subtreeSize: [],
  };
  const parentIds: (string | null)[] = [];
  const createdAt: unknown[] = [];
  let nodesWithoutId = 0;
  for (const row of rows) {
    const id = toText(row.id);
    if (id === null) {
      nodesWithoutId += 1;
      continue;
    }
    const results = jsonValue(row.simulation_results);
    const params = jsonValue(row.scorecard_params);
    const rates = readRates(results);
    columns.id.push(id);
    parentIds.push(toText(row.parent_id));
    createdAt.push(row.created_at);
    columns.depth.push(toNumber(row.depth));
    columns.status.push(toText(row.node_status));
    columns.shortAction.push(toText(row.short_action));
    columns.category.push(toText(row.action_category));
    columns.successRate.push(rates.successRate);
    columns.failRate.push(rates.failRate);
    columns.didNotTryRate.push(rates.didNotTryRate);
    columns.complexity.push(numberAt(params, ['complexity']));
    columns.initialEffort.push(numberAt(params, ['initial_effort']));
    columns.perceivedRisk.push(numberAt(params, ['perceived_risk']));
    columns.timeToValue.push(numberAt(params, ['time_to_value']));
  }

  const links = linkTree(columns.id, parentIds);
  columns.parentIndex = links.parentIndex;
  columns.childCount = links.childCount;
  columns.subtreeSize = links.subtreeSize;

  const properRoots = columns.id.map((_, index) => index).filter((index) => parentIds[index] === null);
  const winners = columns.id.map((_, index) => index).filter((index) => columns.status[index] === 'winner');
  const rootIndex = properRoots[0] ?? null;
  const winnerIndex = winners[0] ?? null;
  const bestIndex = bestNodeIndex({ successRate: columns.successRate, depth: columns.depth, createdAt, ids: columns.id });
  const pathTo = (target: number | null): TreePath | null => {
    if (target === null) return null;
    const nodes = pathFromRoot(links.parentIndex, target);
    return { target, nodes, reachesRoot: parentIds[nodes[0]!] === null };
  };

  const anomalies: TreeAnomalies = {
    orphans: links.orphans.map(({ index, missingParentId }) => ({ nodeId: columns.id[index]!, missingParentId })),
    cycles: links.cycles.map((cycle) => cycle.map((index) => columns.id[index]!)),
    extraRoots: properRoots.slice(1).map((index) => columns.id[index]!),
    extraWinners: winners.slice(1).map((index) => columns.id[index]!),
    duplicateIds: [...new Set(links.duplicates.map((index) => columns.id[index]!))],
    nodesWithoutId,
  };
  return {
    explorationId,
    nodeCount: columns.id.length,
    nodes: columns,
    rootIndex,
    winnerIndex,
    bestIndex,
    winnerPath: pathTo(winnerIndex),
    bestPath: pathTo(bestIndex),
    highlight: winnerIndex !== null ? 'winner' : bestIndex !== null ? 'best' : null,
    anomalies,
  };
}
