// The frame around every screen: token handling, connection badge on each kind of database,
// deep links with Back/Forward, themes, languages and the command palette.
import { DATABASE_KINDS, expect, test } from '../support/fixtures';

interface ExperimentPage {
  rows: Array<{ id: string; name: string | null }>;
  nextCursor: string | null;
}

const EXPECTED_BADGE: Record<(typeof DATABASE_KINDS)[number], { engine: string; kind: string; readOnly: boolean }> = {
  'demo-sqlite': { engine: 'SQLite', kind: 'This app', readOnly: false },
  'demo-postgres': { engine: 'PostgreSQL', kind: 'This app', readOnly: false },
  'synthlab-sqlite': { engine: 'SQLite', kind: 'synth-lab SQLite', readOnly: true },
  'synthlab-postgres': { engine: 'PostgreSQL', kind: 'synth-lab PostgreSQL', readOnly: true },
};

for (const kind of DATABASE_KINDS) {
  test(`connection badge names the ${kind} database`, async ({ app }) => {
    const server = await app.open(kind);
    const current = await app.api<{ open: boolean; databaseName: string; readOnly: boolean; kind: string }>(server, 'connection.current');
    const expected = EXPECTED_BADGE[kind];
    expect(current.readOnly).toBe(expected.readOnly);

    const badge = app.page.getByTestId('connection-badge');
    await expect(badge).toContainText(expected.engine);
    await expect(badge).toContainText(current.databaseName);
    await expect(badge).toContainText(expected.kind);
    if (expected.readOnly) await expect(badge).toContainText('Read-only');
    else await expect(badge).not.toContainText('Read-only');
  });
}

test('the serve token leaves the address bar and the page keeps working after a reload', async ({ app, page }) => {
  const server = await app.open('demo-sqlite');
  expect(page.url()).not.toContain('token=');
  expect(page.url()).toBe(`${server.origin}/#/experiments`);
  await expect(page.getByRole('row').nth(1)).toBeVisible();

  // The HttpOnly cookie set on the first load authenticates the API after the token is gone.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Experiments' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByTestId('connection-badge')).toContainText('demo.db');
});

test('routes are deep links, and Back and Forward move between them', async ({ app, page }) => {
  const server = await app.open('demo-sqlite');
  const first = (await app.api<ExperimentPage>(server, 'experiments.list', { limit: 1 })).rows[0];
  expect(first, 'the demo has experiments').toBeDefined();
  const experiment = first as { id: string; name: string };

  await page.goto(`${server.origin}/#/experiments/${encodeURIComponent(experiment.id)}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(experiment.name);
  await expect(page).toHaveTitle(`${experiment.name} — Synth Lab Browser`);

  await page.getByRole('link', { name: 'Synths' }).click();
  await expect(page).toHaveURL(/#\/synths$/);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(/#\/settings$/);

  await page.goBack();
  await expect(page).toHaveURL(/#\/synths$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(experiment.name);
  await page.goForward();
  await expect(page).toHaveURL(/#\/synths$/);

  await page.goto(`${server.origin}/#/no/such/page`);
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await app.screenshot('not-found');
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the theme follows the system, and a manual choice persists', async ({ app, page }) => {
    await app.open('demo-sqlite');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('grid', { name: 'Experiments' }).getByRole('row').nth(1)).toBeVisible();
    await app.screenshot('experiments-dark');

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByText('Light', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();

    await page.getByText('System', { exact: true }).first().click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('with a Brazilian system locale', () => {
  test.use({ locale: 'pt-BR' });

  test('the UI speaks Portuguese, and English can be chosen and is remembered', async ({ app, page }) => {
    const server = await app.open('demo-sqlite');
    try {
      await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
      const nav = page.getByRole('navigation', { name: 'Navegação principal' });
      await expect(nav.getByRole('link', { name: 'Experimentos' })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Hipótese' })).toBeVisible();
      await expect(page.getByRole('grid').getByRole('row').nth(1)).toBeVisible();
      await app.screenshot('experiments-pt-BR');

      await nav.getByRole('link', { name: 'Configurações' }).click();
      await page.getByText('English', { exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
      await app.screenshot('settings');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    } finally {
      // This worker's tests share the server: give the language back to the system for the next ones.
      await app.api(server, 'settings.update', { language: 'system' });
    }
  });

  test('a choice the backend never heard (the page reloaded first) is kept, and sent again', async ({ app, page }) => {
    const server = await app.open('demo-sqlite');
    try {
      // The first save is lost on the way, as when a reload overtakes it.
      let dropped = false;
      await page.route(/\/api\/settings\.update$/, async (route) => {
        if (dropped) return route.continue();
        dropped = true;
        return route.abort();
      });
      await page.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Configurações' }).click();
      await page.getByText('English', { exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
      await expect.poll(() => dropped).toBe(true);
      expect((await app.api<{ preferences: { language: string } }>(server, 'settings.get', {})).preferences.language).toBe('system');

      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
      await expect.poll(async () => (await app.api<{ preferences: { language: string } }>(server, 'settings.get', {})).preferences.language).toBe('en');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    } finally {
      await app.api(server, 'settings.update', { language: 'system' });
    }
  });
});

test('the command palette jumps to an experiment by name and to a screen', async ({ app, page }) => {
  const server = await app.open('demo-sqlite');
  const rows = (await app.api<ExperimentPage>(server, 'experiments.list', { sort: 'name', limit: 5 })).rows;
  const target = rows[2] as { id: string; name: string };
  // The list search matches a contiguous piece of the name.
  const text = target.name.split(/\s+/).slice(0, 2).join(' ');

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox').fill(text);
  // Its interviews and explorations match the name too, each in their own group.
  const option = palette.getByRole('group', { name: 'Experiments' }).getByRole('option', { name: new RegExp(escapeRegExp(target.name)) });
  await expect(option).toBeVisible();
  await app.screenshot('command-palette');
  await option.click();
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.name);

  // Keyboard only: a screen by name, arrows and Enter.
  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill('setti');
  await expect(palette.getByRole('option', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/settings$/);

  // Esc closes without going anywhere.
  await page.keyboard.press('Control+K');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/settings$/);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the command palette finds a synth by name and an interview execution by its id', async ({ app, page }) => {
  const server = await app.open('demo-sqlite');
  const synth = (await app.api<{ rows: Array<{ id: string; nome: string }> }>(server, 'synths.list', { limit: 1 })).rows[0];
  const execution = (await app.api<{ rows: Array<{ execId: string }> }>(server, 'research.executions', { limit: 1 })).rows[0];
  expect(synth && execution, 'the demo has synths and executions').toBeTruthy();
  const palette = page.getByRole('dialog', { name: 'Command palette' });

  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill(synth?.nome ?? '');
  await palette.getByRole('group', { name: 'Synths' }).getByRole('option').first().click();
  await expect(page).toHaveURL(new RegExp(`#/synths/${encodeURIComponent(synth?.id ?? '')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(synth?.nome ?? '');

  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill(execution?.execId ?? '');
  await palette.getByRole('group', { name: 'Interviews' }).getByRole('option').first().click();
  await expect(page).toHaveURL(new RegExp(`#/interviews/${encodeURIComponent(execution?.execId ?? '')}$`));
  await expect(page.locator('dt', { hasText: 'Execution id' }).locator('xpath=following-sibling::dd[1]')).toContainText(execution?.execId ?? '');
});

test('the command palette finds an interview by its topic and an exploration by its experiment, grouped, with the keyboard', async ({ app, page }) => {
  const server = await app.open('demo-sqlite');
  const executions = (await app.api<{ rows: Array<{ execId: string; topicName: string | null }> }>(server, 'research.executions', { limit: 50 })).rows;
  const execution = executions.find((row) => row.topicName !== null && row.topicName.length > 8);
  const exploration = (await app.api<{ rows: Array<{ id: string; experimentName: string | null }> }>(server, 'explorations.list', { limit: 1 })).rows[0];
  expect(execution && exploration?.experimentName, 'the demo has executions with topics and explorations of named experiments').toBeTruthy();
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const settled = async (): Promise<void> => {
    await expect(palette.locator('.palette__input-row .spinner')).toHaveCount(0);
  };

  // A piece of the topic, in other case: the execution is an option of the Interviews group; arrows reach it.
  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill(execution!.topicName!.slice(1, 9).toUpperCase());
  const interviews = palette.getByRole('group', { name: 'Interviews' });
  const option = interviews.getByRole('option', { name: new RegExp(escapeRegExp(execution!.execId)) });
  await expect(option).toBeVisible();
  await settled();
  const options = await palette.getByRole('option').evaluateAll((elements) => elements.map((element) => element.id));
  const target = await option.getAttribute('id');
  for (let step = 0; step < options.indexOf(target ?? ''); step += 1) await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/interviews/${encodeURIComponent(execution!.execId)}$`));

  // The experiment's name finds its exploration, in a group of its own beside the experiment itself.
  await page.keyboard.press('Control+K');
  await palette.getByRole('combobox').fill(exploration!.experimentName!);
  const found = palette.getByRole('group', { name: 'Explorations' }).getByRole('option', { name: new RegExp(escapeRegExp(exploration!.id)) });
  await expect(found).toBeVisible();
  await expect(palette.getByRole('group', { name: 'Experiments' }).getByRole('option').first()).toContainText(exploration!.experimentName!);
  await settled();
  await app.screenshot('command-palette-groups');
  await found.click();
  await expect(page).toHaveURL(new RegExp(`#/explorations/${encodeURIComponent(exploration!.id)}`));
});
