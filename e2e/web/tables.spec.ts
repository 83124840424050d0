// The generic table browser on every kind of database: the list is what tables.list answers, a
// table's grid is what tables.rows answers, counts come from tables.count, foreign keys lead to
// the row they point at (and back), JSON cells open in the viewer, and synth-lab v15 transcripts
// (NULL ids) page by rowid.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from '@playwright/test';
import { preparedDatabases } from '../support/environment';
import { DATABASE_KINDS, expect, test, type AppDriver } from '../support/fixtures';
import type { ServedApp } from '../support/serve';

type Scalar = string | number | boolean | null;

interface Column {
  name: string;
  json: boolean;
  sortable: boolean;
}

interface ForeignKey {
  columns: string[];
  table: string;
  referencedColumns: string[];
}

interface TableInfo {
  name: string;
  kind: string;
  origin: 'synthlab' | 'leftover' | 'bookkeeping' | 'other';
  columns: Column[];
  foreignKeys: ForeignKey[];
  referencedBy: ForeignKey[];
  rowKey: { kind: string; columns: string[] };
}

interface RowsPage {
  columns: string[];
  rows: Array<{ key: Scalar[]; values: Scalar[]; truncated?: Record<string, number> }>;
  nextCursor: string | null;
}

interface Filter {
  column: string;
  op: string;
  value?: Scalar;
}

const GRID_CELL_CHARS = 300;

async function tableList(app: AppDriver, server: ServedApp): Promise<TableInfo[]> {
  return (await app.api<{ tables: TableInfo[] }>(server, 'tables.list')).tables;
}

async function rows(app: AppDriver, server: ServedApp, table: string, params: Record<string, unknown> = {}): Promise<RowsPage> {
  return app.api<RowsPage>(server, 'tables.rows', { table, maxChars: GRID_CELL_CHARS, ...params });
}

async function allRows(app: AppDriver, server: ServedApp, table: string, params: Record<string, unknown> = {}): Promise<RowsPage['rows']> {
  const all: RowsPage['rows'] = [];
  let cursor: string | null = null;
  do {
    const page: RowsPage = await rows(app, server, table, { ...params, ...(cursor ? { cursor } : {}) });
    all.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

/** A cell as the grid shows it (one line). */
function shown(value: Scalar): string {
  return (value === null ? 'NULL' : String(value)).replace(/\s+/g, ' ').trim();
}

function grid(page: Page, table: string): Locator {
  return page.getByRole('grid', { name: `Rows of ${table}` });
}

async function gridCellTexts(row: Locator): Promise<string[]> {
  // The data cells only: the transcripts table also has a checkbox column for picking rows to export.
  const texts = await row.getByRole('gridcell').evaluateAll((cells) =>
    cells.filter((cell) => !cell.classList.contains('data-table__select')).map((cell) => (cell.querySelector('.cell-json__text') ?? cell).textContent ?? ''),
  );
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The first rows of the grid match the API's first rows, cell by cell. */
async function expectGridMatches(page: Page, table: string, expected: RowsPage, count: number): Promise<void> {
  const gridRows = grid(page, table).locator('.data-table__row');
  await expect(gridRows.first()).toBeVisible();
  for (const [index, row] of expected.rows.slice(0, count).entries()) {
    expect(await gridCellTexts(gridRows.nth(index)), `row ${index + 1} of ${table}`).toEqual(row.values.map(shown));
  }
}

/** A table with a foreign key filled in its first rows, and that row. */
async function findForeignKeyRow(app: AppDriver, server: ServedApp, tables: TableInfo[]) {
  const candidates = [...tables].sort((a, b) => Number(b.name === 'synth_outcomes') - Number(a.name === 'synth_outcomes'));
  for (const table of candidates) {
    for (const key of table.foreignKeys.filter((fk) => fk.columns.length === 1 && fk.table !== table.name)) {
      const column = key.columns[0] as string;
      const page = await rows(app, server, table.name, { limit: 1, filters: [{ column, op: 'is_not_null' }] });
      const row = page.rows[0];
      if (row) return { table, key, column, value: row.values[page.columns.indexOf(column)] as Scalar };
    }
  }
  throw new Error('no table with a filled foreign key');
}

/** A JSON column with a non-NULL value in the table's first row. */
async function findJsonCell(app: AppDriver, server: ServedApp, tables: TableInfo[]) {
  const preferred = ['synth_outcomes', 'synths', 'analysis_runs', 'explorations'];
  const candidates = [...tables].sort((a, b) => rank(a.name) - rank(b.name));
  function rank(name: string): number {
    const index = preferred.indexOf(name);
    return index < 0 ? preferred.length : index;
  }
  for (const table of candidates) {
    const page = await rows(app, server, table.name, { limit: 1 });
    const row = page.rows[0];
    if (!row) continue;
    const column = table.columns.find((candidate) => candidate.json && row.values[page.columns.indexOf(candidate.name)] !== null);
    if (column) return { table, column: column.name, key: row.key };
  }
  throw new Error('no JSON cell in any first row');
}

for (const kind of DATABASE_KINDS) {
  test.describe(`on ${kind}`, () => {
    test('the list is what tables.list answers; a table’s grid is what tables.rows answers; count, sort and filter', async ({ app, page }) => {
      const server = await app.open(kind, '/tables');
      const tables = await tableList(app, server);
      const listbox = page.getByRole('listbox', { name: 'Tables and views' });
      const options = listbox.getByRole('option');
      await expect(options).toHaveCount(tables.length);
      expect((await options.locator('.table-list__name').allInnerTexts()).sort()).toEqual(tables.map((table) => table.name).sort());
      if (kind === 'synthlab-sqlite') {
        // Leftovers of older synth-lab versions are listed, in a group of their own.
        const leftovers = tables.filter((table) => table.origin === 'leftover').map((table) => table.name);
        expect(leftovers).toEqual(expect.arrayContaining(['prfaq_metadata', 'assumption_log']));
        await expect(listbox.getByRole('group', { name: /Left from older synth-lab versions/ }).getByRole('option')).toHaveCount(leftovers.length);
      }

      // Selecting a table shows its structure; the keyboard moves the selection.
      const experiments = tables.find((table) => table.name === 'experiments') as TableInfo;
      await options.filter({ hasText: /^experiments/ }).click();
      await expect(page).toHaveURL(/[?&]table=experiments/);
      const structure = page.getByTestId('table-structure');
      await expect(structure.getByRole('heading', { level: 2 })).toHaveText('experiments');
      await expect(structure.locator('.schema-table tbody tr')).toHaveCount(experiments.columns.length);
      const links = structure.locator('.table-structure__links');
      for (const incoming of experiments.referencedBy) await expect(links).toContainText(`${incoming.table}(${incoming.columns.join(', ')})`);

      // Counting is on request, and says what tables.count says.
      const count = await app.api<{ count: number; capped: boolean }>(server, 'tables.count', { table: 'experiments' });
      await structure.getByRole('button', { name: 'Count rows' }).click();
      await expect(structure.getByTestId('row-count')).toHaveText(`${count.count.toLocaleString('en-US')}${count.capped ? '+' : ''} row${count.count === 1 ? '' : 's'}`);
      await app.screenshot(`tables-list-${kind}`);

      await listbox.focus();
      await page.keyboard.press('ArrowDown');
      const next = tables.filter((table) => table.origin === experiments.origin).map((table) => table.name).sort();
      const afterExperiments = next[next.indexOf('experiments') + 1];
      if (afterExperiments) await expect(structure.getByRole('heading', { level: 2 })).toHaveText(afterExperiments);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');

      // The table's page: the grid shows tables.rows' first page.
      await expect(page).toHaveURL(/#\/tables\/experiments/);
      await expectGridMatches(page, 'experiments', await rows(app, server, 'experiments'), 5);

      // Sorting by a column: the address keeps it, the grid follows the API.
      const sortColumn = experiments.columns.find((column) => column.name === 'name' && column.sortable) as Column;
      await grid(page, 'experiments').getByRole('button', { name: sortColumn.name, exact: true }).click();
      await expect(page).toHaveURL(/[?&]sort=name/);
      await expectGridMatches(page, 'experiments', await rows(app, server, 'experiments', { sort: { column: 'name', direction: 'asc' } }), 3);
      await grid(page, 'experiments').getByRole('button', { name: sortColumn.name, exact: true }).click();
      await expect(page).toHaveURL(/[?&]dir=desc/);
      await expectGridMatches(page, 'experiments', await rows(app, server, 'experiments', { sort: { column: 'name', direction: 'desc' } }), 3);

      // A filter from the form: contains a word of the first experiment's name.
      const named = await rows(app, server, 'experiments', { limit: 1, filters: [{ column: 'name', op: 'is_not_null' }] });
      const firstName = named.rows[0]?.values[named.columns.indexOf('name')];
      const word = String(firstName).split(/\s+/).find((part) => part.length >= 4) ?? String(firstName);
      await page.getByRole('button', { name: '+ Add filter' }).click();
      const form = page.getByRole('form', { name: 'Add filter' });
      await form.getByLabel('Column').selectOption('name');
      await form.getByLabel('Condition').selectOption('contains');
      await form.getByLabel('Value').fill(word);
      await form.getByRole('button', { name: 'Apply' }).click();
      await expect(page).toHaveURL(/[?&]filter=/);
      await expect(page.getByTestId('filter-chip')).toContainText(word);
      const matching = await allRows(app, server, 'experiments', { filters: [{ column: 'name', op: 'contains', value: word }], sort: { column: 'name', direction: 'desc' } });
      expect(matching.length).toBeGreaterThan(0);
      await expect(page.locator('.data-table__status')).toHaveText(`${matching.length} row${matching.length === 1 ? '' : 's'}`);
      await expect(grid(page, 'experiments').locator('.data-table__row')).toHaveCount(matching.length);
    });

    test('a foreign key leads to the row it points at, and “rows pointing here” leads back', async ({ app, page }) => {
      const server = await app.open(kind, '/tables');
      const tables = await tableList(app, server);
      const { table, key, column, value } = await findForeignKeyRow(app, server, tables);
      const filters: Filter[] = [{ column, op: 'is_not_null' }];
      await app.goto(server, `/tables/${table.name}?filter=${encodeURIComponent(JSON.stringify(filters))}`);
      const first = grid(page, table.name).locator('.data-table__row').first();
      await first.getByRole('link', { name: String(value), exact: true }).first().click();

      // The referenced table, filtered to the one row with that key.
      const target = key.referencedColumns[0] as string;
      await expect(page).toHaveURL(new RegExp(`#/tables/${key.table}\\?`));
      await expect(page.getByTestId('filter-chip')).toContainText(target);
      await expect(page.getByTestId('filter-chip')).toContainText(String(value));
      const referenced = await allRows(app, server, key.table, { filters: [{ column: target, op: '=', value }] });
      expect(referenced.length, `${key.table}.${target} = ${String(value)} exists`).toBeGreaterThan(0);
      const targetRows = grid(page, key.table).locator('.data-table__row');
      await expect(targetRows).toHaveCount(referenced.length);
      const targetInfo = tables.find((candidate) => candidate.name === key.table) as TableInfo;
      const targetIndex = targetInfo.columns.findIndex((candidate) => candidate.name === target);
      await expect(targetRows.first().locator('[role=gridcell]:not(.data-table__select)').nth(targetIndex)).toHaveText(shown(value));

      // The row panel lists the tables pointing here; the link back filters the first table to this row.
      await targetRows.first().click();
      const panel = page.getByTestId('row-panel');
      await expect(panel).toBeVisible();
      const back = panel.getByRole('link', { name: `${table.name}.${column}`, exact: true });
      await back.click();
      await expect(page).toHaveURL(new RegExp(`#/tables/${table.name}\\?`));
      const pointing = await rows(app, server, table.name, { filters: [{ column, op: '=', value }] });
      await expect(page.locator('.data-table__status')).toHaveText(
        pointing.nextCursor === null ? `${pointing.rows.length} row${pointing.rows.length === 1 ? '' : 's'}` : `${pointing.rows.length} rows loaded — scroll for more`,
      );
      await expectGridMatches(page, table.name, pointing, 3);
    });

    test('a JSON cell opens in the viewer with what tables.cell holds', async ({ app, page }) => {
      const server = await app.open(kind, '/tables');
      const tables = await tableList(app, server);
      const { table, column, key } = await findJsonCell(app, server, tables);
      const cell = await app.api<{ json: { ok: true; value: unknown } | { ok: false; raw: string } | null }>(server, 'tables.cell', { table: table.name, key, column });

      await app.goto(server, `/tables/${table.name}`);
      const first = grid(page, table.name).locator('.data-table__row').first();
      await first.getByRole('button', { name: `Open ${column} in the JSON viewer` }).click();
      const panel = page.getByTestId('row-panel');
      const field = panel.locator(`[data-column="${column}"]`);
      await expect(field.getByRole('tree')).toBeVisible();
      if (cell.json?.ok && typeof cell.json.value === 'object' && cell.json.value !== null) {
        const keys = Array.isArray(cell.json.value) ? [] : Object.keys(cell.json.value).slice(0, 3);
        for (const name of keys) await expect(field.getByRole('tree')).toContainText(`${name}:`);
      }
      // Raw shows the JSON text, Copy is there.
      await field.getByRole('button', { name: 'Raw' }).click();
      if (cell.json?.ok) await expect(field.locator('.json-viewer__raw')).toHaveText(JSON.stringify(cell.json.value, null, 2));
      await expect(field.getByRole('button', { name: 'Copy' })).toBeVisible();
      await field.getByRole('button', { name: 'Tree' }).click();
      await app.screenshot(`table-json-${kind}`);

      // Esc closes the panel from the grid.
      await first.click();
      await grid(page, table.name).press('Escape');
      await expect(panel).toBeHidden();
    });
  });
}

test('synth-lab v15 transcripts with NULL ids page by rowid, and a long cell shows in full', async ({ app, page }) => {
  test.setTimeout(60_000);
  // A copy of the v15 fixture with enough transcripts for three pages, every id NULL as in real files.
  const source = join(preparedDatabases().scratchDir, `v15-many-${Date.now().toString(36)}.db`);
  copyFileSync(preparedDatabases().synthlabSqlite, source);
  const db = new Database(source);
  try {
    const template = db.prepare('select exec_id, messages from transcripts limit 1').get() as { exec_id: string; messages: string };
    const insert = db.prepare(`insert into transcripts (id, exec_id, synth_id, synth_name, status, turn_count, timestamp, messages) values (null, ?, ?, ?, 'completed', 5, ?, ?)`);
    db.transaction(() => {
      for (let i = 1; i <= 245; i += 1) {
        insert.run(template.exec_id, `nul${String(i).padStart(3, '0')}`, `Synth ${i}`, `2025-12-16T10:${String(i % 60).padStart(2, '0')}:00+00:00`, template.messages);
      }
    })();
  } finally {
    db.close();
  }
  const { server } = await app.openCopy(source, '/tables/transcripts');
  const expected = await allRows(app, server, 'transcripts');
  expect(expected.length).toBeGreaterThan(200);
  const info = (await tableList(app, server)).find((table) => table.name === 'transcripts') as TableInfo;
  expect(info.rowKey.kind).toBe('rowid');

  const transcripts = grid(page, 'transcripts');
  const gridRows = transcripts.locator('.data-table__row');
  await expect(gridRows.first()).toBeVisible();
  expect(await gridCellTexts(gridRows.first())).toEqual(expected[0]?.values.map(shown));
  await expect(gridRows.first().locator('[role=gridcell]:not(.data-table__select)').first()).toHaveText('NULL');

  // Scroll to the end: every page arrives, none twice.
  const status = page.locator('.data-table__status');
  await transcripts.focus();
  for (let attempt = 0; attempt < 10 && !/^\d+ rows$/.test((await status.innerText()).trim()); attempt += 1) {
    await page.keyboard.press('End');
    await page.waitForTimeout(150);
  }
  await expect(status).toHaveText(`${expected.length} rows`);
  await page.keyboard.press('End');
  const last = expected.at(-1) as RowsPage['rows'][number];
  await expect(transcripts.locator('.data-table__row.is-active')).toBeVisible();
  expect(await gridCellTexts(transcripts.locator('.data-table__row.is-active'))).toEqual(last.values.map(shown));

  // Sorting by the all-NULL id still pages through every row (ties broken by rowid).
  await transcripts.getByRole('button', { name: 'id', exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=id/);
  await expect(gridRows.first()).toBeVisible();
  await transcripts.focus();
  for (let attempt = 0; attempt < 10 && !/^\d+ rows$/.test((await status.innerText()).trim()); attempt += 1) {
    await page.keyboard.press('End');
    await page.waitForTimeout(150);
  }
  await expect(status).toHaveText(`${expected.length} rows`);
  await page.keyboard.press('End');

  // The messages of the last transcript (cut in the grid) in full, by its rowid.
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('row-panel');
  await expect(panel.locator('.row-panel__key')).toHaveText(`rowid = ${String(last.key[0])}`);
  const cell = await app.api<{ value: string }>(server, 'tables.cell', { table: 'transcripts', key: last.key, column: 'messages' });
  const messages = panel.locator('[data-column="messages"]');
  await expect(messages.getByRole('tree')).toBeVisible();
  await messages.getByRole('button', { name: 'Raw' }).click();
  await expect(messages.locator('.json-viewer__raw')).toHaveText(JSON.stringify(JSON.parse(cell.value), null, 2));
});

test('a table that does not exist says so; a filter the table cannot take shows the error with a way out', async ({ app, page }) => {
  const server = await app.open('demo-sqlite', '/tables/no_such_table');
  await expect(page.getByRole('heading', { name: 'There is no table called “no_such_table” here' })).toBeVisible();
  await page.getByRole('link', { name: 'All tables' }).click();
  await expect(page.getByRole('listbox', { name: 'Tables and views' })).toBeVisible();

  const filters = [{ column: 'no_such_column', op: '=', value: 'x' }];
  const apiError = await app.api(server, 'tables.rows', { table: 'experiments', filters }).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(apiError, 'the API refuses an unknown column').not.toBeNull();
  await app.goto(server, `/tables/experiments?filter=${encodeURIComponent(JSON.stringify(filters))}`);
  await expect(page.getByRole('alert').first()).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(grid(page, 'experiments').locator('.data-table__row').first()).toBeVisible();
});

test.describe('in Portuguese, dark', () => {
  test.use({ locale: 'pt-BR', colorScheme: 'dark' });

  test('a view without a key, with identical rows, pages and opens like a table', async ({ app, page }) => {
    // A copy of the demo with a view whose rows repeat: no key, twins the grid must still show.
    const source = join(preparedDatabases().scratchDir, `view-${Date.now().toString(36)}.db`);
    copyFileSync(preparedDatabases().demoSqlite, source);
    const db = new Database(source);
    try {
      db.exec('create view outcome_analyses as select analysis_id, round(success_rate, 1) as success from synth_outcomes');
    } finally {
      db.close();
    }
    const { server } = await app.openCopy(source, '/tables?table=outcome_analyses');
    const info = (await tableList(app, server)).find((table) => table.name === 'outcome_analyses') as TableInfo;
    expect(info.kind).toBe('view');
    expect(info.rowKey.kind).toBe('all_columns');
    const structure = page.getByTestId('table-structure');
    await expect(structure).toContainText('Sem chave: os registros são ordenados por todas as colunas');

    await structure.getByRole('button', { name: 'Ver registros' }).click();
    const first = await rows(app, server, 'outcome_analyses');
    await expect(page.getByRole('grid', { name: 'Registros de outcome_analyses' }).locator('.data-table__row').first()).toBeVisible();
    const gridRows = page.getByRole('grid', { name: 'Registros de outcome_analyses' }).locator('.data-table__row');
    for (const [index, row] of first.rows.slice(0, 5).entries()) expect(await gridCellTexts(gridRows.nth(index))).toEqual(row.values.map(shown));
    await expect(page.locator('.data-table__status')).toHaveText(`${first.rows.length} registros${first.nextCursor ? ' carregados — role para ver mais' : ''}`);

    // A row of the view opens in the panel, found again by all its columns.
    await gridRows.nth(2).click();
    const panel = page.getByTestId('row-panel');
    await expect(panel.locator('[data-column="analysis_id"]')).toContainText(String(first.rows[2]?.values[0]));
    await page.getByRole('button', { name: 'Contar registros' }).click();
    const count = await app.api<{ count: number }>(server, 'tables.count', { table: 'outcome_analyses' });
    await expect(page.getByTestId('row-count')).toHaveText(`${count.count.toLocaleString('pt-BR')} registros`);
    await app.screenshot('table-view-dark-pt-BR');
  });
});
