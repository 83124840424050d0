// explorations.node: one scenario node in full, its parent (within the same exploration) and the
// deltas against it, its children, and its path up to the root by a bounded recursive query.
import type { Knex } from 'knex';
import { hasColumn } from '../../../../shared/capabilities';
import type { ExplorationNodeDetail, NodeRef } from '../../../../shared/contract/explorations';
import { AppError } from '../../../../shared/errors';
import type { ActiveDatabase } from '../session';
import { columnOrNull, toNumber, toText } from '../query-support';
import { cellOrNull, compareMetrics, jsonValue, PARAM_KEYS, RATE_KEYS, readRates } from './read';
import { rowsOf } from '../tables/sql';
import { hasScenarioNodes } from './tree';

const DETAIL_COLUMNS = [
  'id', 'exploration_id', 'parent_id', 'depth', 'node_status', 'short_action', 'action_category', 'action_applied', 'rationale',
  'scorecard_params', 'simulation_results', 'execution_time_seconds', 'created_at',
] as const;
const REF_COLUMNS = ['id', 'parent_id', 'depth', 'node_status', 'short_action', 'scorecard_params', 'simulation_results'] as const;

type DetailRow = Record<(typeof DETAIL_COLUMNS)[number], unknown>;
type RefRow = Record<(typeof REF_COLUMNS)[number], unknown>;

/** Longer than any real tree is deep; a walk that reaches it is going round a loop. */
const MAX_PATH_STEPS = 1000;

function selectList(db: ActiveDatabase, alias: string, columns: readonly string[]): string {
  return columns.map((name) => `${columnOrNull(db.capabilities, 'scenario_nodes', alias, name)} AS ${name}`).join(', ');
}

function toRef(row: RefRow): NodeRef {
  return {
    id: toText(row.id) ?? '',
    depth: toNumber(row.depth),
    status: toText(row.node_status),
    shortAction: toText(row.short_action),
    successRate: readRates(jsonValue(row.simulation_results)).successRate,
  };
}

export async function getNode(db: ActiveDatabase, id: string): Promise<ExplorationNodeDetail> {
  const notFound = (): AppError => new AppError('not_found', `No exploration node ${id} in this database.`, { id });
  if (!hasScenarioNodes(db.capabilities)) throw notFound();
  const knex = db.handle.knex;
  const found = rowsOf(await knex.raw(`SELECT ${selectList(db, 'n', DETAIL_COLUMNS)} FROM scenario_nodes n WHERE n.id = ?`, [id]));
  const node = found[0] as DetailRow | undefined;
  if (node === undefined) throw notFound();

  const explorationId = toText(node.exploration_id);
  const parentId = toText(node.parent_id);
  const sameTree = (query: Knex.QueryBuilder): Knex.QueryBuilder => (explorationId === null ? query : query.where('n.exploration_id', explorationId));
  const refColumns = REF_COLUMNS.map((name) => knex.raw(`${columnOrNull(db.capabilities, 'scenario_nodes', 'n', name)} AS ${name}`));

  const parent =
    parentId === null ? undefined : ((await sameTree(knex.from('scenario_nodes as n').select(refColumns).where('n.id', parentId)).first()) as RefRow | undefined);
  const childQuery = knex.from('scenario_nodes as n').select(refColumns);
  if (hasColumn(db.capabilities, 'scenario_nodes', 'parent_id')) childQuery.where('n.parent_id', id);
  else childQuery.whereRaw('1 = 0');
  if (hasColumn(db.capabilities, 'scenario_nodes', 'created_at')) childQuery.orderBy('n.created_at');
  const children = (await sameTree(childQuery).orderBy('n.id')) as RefRow[];
  const { path, reachesRoot } = await pathToNode(db, id, explorationId);

  const params = jsonValue(node.scorecard_params);
  const results = jsonValue(node.simulation_results);
  return {
    id,
    explorationId,
    parentId,
    parentMissing: parentId !== null && parent === undefined,
    depth: toNumber(node.depth),
    status: toText(node.node_status),
    shortAction: toText(node.short_action),
    category: toText(node.action_category),
    actionApplied: toText(node.action_applied),
    rationale: toText(node.rationale),
    scorecardParams: cellOrNull(node.scorecard_params),
    simulationResults: cellOrNull(node.simulation_results),
    executionTimeSeconds: toNumber(node.execution_time_seconds),
    createdAt: toText(node.created_at),
    parent: parent === undefined ? null : toRef(parent),
    params: compareMetrics(params, parent === undefined ? undefined : jsonValue(parent.scorecard_params), PARAM_KEYS),
    rates: compareMetrics(results, parent === undefined ? undefined : jsonValue(parent.simulation_results), RATE_KEYS),
    children: children.map(toRef),
    path,
    pathReachesRoot: reachesRoot,
  };
}

/**
 * The node's ancestors, root first. The recursive query follows parent_id through the primary key
 * and stops after MAX_PATH_STEPS; a repeated id (a loop) or a missing parent ends the walk early.
 */
async function pathToNode(db: ActiveDatabase, id: string, explorationId: string | null): Promise<{ path: NodeRef[]; reachesRoot: boolean }> {
  const columns = REF_COLUMNS.filter((name) => name !== 'id' && name !== 'parent_id');
  if (!hasColumn(db.capabilities, 'scenario_nodes', 'parent_id')) return { path: [], reachesRoot: false };
  const pick = (alias: string): string => columns.map((name) => `${columnOrNull(db.capabilities, 'scenario_nodes', alias, name)} AS ${name}`).join(', ');
  const sameTree = explorationId === null ? '' : ' AND s.exploration_id = ?';
  const sql = `
    WITH RECURSIVE up(step, id, parent_id, ${columns.join(', ')}) AS (
      SELECT 0, n.id, n.parent_id, ${pick('n')} FROM scenario_nodes n WHERE n.id = ?
      UNION ALL
      SELECT up.step + 1, s.id, s.parent_id, ${pick('s')}
      FROM scenario_nodes s JOIN up ON s.id = up.parent_id
      WHERE up.step < ${MAX_PATH_STEPS}${sameTree}
    )
    SELECT step, id, parent_id, ${columns.join(', ')} FROM up ORDER BY step`;
  const rows = rowsOf(await db.handle.knex.raw(sql, explorationId === null ? [id] : [id, explorationId])) as RefRow[];
  const seen = new Set<string>();
  const ancestry: RefRow[] = [];
  for (const row of rows) {
    const rowId = toText(row.id) ?? '';
    if (seen.has(rowId)) break;
    seen.add(rowId);
    ancestry.push(row);
  }
  const top = ancestry.at(-1);
  const reachesRoot = top !== undefined && (top.parent_id === null || top.parent_id === undefined);
  return { path: ancestry.reverse().map(toRef), reachesRoot };
}
