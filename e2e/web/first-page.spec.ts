// Each long list's route loader asks for the grid's first page with the navigation (before the
// first render when the app opens on it); the grid then reads that answer instead of asking again.
// Two requests would mean the loader and the screen derive different params from the address.
import { expect, test } from '../support/fixtures';

const LISTS = [
  { route: '/experiments', method: 'experiments.list', grid: 'Experiments' },
  { route: '/experiments?sort=name&deleted=true', method: 'experiments.list', grid: 'Experiments' },
  { route: '/synths?sort=created&gender=Feminino', method: 'synths.list', grid: 'Synths' },
  { route: '/interviews', method: 'research.executions', grid: 'Interview executions' },
  { route: '/interviews?dir=asc&status=completed', method: 'research.executions', grid: 'Interview executions' },
  { route: '/explorations?deleted=true', method: 'explorations.list', grid: 'Explorations' },
] as const;

for (const list of LISTS) {
  test(`${list.route} asks ${list.method} for its first page once`, async ({ app, page }) => {
    let firstPages = 0;
    page.on('request', (request) => {
      if (request.url().endsWith(`/api/${list.method}`) && (request.postDataJSON() as { cursor?: string }).cursor === undefined) firstPages += 1;
    });
    await app.open('demo-sqlite', list.route);
    const grid = page.getByRole('grid', { name: list.grid });
    await expect(grid.locator('.data-table__row, .data-table__message').first()).toBeVisible();
    expect(firstPages).toBe(1);
  });
}
