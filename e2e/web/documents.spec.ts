// Documents on every kind of database: the experiment page's Documents tab (both eras' types, their
// statuses and errors), GFM markdown rendered as HTML (a table is a <table>), the document's own
// page; and the experiment page's Interviews tab. Compared with documents.* and research.*.
import { DATABASE_KINDS, expect, test, type AppDriver } from '../support/fixtures';
import type { ServedApp } from '../support/serve';

interface DocumentSummary {
  id: string;
  type: string | null;
  status: string | null;
  errorMessage: string | null;
  size: number | null;
}

interface DocumentDetail extends DocumentSummary {
  experimentId: string | null;
  markdown: string | null;
}

interface Page<Row> {
  rows: Row[];
  nextCursor: string | null;
}

const TYPE_LABELS: Record<string, string> = {
  summary: 'Interview summary',
  prfaq: 'PR-FAQ',
  executive_summary: 'Executive summary',
  exploration_summary: 'Exploration summary',
  exploration_prfaq: 'Exploration PR-FAQ',
  research_summary: 'Interview summary',
  research_prfaq: 'Interview PR-FAQ',
};

function typeLabel(type: string | null): string {
  return (type !== null && TYPE_LABELS[type]) || (type ?? 'Document');
}

/** The header cells of the first GFM table in the markdown, read independently of the renderer. */
function firstTableHeader(markdown: string): string[] | null {
  const lines = markdown.split('\n');
  const delimiter = lines.findIndex((line, index) => index > 0 && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line));
  if (delimiter < 1) return null;
  return (lines[delimiter - 1] as string)
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/\*\*/g, '').replace(/`/g, ''));
}

/** An experiment with a completed document whose markdown holds a table (and its documents). */
async function experimentWithTable(app: AppDriver, server: ServedApp): Promise<{ experimentId: string; documents: DocumentSummary[]; withTable: DocumentDetail }> {
  let cursor: string | null = null;
  do {
    const experiments: Page<{ id: string }> = await app.api(server, 'experiments.list', { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const experiment of experiments.rows) {
      const documents = await app.api<Page<DocumentSummary> & { available: boolean }>(server, 'documents.list', { experimentId: experiment.id });
      for (const summary of documents.rows.filter((row) => row.status === 'completed' && (row.size ?? 0) > 0)) {
        const detail = await app.api<DocumentDetail>(server, 'documents.get', { id: summary.id });
        if (detail.markdown && firstTableHeader(detail.markdown)) return { experimentId: experiment.id, documents: documents.rows, withTable: detail };
      }
    }
    cursor = experiments.nextCursor;
  } while (cursor !== null);
  throw new Error('no document with a table');
}

for (const kind of DATABASE_KINDS) {
  test.describe(`on ${kind}`, () => {
    test('the Documents tab lists documents.list and renders GFM markdown: a table is an HTML table', async ({ app, page }) => {
      const server = await app.open(kind);
      const { experimentId, documents, withTable } = await experimentWithTable(app, server);
      await app.goto(server, `/experiments/${encodeURIComponent(experimentId)}?tab=documents`);

      const list = page.getByRole('listbox', { name: 'Documents of this experiment' });
      const options = list.getByRole('option');
      await expect(options).toHaveCount(documents.length);
      const titles = await list.locator('.documents-list__item-title > span:first-child').allInnerTexts();
      expect(titles).toEqual(documents.map((document) => typeLabel(document.type)));

      await options.nth(documents.findIndex((document) => document.id === withTable.id)).click();
      await expect(page).toHaveURL(new RegExp(`doc=${withTable.id}`));
      const reader = page.locator('.documents-reader');
      await expect(reader.getByRole('heading', { level: 2 }).first()).toHaveText(typeLabel(withTable.type));
      const table = reader.locator('.markdown table').first();
      await expect(table).toBeVisible();
      const header = firstTableHeader(withTable.markdown as string) as string[];
      expect(await table.locator('thead th').allInnerTexts()).toEqual(header);
      // Rendered, not shown as source: no GFM delimiter row is left in the text.
      await expect(reader.locator('.markdown')).not.toContainText('|---');
      await app.screenshot(`documents-tab-${kind}`);

      // The source view shows the markdown exactly as stored.
      await reader.getByRole('radiogroup', { name: 'Show as' }).getByText('Markdown source').click();
      expect(await reader.locator('.document__source').textContent()).toBe(withTable.markdown);

      // Arrows move through the list; the reader follows.
      if (documents.length > 1) {
        await options.nth(0).click();
        await options.nth(0).press('ArrowDown');
        await expect(page).toHaveURL(new RegExp(`doc=${documents[1]?.id}`));
        await expect(options.nth(1)).toBeFocused();
      }

      // A document whose generation failed or stopped says why.
      const broken = documents.find((document) => document.errorMessage !== null);
      if (broken) {
        await options.nth(documents.indexOf(broken)).click();
        await expect(reader.getByRole('alert')).toContainText(broken.errorMessage as string);
        await app.screenshot(`documents-tab-error-${kind}`);
      }

      // Its own page (Search links there).
      await app.goto(server, `/documents/${encodeURIComponent(withTable.id)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(typeLabel(withTable.type));
      await expect(page.locator('.markdown table').first()).toBeVisible();
      await app.screenshot(`document-${kind}`);
    });

    test('the Interviews tab lists the experiment’s executions and opens one', async ({ app, page }) => {
      const server = await app.open(kind);
      const executions = await app.api<Page<{ execId: string; experimentId: string | null }>>(server, 'research.executions', { limit: 50 });
      const experimentId = executions.rows.find((row) => row.experimentId !== null)?.experimentId as string;
      const own = await app.api<Page<{ execId: string }>>(server, 'research.executions', { experimentId });
      await app.goto(server, `/experiments/${encodeURIComponent(experimentId)}?tab=interviews`);
      const grid = page.getByRole('grid', { name: 'Interview executions' });
      await expect(grid.locator('.data-table__row')).toHaveCount(own.rows.length);
      expect(await grid.locator('.data-table__row .data-table__cell:last-child').allInnerTexts()).toEqual(own.rows.map((row) => row.execId));
      await app.screenshot(`experiment-interviews-${kind}`);
      await grid.locator('.data-table__row').first().click();
      await expect(page).toHaveURL(new RegExp(`#/interviews/${encodeURIComponent(own.rows[0]?.execId ?? '')}$`));
    });
  });
}

test('a markdown renderer that cannot be loaded leaves the text as written, and nothing breaks', async ({ app, page }) => {
  // The renderer's file fails to arrive (in serve mode, the server gone for a moment): the idle
  // preload fails quietly, and a document shows its markdown as written.
  await page.route(/\/assets\/MarkdownView-[^/]*\.js$/, (route) => route.abort());
  const server = await app.open('demo-sqlite');
  const { withTable } = await experimentWithTable(app, server);
  await app.goto(server, `/documents/${encodeURIComponent(withTable.id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(typeLabel(withTable.type));
  const source = page.locator('.document .markdown--source');
  await expect(source).toBeVisible();
  expect(await source.textContent()).toBe(withTable.markdown);
  await expect(page.locator('.markdown table')).toHaveCount(0);
});
