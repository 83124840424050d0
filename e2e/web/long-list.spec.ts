// A list longer than ten keyset pages: pages load as the researcher scrolls (larger ones while the
// list is flung), the DOM keeps a constant number of rows, and the keyboard reaches the end.
import { MANY_EXTRA_EXPERIMENTS } from '../support/environment';
import { expect, test } from '../support/fixtures';

test('scrolling 1,200+ experiments keeps the DOM row count constant and reaches the last one', async ({ app, page }) => {
  // The page sizes the grid asks experiments.list for, in order, and how many times it asked for the
  // first page (no cursor).
  const limits: number[] = [];
  let firstPageRequests = 0;
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/experiments.list')) return;
    const params = request.postDataJSON() as { limit?: number; cursor?: string };
    limits.push(params.limit ?? -1);
    if (params.cursor === undefined) firstPageRequests += 1;
  });
  const server = await app.open('many-sqlite', '/experiments?sort=name&dir=desc');
  const total = (await app.api<{ rows: unknown[] }>(server, 'experiments.list', { limit: 500 })).rows.length;
  expect(total).toBeGreaterThanOrEqual(MANY_EXTRA_EXPERIMENTS > 500 ? 500 : MANY_EXTRA_EXPERIMENTS);

  const grid = page.getByRole('grid', { name: 'Experiments' });
  const rows = grid.locator('.data-table__row');
  await expect(rows.first()).toBeVisible();
  const initial = await rows.count();
  expect(initial).toBeLessThan(60);

  // Scroll to the bottom again and again: each time another page arrives, until none is left.
  const counts: number[] = [];
  for (let step = 0; step < 40; step += 1) {
    await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await page.waitForTimeout(120);
    counts.push(await rows.count());
    const status = await page.locator('.data-table__status').innerText();
    if (!status.includes('scroll for more') && !(await page.locator('.data-table__status .spinner').isVisible())) break;
  }
  await expect(page.locator('.data-table__status')).toHaveText(/^[\d,]+ experiments$/);
  const shown = Number((await page.locator('.data-table__status').innerText()).replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(MANY_EXTRA_EXPERIMENTS);
  expect(Math.max(...counts), `DOM rows while scrolling: ${counts.join(', ')}`).toBeLessThan(60);
  // The first page is a default one (quick to show); pages asked for while the list is flung to its
  // end again and again are the largest the API gives, and the list above is still whole.
  expect(limits[0], `page sizes asked for: ${limits.join(', ')}`).toBe(100);
  expect(limits, `page sizes asked for: ${limits.join(', ')}`).toContain(500);
  expect(limits.every((limit) => limit === 100 || limit === 500)).toBe(true);
  // The route's loader asks for the first page before the first render; the grid reads that answer
  // instead of asking again (same sort and direction from the address, same page size).
  expect(firstPageRequests).toBe(1);

  // Sorted by name descending, the last row is the alphabetically first experiment.
  await grid.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  const firstByName = (await app.api<{ rows: Array<{ name: string }> }>(server, 'experiments.list', { sort: 'name', direction: 'asc', limit: 1 })).rows[0];
  await expect(rows.last().locator('.cell-title')).toHaveText(firstByName?.name ?? '');
  await app.screenshot('experiments-long-list-end');

  // Home and End through the keyboard.
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(grid.locator('.data-table__row.is-active')).toHaveAttribute('aria-rowindex', '2');
  await page.keyboard.press('End');
  await expect(grid.locator('.data-table__row.is-active')).toHaveAttribute('aria-rowindex', String(shown + 1));
  expect(await rows.count()).toBeLessThan(60);
});
