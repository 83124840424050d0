// explorations.* through the real dispatcher on the four kinds of test database, checked against
// raw SQL (or the fixtures' known content); broken trees (orphans, loops) in private writable copies.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExplorationTree } from '../../../shared/contract/explorations';
import { openTestDatabase, type TestDatabase, type TestDatabaseKind } from '../test-support/databases';
import { SYNTHLAB_POSTGRES_IDS } from '../test-support/fixtures/synthlab-postgres';
import { SYNTHLAB_SQLITE_V15_IDS } from '../test-support/fixtures/synthlab-sqlite-v15';
import { describePg } from '../test-support/pg-suite';
import { apiCaller, type ApiCaller } from './experiments/api-caller';
import { rowsOf } from './tables/sql';

interface RawNode {
  id: string;
  parent_id: string | null;
  depth: number;
  node_status: string;
  success: number | null;
  scorecard_params: unknown;
  simulation_results: unknown;
}

const json = (value: unknown): Record<string, unknown> | null =>
  value === null ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>);

async function raw(knex: Knex, sql: string, bindings: Knex.RawBinding[] = []): Promise<Array<Record<string, unknown>>> {
  return rowsOf(await knex.raw(sql, bindings));
}

function successSql(knex: Knex): string {
  return knex.client.config.client === 'pg'
    ? `(simulation_results->>'success_rate')::float8`
    : `CAST(json_extract(simulation_results, '$.success_rate') AS REAL)`;
}

async function rawNodes(knex: Knex, explorationId: string): Promise<RawNode[]> {
  const rows = await raw(
    knex,
    `SELECT id, parent_id, depth, node_status, ${successSql(knex)} AS success, scorecard_params, simulation_results
     FROM scenario_nodes WHERE exploration_id = ?`,
    [explorationId],
  );
  return rows.map((row) => ({ ...(row as unknown as RawNode), depth: Number(row.depth), success: row.success === null ? null : Number(row.success) }));
}

/** Ids from the root down to `id`, by walking raw parent links. */
function rawPath(nodes: readonly RawNode[], id: string): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const path: string[] = [];
  for (let current = byId.get(id); current !== undefined; current = current.parent_id === null ? undefined : byId.get(current.parent_id)) path.push(current.id);
  return path.reverse();
}

function pathIds(tree: ExplorationTree, path: { nodes: number[] } | null): string[] | null {
  return path === null ? null : path.nodes.map((index) => tree.nodes.id[index]!);
}

function suite(kind: TestDatabaseKind): void {
  let database: TestDatabase;
  let api: ApiCaller;
  let knex: Knex;
  let explorationIds: string[];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    api = apiCaller(database.session);
    knex = database.db.handle.knex;
    explorationIds = (await raw(knex, 'SELECT id FROM explorations ORDER BY id')).map((row) => String(row.id));
  });
  afterAll(async () => database?.cleanup());

  it('lists every exploration of live experiments, newest start first, page by page', async () => {
    const expected = await raw(
      knex,
      `SELECT e.id FROM explorations e LEFT JOIN experiments x ON x.id = e.experiment_id
       WHERE x.status IS NULL OR x.status <> 'deleted' ORDER BY e.started_at DESC, e.id DESC`,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('explorations.list', { limit: 2, ...(cursor === undefined ? {} : { cursor }) });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    expect(seen).toEqual(expected.map((row) => row.id));
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('lists the explorations of one experiment with their fields read from the row', async () => {
    const [sample] = await raw(knex, `SELECT e.*, x.name AS experiment_name FROM explorations e JOIN experiments x ON x.id = e.experiment_id ORDER BY e.id LIMIT 1`);
    const page = await api.call('explorations.list', { experimentId: String(sample!.experiment_id) });
    const expectedIds = await raw(knex, 'SELECT id FROM explorations WHERE experiment_id = ? ORDER BY started_at DESC, id DESC', [sample!.experiment_id as string]);
    expect(page.rows.map((row) => row.id)).toEqual(expectedIds.map((row) => row.id));
    const row = page.rows.find((candidate) => candidate.id === sample!.id)!;
    const goal = json(sample!.goal)!;
    const config = json(sample!.config)!;
    expect(row).toMatchObject({
      experimentId: sample!.experiment_id,
      experimentName: sample!.experiment_name,
      experimentDeleted: false,
      baselineAnalysisId: sample!.baseline_analysis_id,
      status: sample!.status,
      goal: { metric: goal.metric, operator: goal.operator, value: goal.value },
      config: { beamWidth: config.beam_width, maxDepth: config.max_depth, maxLlmCalls: config.max_llm_calls, seed: config.seed },
      currentDepth: Number(sample!.current_depth),
      totalNodes: Number(sample!.total_nodes),
      totalLlmCalls: Number(sample!.total_llm_calls),
      startedAt: sample!.started_at,
      completedAt: sample!.completed_at,
    });
    expect(row.bestSuccessRate).toBeCloseTo(Number(sample!.best_success_rate), 10);
  });

  it('filters the list by status', async () => {
    const [{ status }] = (await raw(knex, 'SELECT status FROM explorations ORDER BY id LIMIT 1')) as [{ status: string }];
    const expected = await raw(knex, 'SELECT id FROM explorations WHERE status = ? ORDER BY started_at DESC, id DESC', [status]);
    const page = await api.call('explorations.list', { status, includeDeleted: true });
    expect(page.rows.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect((await api.call('explorations.list', { status: 'no_such_status' })).rows).toEqual([]);
  });

  it('finds explorations by the start of their id, or text in their experiment name or goal, case aside', async () => {
    const everything = await raw(
      knex,
      'SELECT e.id, x.name AS experiment_name, e.goal FROM explorations e LEFT JOIN experiments x ON x.id = e.experiment_id ORDER BY e.started_at DESC, e.id DESC',
    );
    const text = (value: unknown): string => (value === null || value === undefined ? '' : (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase());
    const matching = (search: string): string[] =>
      everything
        .filter((row) => text(row.id).startsWith(search.toLowerCase()) || text(row.experiment_name).includes(search.toLowerCase()) || text(row.goal).includes(search.toLowerCase()))
        .map((row) => String(row.id));
    const found = async (search: string): Promise<string[]> => (await api.call('explorations.list', { search, includeDeleted: true, limit: 500 })).rows.map((row) => row.id);

    const named = everything.map((row) => text(row.experiment_name)).find((name) => /[a-z]{5}/.test(name));
    const namePiece = /[a-z]{5}/.exec(named ?? '')?.[0];
    expect(namePiece).toBeDefined();
    for (const search of [namePiece!.toUpperCase(), String(everything[0]!.id).slice(0, 6), 'success_rate']) {
      const expected = matching(search);
      expect(expected.length, search).toBeGreaterThan(0);
      expect(await found(search)).toEqual(expected);
    }
    expect(await found('%')).toEqual(matching('%'));
    expect(await found('zz-no-such-thing')).toEqual([]);
  });

  it('returns every tree whole: node count, parent links, winner path, best path', async () => {
    for (const id of explorationIds) {
      const tree = await api.call('explorations.tree', { id });
      const nodes = await rawNodes(knex, id);
      expect(tree.nodeCount).toBe(nodes.length);
      expect([...tree.nodes.id].sort()).toEqual(nodes.map((node) => node.id).sort());
      const byId = new Map(nodes.map((node) => [node.id, node]));
      tree.nodes.id.forEach((nodeId, index) => {
        const rawNode = byId.get(nodeId)!;
        const parent = tree.nodes.parentIndex[index]!;
        expect(parent === -1 ? null : tree.nodes.id[parent]).toBe(rawNode.parent_id);
        expect(tree.nodes.depth[index]).toBe(rawNode.depth);
        expect(tree.nodes.status[index]).toBe(rawNode.node_status);
        if (rawNode.success === null) expect(tree.nodes.successRate[index]).toBeNull();
        else expect(tree.nodes.successRate[index]).toBeCloseTo(rawNode.success, 10);
        expect(tree.nodes.childCount[index]).toBe(nodes.filter((node) => node.parent_id === nodeId).length);
      });
      const rootIndex = tree.rootIndex!;
      expect(tree.nodes.id[rootIndex]).toBe(nodes.find((node) => node.parent_id === null)!.id);
      expect(tree.nodes.subtreeSize[rootIndex]).toBe(nodes.length);
      expect(tree.anomalies).toEqual({ orphans: [], cycles: [], extraRoots: [], extraWinners: [], duplicateIds: [], nodesWithoutId: 0 });

      const winner = nodes.find((node) => node.node_status === 'winner');
      const maxRate = Math.max(...nodes.filter((node) => node.success !== null).map((node) => node.success!));
      const best = tree.nodes.id[tree.bestIndex!]!;
      expect(byId.get(best)!.success).toBeCloseTo(maxRate, 10);
      expect(byId.get(best)!.depth).toBe(Math.min(...nodes.filter((node) => node.success === maxRate).map((node) => node.depth)));
      expect(pathIds(tree, tree.bestPath)).toEqual(rawPath(nodes, best));
      if (winner === undefined) {
        expect(tree.winnerIndex).toBeNull();
        expect(tree.winnerPath).toBeNull();
        expect(tree.highlight).toBe('best');
      } else {
        expect(tree.nodes.id[tree.winnerIndex!]).toBe(winner.id);
        expect(pathIds(tree, tree.winnerPath)).toEqual(rawPath(nodes, winner.id));
        expect(tree.winnerPath!.reachesRoot).toBe(true);
        expect(tree.highlight).toBe('winner');
      }
    }
  });

  it('gives a node in full with its parent, deltas, children and path', async () => {
    const id = explorationIds[0]!;
    const nodes = await rawNodes(knex, id);
    for (const node of nodes) {
      const detail = await api.call('explorations.node', { id: node.id });
      expect(detail).toMatchObject({ id: node.id, explorationId: id, parentId: node.parent_id, depth: node.depth, status: node.node_status, parentMissing: false });
      expect(detail.children.map((child) => child.id).sort()).toEqual(nodes.filter((other) => other.parent_id === node.id).map((other) => other.id).sort());
      expect(detail.path.map((step) => step.id)).toEqual(rawPath(nodes, node.id));
      expect(detail.pathReachesRoot).toBe(true);
      const params = json(node.scorecard_params)!;
      expect(detail.scorecardParams).toEqual({ ok: true, value: params });
      const parent = node.parent_id === null ? undefined : nodes.find((other) => other.id === node.parent_id);
      expect(detail.parent?.id ?? null).toBe(node.parent_id);
      for (const key of ['complexity', 'initial_effort', 'perceived_risk', 'time_to_value']) {
        const metric = detail.params.find((candidate) => candidate.key === key)!;
        expect(metric.value).toBe(params[key]);
        if (parent === undefined) expect(metric.delta).toBeNull();
        else expect(metric.delta).toBeCloseTo((params[key] as number) - (json(parent.scorecard_params)![key] as number), 9);
      }
      const success = detail.rates.find((metric) => metric.key === 'success_rate');
      const parentSuccess = parent?.success ?? null;
      if (node.success === null) expect(success?.value ?? null).toBeNull();
      else expect(success!.value).toBeCloseTo(node.success, 10);
      if (node.success !== null && parentSuccess !== null) expect(success!.delta).toBeCloseTo(node.success - parentSuccess, 9);
      else expect(success?.delta ?? null).toBeNull();
    }
  });

  it('gives one exploration with its highlighted path as steps', async () => {
    for (const id of explorationIds) {
      const detail = await api.call('explorations.get', { id });
      const tree = await api.call('explorations.tree', { id });
      const [row] = await raw(knex, 'SELECT * FROM explorations WHERE id = ?', [id]);
      expect(detail.id).toBe(id);
      expect(detail.goalCell).toEqual({ ok: true, value: json(row!.goal) });
      expect(detail.configCell).toEqual({ ok: true, value: json(row!.config) });
      expect(detail.nodeCount).toBe(tree.nodeCount);
      const highlighted = tree.highlight === 'winner' ? tree.winnerPath : tree.bestPath;
      expect(detail.path.kind).toBe(tree.highlight);
      expect(detail.path.steps.map((step) => step.nodeId)).toEqual(pathIds(tree, highlighted));
      detail.path.steps.forEach((step, position) => {
        const previous = detail.path.steps[position - 1];
        if (previous === undefined || previous.successRate === null || step.successRate === null) expect(step.deltaSuccessRate).toBeNull();
        else expect(step.deltaSuccessRate).toBeCloseTo(step.successRate - previous.successRate, 9);
      });
      const [analysis] = await raw(knex, 'SELECT status, aggregated_outcomes FROM analysis_runs WHERE id = ?', [row!.baseline_analysis_id as string]);
      expect(detail.baselineAnalysis).toEqual({
        id: row!.baseline_analysis_id,
        status: analysis!.status,
        successRate: (json(analysis!.aggregated_outcomes)?.success_rate as number | undefined) ?? null,
      });
    }
  });

  it('answers not_found for unknown ids and bad_request for bad params', async () => {
    expect((await api.fail('explorations.tree', { id: 'expl_nothere' })).code).toBe('not_found');
    expect((await api.fail('explorations.get', { id: 'expl_nothere' })).code).toBe('not_found');
    expect((await api.fail('explorations.node', { id: 'node_nothere' })).code).toBe('not_found');
    expect((await api.fail('explorations.tree', {})).code).toBe('bad_request');
    expect((await api.fail('explorations.tree', { id: '' })).code).toBe('bad_request');
    expect((await api.fail('explorations.node', { id: 'x', extra: 1 })).code).toBe('bad_request');
    expect((await api.fail('explorations.list', { limit: 0 })).code).toBe('bad_request');
    expect((await api.fail('explorations.list', { cursor: 'not-a-cursor' })).code).toBe('bad_request');
    expect((await api.call('explorations.list', { experimentId: 'exp_nothere' })).rows).toEqual([]);
  });
}

describe('demo-sqlite', () => suite('demo-sqlite'));
describe('synthlab-sqlite', () => suite('synthlab-sqlite'));
describePg('demo-postgres', () => suite('demo-postgres'));
describePg('synthlab-postgres', () => suite('synthlab-postgres'));

// ---- the fixtures' known trees -------------------------------------------------------------------

function fixtureSuite(kind: 'synthlab-sqlite' | 'synthlab-postgres'): void {
  let database: TestDatabase;
  let api: ApiCaller;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    api = apiCaller(database.session);
  });
  afterAll(async () => database?.cleanup());

  if (kind === 'synthlab-sqlite') {
    const ids = SYNTHLAB_SQLITE_V15_IDS;
    it('highlights the winner path, and the best path where there is no winner', async () => {
      const withWinner = await api.call('explorations.tree', { id: ids.explorations.withWinner });
      expect(pathIds(withWinner, withWinner.winnerPath)).toEqual([ids.nodes.root, ids.nodes.winnerParent, ids.nodes.winner]);
      const withoutWinner = await api.call('explorations.tree', { id: ids.explorations.withoutWinner });
      expect(withoutWinner.highlight).toBe('best');
      expect(pathIds(withoutWinner, withoutWinner.bestPath)).toEqual(['node_00000b01', 'node_00000b02', ids.nodes.bestWithoutWinner]);
    });

    it('gives the winner deltas against its parent, fail_rate read from simulation_results', async () => {
      const node = await api.call('explorations.node', { id: ids.nodes.winner });
      const metric = (list: typeof node.params, key: string) => list.find((candidate) => candidate.key === key)!;
      expect(metric(node.params, 'initial_effort')).toMatchObject({ value: 0.2, parentValue: 0.45 });
      expect(metric(node.params, 'initial_effort').delta).toBeCloseTo(-0.25, 12);
      expect(metric(node.rates, 'success_rate').delta).toBeCloseTo(0.634 - 0.552, 12);
      expect(metric(node.rates, 'fail_rate')).toMatchObject({ value: 0.22, parentValue: 0.27 });
      expect(node.rates.map((rate) => rate.key)).toEqual(['success_rate', 'fail_rate', 'did_not_try_rate']);
      expect(node.actionApplied).toMatch(/biometria/);
      expect(node.rationale).not.toBeNull();
    });

    it('shows an unsimulated node with null rates', async () => {
      const tree = await api.call('explorations.tree', { id: ids.explorations.withWinner });
      const index = tree.nodes.id.indexOf(ids.nodes.expansionFailed);
      expect(tree.nodes.successRate[index]).toBeNull();
      expect(tree.nodes.failRate[index]).toBeNull();
      const node = await api.call('explorations.node', { id: ids.nodes.expansionFailed });
      expect(node.simulationResults).toBeNull();
      expect(node.rates.find((rate) => rate.key === 'success_rate')).toMatchObject({ value: null, parentValue: 0.488, delta: null });
    });
  } else {
    const ids = SYNTHLAB_POSTGRES_IDS;
    it('highlights the winner path, and the best path where there is no winner', async () => {
      const withWinner = await api.call('explorations.tree', { id: ids.explorations.withWinner });
      expect(pathIds(withWinner, withWinner.winnerPath)).toEqual([ids.nodes.root, 'node_c0000002', ids.nodes.winner]);
      const withoutWinner = await api.call('explorations.tree', { id: ids.explorations.withoutWinner });
      expect(pathIds(withoutWinner, withoutWinner.bestPath)).toEqual(['node_c0000101', 'node_c0000102']);
      const detail = await api.call('explorations.get', { id: ids.explorations.withWinner });
      expect(detail.path.steps.map((step) => step.shortAction)).toEqual([null, 'Aviso com valor', 'Biometria']);
      expect(detail.path.steps[2]!.deltaSuccessRate).toBeCloseTo(0.62 - 0.57, 12);
    });
  }
}

describe('synthlab-sqlite fixture trees', () => fixtureSuite('synthlab-sqlite'));
describePg('synthlab-postgres fixture trees', () => fixtureSuite('synthlab-postgres'));

// ---- broken trees, in private writable copies -----------------------------------------------------

function brokenTreeSuite(kind: 'demo-sqlite' | 'demo-postgres'): void {
  let database: TestDatabase;
  let api: ApiCaller;
  let knex: Knex;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    api = apiCaller(database.session);
    knex = database.db.handle.knex;
  });
  afterAll(async () => database?.cleanup());

  /** Runs `sql` with foreign keys not enforced (to point a parent_id at nothing). */
  async function withoutForeignKeys(sql: string, bindings: Knex.RawBinding[]): Promise<void> {
    if (kind === 'demo-sqlite') {
      // One pooled connection: the pragma applies to the statement that follows.
      await knex.raw('PRAGMA foreign_keys = OFF');
      try {
        await knex.raw(sql, bindings);
      } finally {
        await knex.raw('PRAGMA foreign_keys = ON');
      }
    } else {
      await knex.transaction(async (trx) => {
        await trx.raw('SET LOCAL session_replication_role = replica');
        await trx.raw(sql, bindings);
      });
    }
  }

  async function largestExploration(): Promise<string> {
    const [row] = await raw(knex, 'SELECT exploration_id FROM scenario_nodes GROUP BY exploration_id ORDER BY COUNT(*) DESC, exploration_id LIMIT 1');
    return String(row!.exploration_id);
  }

  it('reports an orphan (parent pointing nowhere) and a loop of parents without hanging', async () => {
    const id = await largestExploration();
    const before = await rawNodes(knex, id);
    const root = before.find((node) => node.parent_id === null)!;
    const children = before.filter((node) => node.parent_id === root.id);
    const orphan = children[0]!;
    // A loop: the root's parent becomes one of its own children (root → child → root).
    const looped = children[1]!;
    await withoutForeignKeys('UPDATE scenario_nodes SET parent_id = ? WHERE id = ?', ['node_deadbeef', orphan.id]);
    await knex.raw('UPDATE scenario_nodes SET parent_id = ? WHERE id = ?', [looped.id, root.id]);

    const tree = await api.call('explorations.tree', { id });
    expect(tree.nodeCount).toBe(before.length);
    expect(tree.anomalies.orphans).toEqual([{ nodeId: orphan.id, missingParentId: 'node_deadbeef' }]);
    expect(tree.anomalies.cycles).toHaveLength(1);
    expect([...tree.anomalies.cycles[0]!].sort()).toEqual([root.id, looped.id].sort());
    expect(tree.rootIndex).toBeNull();
    // Every node still belongs to exactly one drawn branch.
    const branchSizes = tree.nodes.parentIndex.reduce((sum, parent, index) => (parent === -1 ? sum + tree.nodes.subtreeSize[index]! : sum), 0);
    expect(branchSizes).toBe(before.length);

    const orphanDetail = await api.call('explorations.node', { id: orphan.id });
    expect(orphanDetail).toMatchObject({ parentId: 'node_deadbeef', parentMissing: true, parent: null, pathReachesRoot: false });
    expect(orphanDetail.path.map((step) => step.id)).toEqual([orphan.id]);
    const loopDetail = await api.call('explorations.node', { id: root.id });
    expect(loopDetail.pathReachesRoot).toBe(false);
    expect(new Set(loopDetail.path.map((step) => step.id))).toEqual(new Set([root.id, looped.id]));

    const detail = await api.call('explorations.get', { id });
    expect(detail.anomalies.orphans).toHaveLength(1);
    if (detail.path.kind !== null) expect(detail.path.steps.length).toBeGreaterThan(0);
  });

  it('treats a parent in another exploration as missing from this tree', async () => {
    const [a, b] = (await raw(knex, 'SELECT id FROM explorations ORDER BY id LIMIT 2')).map((row) => String(row.id));
    const [foreignParent] = await raw(knex, 'SELECT id FROM scenario_nodes WHERE exploration_id = ? LIMIT 1', [a!]);
    const [leaf] = await raw(knex, 'SELECT id FROM scenario_nodes WHERE exploration_id = ? AND parent_id IS NOT NULL ORDER BY depth DESC, id LIMIT 1', [b!]);
    await knex.raw('UPDATE scenario_nodes SET parent_id = ? WHERE id = ?', [foreignParent!.id as string, leaf!.id as string]);
    const tree = await api.call('explorations.tree', { id: b! });
    expect(tree.anomalies.orphans).toContainEqual({ nodeId: leaf!.id, missingParentId: foreignParent!.id });
    expect((await api.call('explorations.node', { id: String(leaf!.id) })).parentMissing).toBe(true);
  });

  it('hides explorations of soft-deleted experiments unless asked, and lists them per experiment', async () => {
    const [row] = await raw(knex, 'SELECT id, experiment_id FROM explorations ORDER BY id LIMIT 1');
    await knex.raw(`UPDATE experiments SET status = 'deleted' WHERE id = ?`, [row!.experiment_id as string]);
    const all = async (includeDeleted: boolean): Promise<string[]> => (await api.call('explorations.list', { includeDeleted, limit: 500 })).rows.map((r) => r.id);
    expect(await all(false)).not.toContain(row!.id);
    expect(await all(true)).toContain(row!.id);
    const own = await api.call('explorations.list', { experimentId: String(row!.experiment_id) });
    expect(own.rows.find((r) => r.id === row!.id)?.experimentDeleted).toBe(true);
  });
}

describe('demo-sqlite broken trees', () => brokenTreeSuite('demo-sqlite'));
describePg('demo-postgres broken trees', () => brokenTreeSuite('demo-postgres'));
