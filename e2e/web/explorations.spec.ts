// Explorations on every kind of database: the list, the tree (winner's path highlighted, or the
// best path when nothing won), the node panel against explorations.node, folding a branch, the
// keyboard, the path table against explorations.get, and the experiment page's Explorations tab.
// The canvas is checked through what the viewer publishes: data attributes on the tree region and
// the ?perf=1 stats hook.
import { DATABASE_KINDS, expect, test, type AppDriver } from '../support/fixtures';
import type { ServedApp } from '../support/serve';

interface ListRow {
  id: string;
  experimentId: string | null;
  experimentName: string | null;
  status: string | null;
}

interface TreePath {
  nodes: number[];
}

interface Tree {
  explorationId: string;
  nodeCount: number;
  nodes: { id: string; parentIndex: number[]; childCount: number[]; subtreeSize: number[]; shortAction: (string | null)[] };
  rootIndex: number | null;
  winnerPath: TreePath | null;
  bestPath: TreePath | null;
  highlight: 'winner' | 'best' | null;
}

interface Metric {
  key: string;
  value: number | null;
  parentValue: number | null;
  delta: number | null;
}

interface NodeDetail {
  id: string;
  shortAction: string | null;
  actionApplied: string | null;
  rationale: string | null;
  parent: { id: string } | null;
  rates: Metric[];
  params: Metric[];
  children: Array<{ id: string }>;
  path: Array<{ id: string }>;
}

interface Detail {
  path: { kind: 'winner' | 'best' | null; steps: Array<{ nodeId: string; successRate: number | null; deltaSuccessRate: number | null }> };
}

interface Stats {
  nodeCount: number;
  layoutMs: number;
  drawMs: number;
  frames: number[];
}

const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const rate = (value: number | null): string => (value === null ? '—' : percent.format(value));
const signed = (value: number, digits: number, scale: number): string => {
  const rounded = Math.round(value * scale * 10 ** digits);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${(Math.abs(rounded) / 10 ** digits).toFixed(digits)}`;
};
const points = (delta: number | null): string => (delta === null ? '—' : `${signed(delta, 1, 100)} pp`);

async function allExplorations(app: AppDriver, server: ServedApp, params: Record<string, unknown> = {}): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { rows: ListRow[]; nextCursor: string | null } = await app.api(server, 'explorations.list', { ...params, ...(cursor ? { cursor } : {}) });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

/** The largest tree (up to 80 nodes, for quick screenshots) whose highlight is `kind`. */
async function treeWith(app: AppDriver, server: ServedApp, kind: 'winner' | 'best'): Promise<Tree> {
  let chosen: Tree | null = null;
  for (const row of await allExplorations(app, server)) {
    const tree = await app.api<Tree>(server, 'explorations.tree', { id: row.id });
    if (tree.highlight === kind && tree.nodeCount <= 80 && (chosen === null || tree.nodeCount > chosen.nodeCount)) chosen = tree;
  }
  expect(chosen, `an exploration whose highlighted path is the ${kind}'s`).not.toBeNull();
  return chosen as Tree;
}

function pathIds(tree: Tree): string[] {
  const path = tree.highlight === 'winner' ? tree.winnerPath : tree.bestPath;
  return (path?.nodes ?? []).map((index) => tree.nodes.id[index] as string);
}

for (const kind of DATABASE_KINDS) {
  test.describe(`explorations on ${kind}`, () => {
    test('the list shows what explorations.list answers; the status filter narrows it; a row opens the tree', async ({ app, page }) => {
      const server = await app.open(kind, '/explorations');
      const expected = await allExplorations(app, server);
      expect(expected.length, `${kind} has explorations`).toBeGreaterThan(0);
      const grid = page.getByRole('grid', { name: 'Explorations' });
      await expect(page.locator('.data-table__status')).toHaveText(`${expected.length} exploration${expected.length === 1 ? '' : 's'}`);
      const names = await grid.locator('.data-table__row .cell-title').allInnerTexts();
      expect(names.map((name) => name.trim())).toEqual(expected.slice(0, names.length).map((row) => row.experimentName ?? row.experimentId ?? '—'));
      await app.screenshot(`explorations-${kind}`);

      const status = expected.find((row) => row.status !== null)?.status as string;
      await page.getByLabel('Status').selectOption(status);
      await expect(page).toHaveURL(new RegExp(`status=${status}`));
      const filtered = await allExplorations(app, server, { status });
      await expect(page.locator('.data-table__status')).toHaveText(`${filtered.length} exploration${filtered.length === 1 ? '' : 's'}`);

      await grid.locator('.data-table__row').first().click();
      await expect(page).toHaveURL(new RegExp(`#/explorations/${filtered[0]!.id}`));
      await expect(page.getByRole('application', { name: /Exploration tree/ })).toBeVisible();

      // An exploration that is not there says so, with the way back instead of a retry, and draws no tree.
      await app.goto(server, '/explorations/expl_notthere');
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByText('No exploration expl_notthere')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
      await expect(page.getByRole('application', { name: /Exploration tree/ })).toHaveCount(0);
      await app.screenshot('exploration-not-found');
      await page.getByRole('link', { name: 'Back to Explorations' }).click();
      await expect(page).toHaveURL(/#\/explorations$/);
    });

    test('a tree with a winner: its path is highlighted and the node panel shows what explorations.node answers', async ({ app, page }) => {
      const server = await app.open(kind, '/explorations');
      const tree = await treeWith(app, server, 'winner');
      const detail = await app.api<Detail>(server, 'explorations.get', { id: tree.explorationId });
      await app.goto(server, `/explorations/${tree.explorationId}?perf=1`);

      const stage = page.getByRole('application', { name: `Exploration tree, ${tree.nodeCount} node${tree.nodeCount === 1 ? '' : 's'}` });
      await expect(stage).toHaveAttribute('data-highlight', 'winner');
      await expect(stage).toHaveAttribute('data-path-nodes', pathIds(tree).join(' '));
      await expect(stage).toHaveAttribute('data-visible-count', String(tree.nodeCount));
      // The ?perf=1 hook (the benchmark reads it too).
      const readStats = (): Stats | undefined => (globalThis as { __explorationTreeStats?: Stats }).__explorationTreeStats;
      await page.waitForFunction(() => ((globalThis as { __explorationTreeStats?: Stats }).__explorationTreeStats?.frames.length ?? 0) > 0);
      const stats = (await page.evaluate(readStats)) as Stats;
      expect(stats.nodeCount).toBe(tree.nodeCount);
      expect(stats.frames.length).toBeGreaterThan(0);
      expect(Number.isFinite(stats.layoutMs) && Number.isFinite(stats.drawMs)).toBe(true);

      // The step table is explorations.get's path, from the baseline to the winner.
      const steps = page.getByRole('region', { name: 'Winner’s path' });
      const rows = steps.locator('tbody tr');
      expect(detail.path.kind).toBe('winner');
      await expect(rows).toHaveCount(detail.path.steps.length);
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node-id')))).toEqual(detail.path.steps.map((step) => step.nodeId));
      for (const [position, step] of detail.path.steps.entries()) {
        await expect(rows.nth(position).locator('[data-cell="rate"]')).toHaveText(rate(step.successRate));
        await expect(rows.nth(position).locator('[data-cell="delta"]')).toHaveText(points(step.deltaSuccessRate));
      }
      await app.screenshot(`exploration-winner-${kind}`);

      // The winner's node panel, from its step: every number as explorations.node gives it.
      const winnerId = detail.path.steps.at(-1)!.nodeId;
      const node = await app.api<NodeDetail>(server, 'explorations.node', { id: winnerId });
      await rows.last().getByRole('button').click();
      await expect(page).toHaveURL(new RegExp(`node=${winnerId}`));
      const panel = page.locator(`.node-panel[data-node-id="${winnerId}"]`);
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(node.shortAction ?? winnerId);
      if (node.actionApplied) await expect(panel.getByText(node.actionApplied)).toBeVisible();
      if (node.rationale) await expect(panel.getByText(node.rationale)).toBeVisible();
      const results = panel.getByRole('table', { name: 'Results' });
      for (const metric of node.rates) {
        const row = results.locator(`tr[data-metric="${metric.key}"]`);
        await expect(row.locator('[data-cell="value"]')).toHaveText(rate(metric.value));
        await expect(row.locator('[data-cell="parent"]')).toHaveText(rate(metric.parentValue));
        await expect(row.locator('[data-cell="delta"]')).toHaveText(points(metric.delta));
      }
      const scorecard = panel.getByRole('table', { name: 'Scorecard' });
      for (const metric of node.params) {
        const row = scorecard.locator(`tr[data-metric="${metric.key}"]`);
        await expect(row.locator('[data-cell="value"]')).toHaveText(metric.value === null ? '—' : metric.value.toFixed(2));
        await expect(row.locator('[data-cell="delta"]')).toHaveText(metric.delta === null ? '—' : signed(metric.delta, 2, 1));
      }
      await expect(panel.locator('.node-list--path li')).toHaveCount(node.path.length);
      await app.screenshot(`exploration-panel-${kind}`);

      // Esc closes the panel.
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      await expect(page).not.toHaveURL(/node=/);
    });

    test('the keyboard walks the tree, and branches fold and unfold', async ({ app, page }) => {
      const server = await app.open(kind, '/explorations');
      const tree = await treeWith(app, server, 'winner');
      await app.goto(server, `/explorations/${tree.explorationId}`);
      const stage = page.getByRole('application', { name: /Exploration tree/ });

      // Home is the root, Right follows the winner's path, Left comes back, Enter opens the node.
      await stage.focus();
      await page.keyboard.press('Home');
      const ids = pathIds(tree);
      await expect(stage).toHaveAttribute('data-focused-node', ids[0]!);
      await page.keyboard.press('ArrowRight');
      await expect(stage).toHaveAttribute('data-focused-node', ids[1]!);
      await page.keyboard.press('ArrowLeft');
      await expect(stage).toHaveAttribute('data-focused-node', ids[0]!);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`node=${ids[0]}`));
      await expect(page.locator(`.node-panel[data-node-id="${ids[0]}"]`)).toBeVisible();

      // Folding the root's first branch with children hides exactly its descendants.
      const root = tree.rootIndex as number;
      const branch = tree.nodes.parentIndex.findIndex((parent, index) => parent === root && (tree.nodes.childCount[index] ?? 0) > 0);
      const folded = branch >= 0 ? branch : root;
      const hidden = (tree.nodes.subtreeSize[folded] ?? 1) - 1;
      await app.goto(server, `/explorations/${tree.explorationId}?node=${tree.nodes.id[folded]}`);
      const foldedPanel = page.locator(`.node-panel[data-node-id="${tree.nodes.id[folded]}"]`);
      await foldedPanel.getByRole('button', { name: `Fold this branch (${hidden} node${hidden === 1 ? '' : 's'})` }).click();
      await expect(stage).toHaveAttribute('data-visible-count', String(tree.nodeCount - hidden));
      await app.screenshot(`exploration-folded-${kind}`);
      await foldedPanel.getByRole('button', { name: /Unfold this branch/ }).click();
      await expect(stage).toHaveAttribute('data-visible-count', String(tree.nodeCount));

      // "Winner's path only" folds every branch off the path: what stays is the path, the path's
      // children (folded) and any other top-level node.
      const onPath = new Set(tree.winnerPath!.nodes);
      const kept = tree.nodes.parentIndex.filter((parent, index) => onPath.has(index) || onPath.has(parent) || parent === -1).length;
      await page.getByRole('button', { name: 'Winner’s path only' }).click();
      await expect(stage).toHaveAttribute('data-visible-count', String(kept));
      const unfoldAll = page.getByRole('button', { name: 'Unfold all' });
      if (kept === tree.nodeCount) await expect(unfoldAll).toBeDisabled();
      else {
        await unfoldAll.click();
        await expect(stage).toHaveAttribute('data-visible-count', String(tree.nodeCount));
      }
    });

    test('a tree without a winner highlights the path to its best node', async ({ app, page }) => {
      const server = await app.open(kind, '/explorations');
      const tree = await treeWith(app, server, 'best');
      const detail = await app.api<Detail>(server, 'explorations.get', { id: tree.explorationId });
      await app.goto(server, `/explorations/${tree.explorationId}`);
      const stage = page.getByRole('application', { name: /Exploration tree/ });
      await expect(stage).toHaveAttribute('data-highlight', 'best');
      await expect(stage).toHaveAttribute('data-path-nodes', pathIds(tree).join(' '));
      await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Best path (no winner)');
      const steps = page.getByRole('region', { name: 'Best path' });
      await expect(steps).toContainText('No node won');
      expect(detail.path.kind).toBe('best');
      expect(await steps.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-node-id')))).toEqual(detail.path.steps.map((step) => step.nodeId));
      await app.screenshot(`exploration-best-${kind}`);
    });

    test('the experiment page lists its explorations in the Explorations tab', async ({ app, page }) => {
      const server = await app.open(kind, '/explorations');
      const withExperiment = (await allExplorations(app, server)).find((row) => row.experimentId !== null) as ListRow;
      const expected = await allExplorations(app, server, { experimentId: withExperiment.experimentId });
      await app.goto(server, `/experiments/${withExperiment.experimentId}?tab=explorations`);
      await expect(page.getByRole('tab', { name: 'Explorations' })).toHaveAttribute('aria-selected', 'true');
      const table = page.getByRole('table', { name: 'Explorations' });
      await expect(table.locator('tbody tr')).toHaveCount(expected.length);
      expect(await table.locator('tbody tr td:first-child').allInnerTexts()).toEqual(expected.map((row) => row.id));
      await app.screenshot(`experiment-explorations-${kind}`);
      await table.getByRole('link', { name: expected[0]!.id }).click();
      await expect(page).toHaveURL(new RegExp(`#/explorations/${expected[0]!.id}`));
      await expect(page.getByRole('application', { name: /Exploration tree/ })).toBeVisible();
    });
  });
}
