// The page's side of the desktop bridge, in Chromium: a stand-in for the preload's
// `window.synthlab` (the same functions, with `send` going to serve mode's HTTP API, so the real
// backend answers) lets the test play the main process, sending menu commands and data-process
// statuses the way main/electron would. The Electron project runs the real preload where an
// Electron binary exists; this runs everywhere.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { preparedDatabases } from '../support/environment';
import { expect, test } from '../support/fixtures';

/** The stand-in bridge, installed before the app's scripts run (page code as text: no DOM types here). */
const STAND_IN_BRIDGE = `(() => {
  const commandListeners = new Set();
  const statusListeners = new Set();
  let status = { state: 'ready', generation: 1, warnings: [] };
  const control = { restarts: 0, exportEvents: 0 };
  window.__desktop = {
    command(command) {
      for (const listener of [...commandListeners]) listener(command);
    },
    status(next) {
      status = next;
      for (const listener of [...statusListeners]) listener(next);
    },
    control,
  };
  window.addEventListener('synthlab:export-transcripts', () => {
    control.exportEvents += 1;
  });
  window.synthlab = {
    appVersion: '0.0.0-test',
    platform: 'linux',
    async send(request) {
      try {
        const response = await fetch('/api/' + encodeURIComponent(request.method), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(request.params ?? {}),
          credentials: 'same-origin',
        });
        const body = await response.json();
        return body.ok ? { id: request.id, ok: true, result: body.result } : { id: request.id, ok: false, error: body.error };
      } catch (error) {
        return { id: request.id, ok: false, error: { code: 'unreachable', message: String(error) } };
      }
    },
    cancel() {},
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
    onBackendStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    backendStatus: () => status,
    restartBackend: async () => {
      control.restarts += 1;
    },
    allowWeakSecretStorage: async () => false,
    chooseExportTarget: async () => null,
    showInFolder() {},
    printHtmlToPdf: async () => {
      throw new Error('not used here');
    },
  };
})();`;

async function sendCommand(page: Page, command: Record<string, unknown>): Promise<void> {
  await page.evaluate(`window.__desktop.command(${JSON.stringify(command)})`);
}

async function sendStatus(page: Page, status: Record<string, unknown>): Promise<void> {
  await page.evaluate(`window.__desktop.status(${JSON.stringify(status)})`);
}

function control(page: Page): Promise<{ restarts: number; exportEvents: number }> {
  return page.evaluate('({ ...window.__desktop.control })') as Promise<{ restarts: number; exportEvents: number }>;
}

const RESTART_REASON = 'The app’s data process stopped: it stopped unexpectedly (exit code 1). It stopped 6 times within 60 s, so it is not restarted automatically.';

test('the data process’s restarts show as a calm notice over a screen that stays, and the screen refetches after', async ({ app, page }) => {
  await page.addInitScript(STAND_IN_BRIDGE);
  await app.openCopy(preparedDatabases().demoSqlite);
  const rows = page.getByRole('grid', { name: 'Experiments' }).locator('.data-table__row');
  await expect(rows.first()).toBeVisible();
  const notices = page.getByTestId('desktop-notices');
  await expect(notices).toHaveText('');

  await sendStatus(page, { state: 'restarting', generation: 1, exitCode: 1, attempt: 2, delayMs: 500, message: 'The app’s data process stopped. Restarting it…' });
  await expect(notices.getByRole('status')).toContainText('The data service stopped and is restarting… (attempt 2)');
  await expect(rows.first()).toBeVisible();
  await app.screenshot('desktop-notice-restarting');
  await sendStatus(page, { state: 'starting', generation: 2 });
  await expect(notices).toContainText('(attempt 2)');

  // Back: the notice goes and what the screen shows is fetched again.
  const listCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/experiments.list')) listCalls.push(request.url());
  });
  await sendStatus(page, { state: 'ready', generation: 2, warnings: [] });
  await expect(notices).toHaveText('');
  await expect.poll(() => listCalls.length).toBeGreaterThan(0);
  await expect(rows.first()).toBeVisible();

  // Given up: an alert with Restart; restarting shows, then startup warnings that can be dismissed.
  await sendStatus(page, { state: 'stopped', generation: 3, exitCode: 1, message: RESTART_REASON });
  const alert = notices.getByRole('alert');
  await expect(alert).toContainText('The data service stopped and will not restart by itself.');
  await expect(alert).toContainText(RESTART_REASON);
  await expect(rows.first()).toBeVisible();
  await app.screenshot('desktop-notice-stopped');
  await alert.getByRole('button', { name: 'Restart' }).click();
  expect((await control(page)).restarts).toBe(1);
  await sendStatus(page, { state: 'starting', generation: 4 });
  await expect(notices).toContainText('Starting the data service again…');
  await sendStatus(page, { state: 'ready', generation: 4, warnings: ['The default connection “Lab server” could not be opened: the server did not answer.'] });
  await expect(notices).toContainText('The data service started with a problem');
  await expect(notices).toContainText('“Lab server” could not be opened');
  await app.screenshot('desktop-notice-warning');
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveText('');
});

test('menu commands: open and create SQLite files, PostgreSQL form, Settings, export', async ({ app, page }) => {
  test.setTimeout(60_000);
  await page.addInitScript(STAND_IN_BRIDGE);
  await app.openCopy(preparedDatabases().demoSqlite, '/synths');
  const badge = page.getByTestId('connection-badge');
  const notices = page.getByTestId('desktop-notices');
  const scratch = preparedDatabases().scratchDir;

  // File → Open (or a file dropped on the window): switch, then land on Experiments.
  const synthlab = join(scratch, `opened-${Date.now().toString(36)}.db`);
  copyFileSync(preparedDatabases().synthlabSqlite, synthlab);
  await sendCommand(page, { type: 'open-sqlite', path: synthlab, source: 'drop' });
  await expect(badge).toContainText(synthlab.split('/').pop() as string);
  await expect(badge).toContainText('Read-only');
  await expect(page).toHaveURL(/#\/experiments$/);
  await expect(page.getByRole('grid', { name: 'Experiments' }).locator('.data-table__row').first()).toBeVisible();
  await expect(notices).toHaveText('');

  // A file that is not there: said inline, the open database stays.
  const missing = join(scratch, 'no-such-study.db');
  await sendCommand(page, { type: 'open-sqlite', path: missing, source: 'recent' });
  const failure = notices.getByRole('alert');
  await expect(failure).toContainText('Could not open no-such-study.db');
  await expect(badge).toContainText(synthlab.split('/').pop() as string);
  await app.screenshot('desktop-notice-open-failed');
  await failure.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveText('');

  // File → New SQLite Database…: created, opened, and empty (the demo data is offered).
  const created = join(scratch, `created-${Date.now().toString(36)}.db`);
  await sendCommand(page, { type: 'create-sqlite', path: created });
  await expect(notices).toContainText(`Created ${created} and switched to it.`);
  await expect(badge).toContainText(created.split('/').pop() as string);
  await expect(page.getByTestId('empty-database').getByRole('button', { name: 'Load demo data' })).toBeVisible();

  await sendCommand(page, { type: 'connect-postgres' });
  await expect(page).toHaveURL(/#\/settings\?add=postgres$/);
  await expect(page.getByRole('form', { name: 'PostgreSQL server' })).toBeVisible();

  await sendCommand(page, { type: 'open-settings' });
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByRole('form', { name: 'PostgreSQL server' })).toHaveCount(0);

  await sendCommand(page, { type: 'export-transcripts' });
  await expect.poll(async () => (await control(page)).exportEvents).toBe(1);
});

test.describe('with a Brazilian system locale, in the dark', () => {
  test.use({ locale: 'pt-BR', colorScheme: 'dark' });

  test('the notices speak Portuguese', async ({ app, page }) => {
    await page.addInitScript(STAND_IN_BRIDGE);
    await app.openCopy(preparedDatabases().demoSqlite);
    await sendStatus(page, { state: 'restarting', generation: 1, exitCode: null, attempt: 1, delayMs: 250, message: 'x' });
    await expect(page.getByTestId('desktop-notices')).toContainText('O serviço de dados parou e está reiniciando… (tentativa 1)');
    await app.screenshot('desktop-notice-restarting-pt-BR-dark');
  });
});

test('serve mode (no bridge) has no desktop notices', async ({ app, page }) => {
  await app.open('demo-sqlite');
  await expect(page.getByRole('grid', { name: 'Experiments' }).locator('.data-table__row').first()).toBeVisible();
  await expect(page.getByTestId('desktop-notices')).toHaveCount(0);
});
