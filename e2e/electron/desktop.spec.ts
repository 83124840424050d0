// The desktop app end to end, where an Electron binary exists (elsewhere every test here skips,
// with one loud line for the whole run): the window on app://, a first run on an empty embedded
// database filled through the UI, an experiment, a switch to a second SQLite file through
// Settings, a transcript export, the export bridge (save dialog, PDF, show in folder), and the
// data process dying and coming back while the window stays usable.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { pdfSourceHtmlPath } from '../../shared/desktop-bridge';
import { launchDesktop, type Desktop } from '../support/electron';
import { preparedDatabases } from '../support/environment';

test.describe.configure({ mode: 'serial' });

let desktop: Desktop | null = null;
test.afterEach(async () => {
  await desktop?.close();
  desktop = null;
});

/** Calls the backend the way the page does, through the preload's bridge. */
async function api<T>(page: Page, method: string, params: Record<string, unknown> = {}): Promise<T> {
  const response = await page.evaluate(
    ([method, params]) =>
      (globalThis as unknown as { synthlab: { send(request: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> } }).synthlab.send({
        id: `e2e-${Math.random().toString(36).slice(2)}`,
        method,
        params,
      }),
    [method, params] as const,
  );
  if (!response.ok) throw new Error(`${method} failed: ${response.error?.code} ${response.error?.message}`);
  return response.result as T;
}

function experimentRows(page: Page) {
  return page.getByRole('grid', { name: 'Experiments' }).locator('.data-table__row');
}

test('the window shows the app from app://, locked down', async () => {
  desktop = await launchDesktop();
  const { page } = desktop;
  await expect(page).toHaveTitle(/Synth Lab Browser/);
  expect(page.url()).toMatch(/^app:\/\/synthlab\/index\.html#\//);
  // The page sees the preload's named functions and nothing of Node or Electron.
  const surface = await page.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as { synthlab: object }).synthlab).sort(),
    require: typeof (globalThis as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
    ipcRenderer: typeof (globalThis as unknown as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(surface).toEqual({
    bridge: [
      'allowWeakSecretStorage',
      'appVersion',
      'backendStatus',
      'cancel',
      'chooseExportTarget',
      'onBackendStatus',
      'onCommand',
      'platform',
      'printHtmlToPdf',
      'restartBackend',
      'send',
      'showInFolder',
    ],
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
  });
  await desktop.screenshot('shell');
});

test('first run: demo data through the UI, an experiment, a second SQLite file through Settings, an export', async () => {
  test.setTimeout(180_000);
  desktop = await launchDesktop();
  const { app, page, home } = desktop;

  // A new user-data folder: the embedded database is created empty, and offers the demo data.
  const empty = page.getByTestId('empty-database');
  await expect(empty).toContainText('This database has no experiments yet');
  await empty.getByRole('button', { name: 'Load demo data' }).click();
  await expect(experimentRows(page).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('connection-badge')).toContainText('synthlab-browser.db');
  await desktop.screenshot('demo-loaded');

  // An experiment; its Copy button reaches the system clipboard (the one permission the page has).
  await experimentRows(page).first().click();
  await expect(page).toHaveURL(/#\/experiments\/[^/?]+/);
  const experimentId = decodeURIComponent(/#\/experiments\/([^/?]+)/.exec(page.url())?.[1] ?? '');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.locator('dd', { hasText: experimentId }).getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(experimentId);
  await desktop.screenshot('experiment');

  // A second SQLite file (a synth-lab v15 database) through Settings → Existing SQLite file.
  const second = join(home, 'synthlab-v15.db');
  copyFileSync(preparedDatabases().synthlabSqlite, second);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('group', { name: 'Add' }).getByRole('button', { name: 'Existing SQLite file' }).click();
  const form = page.getByRole('form', { name: 'Existing SQLite file' });
  await form.getByLabel('File').fill(second);
  await form.getByRole('button', { name: 'Save and switch' }).click();
  await expect(page.getByTestId('connection-badge')).toContainText('synthlab-v15.db');
  await expect(page.getByTestId('connection-badge')).toContainText('Read-only');
  await page.getByRole('link', { name: 'Experiments' }).click();
  await expect(experimentRows(page).first()).toBeVisible();
  await desktop.screenshot('second-database');

  // A transcript of that database, exported to a file.
  // TODO(export UI): drive the export screen (renderer/src/screens/export/) once it exists,
  // instead of calling export.transcripts through the bridge.
  const executions = await api<{ rows: Array<{ execId: string }> }>(page, 'research.executions', { limit: 1 });
  const execId = executions.rows[0]?.execId as string;
  const transcripts = await api<{ rows: Array<{ key: { execId: string; synthId: string } }> }>(page, 'research.transcripts', { execId, limit: 1 });
  const key = transcripts.rows[0]?.key as { execId: string; synthId: string };
  const target = join(home, 'exported transcript.json');
  const result = await api<{ path: string; transcripts: number }>(page, 'export.transcripts', {
    scope: { kind: 'transcript', ...key },
    format: 'json',
    target: { kind: 'file', path: target, overwrite: false },
  });
  expect(result).toMatchObject({ path: target, transcripts: 1 });
  const detail = await api<{ synthName: string | null; messages: Array<{ text: string }> }>(page, 'research.transcript', key);
  // JSON keeps text exactly (Markdown escapes markup characters): the file holds this transcript.
  const exported = readFileSync(target, 'utf8');
  const asJson = (text: string): string => JSON.stringify(text).slice(1, -1);
  expect(exported).toContain(asJson(key.synthId));
  if (detail.synthName !== null) expect(exported).toContain(asJson(detail.synthName));
  const firstText = detail.messages.find((message) => message.text !== '')?.text ?? '';
  expect(exported).toContain(asJson(firstText));
});

test('exports in the desktop: the save dialog’s path, a PDF printed from HTML, show in folder', async () => {
  test.setTimeout(90_000);
  desktop = await launchDesktop();
  const { app, page, home } = desktop;
  const pdfPath = join(home, 'transcripts.pdf');
  await stubExportDialogs(app, pdfPath);

  const chosen = await page.evaluate(() =>
    (globalThis as unknown as { synthlab: { chooseExportTarget(request: unknown): Promise<string | null> } }).synthlab.chooseExportTarget({
      format: 'pdf',
      suggestedName: 'transcripts-exec-1.pdf',
    }),
  );
  expect(chosen).toBe(pdfPath);
  expect(await app.evaluate(() => (globalThis as unknown as { __slbSaveDialogs: Array<{ defaultPath: string }> }).__slbSaveDialogs.map((d) => d.defaultPath))).toEqual([
    expect.stringMatching(/transcripts-exec-1\.pdf$/),
  ]);

  // The HTML a PDF export prints from, beside it; with a remote image and a local file in a
  // frame, which the print window's CSP keeps out.
  const htmlPath = pdfSourceHtmlPath(pdfPath);
  writeFileSync(
    htmlPath,
    '<!doctype html><meta charset="utf-8"><style>h1{color:#1f6f78}</style><h1>Entrevista com Conceição</h1><p>Olá!</p>' +
      '<img src="https://example.com/tracker.png"><iframe src="file:///etc/passwd"></iframe>',
  );
  const printed = await page.evaluate(
    ([htmlPath, pdfPath]) =>
      (globalThis as unknown as { synthlab: { printHtmlToPdf(request: unknown): Promise<void> } }).synthlab.printHtmlToPdf({ htmlPath, pdfPath }).then(
        () => 'ok',
        (error: Error) => error.message,
      ),
    [htmlPath, pdfPath] as const,
  );
  expect(printed).toBe('ok');
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(existsSync(htmlPath)).toBe(false);

  // A path the dialog never returned is refused: for printing, and for showing in the folder.
  const elsewhere = join(home, 'elsewhere.pdf');
  writeFileSync(pdfSourceHtmlPath(elsewhere), '<!doctype html><p>x</p>');
  const refused = await page.evaluate(
    ([htmlPath, pdfPath]) =>
      (globalThis as unknown as { synthlab: { printHtmlToPdf(request: unknown): Promise<void> } }).synthlab.printHtmlToPdf({ htmlPath, pdfPath }).then(
        () => 'ok',
        (error: Error) => error.message,
      ),
    [pdfSourceHtmlPath(elsewhere), elsewhere] as const,
  );
  expect(refused).toContain('choose the file again');
  expect(existsSync(elsewhere)).toBe(false);

  await page.evaluate(
    ([allowed, refused]) => {
      const bridge = (globalThis as unknown as { synthlab: { showInFolder(path: string): void } }).synthlab;
      bridge.showInFolder(refused);
      bridge.showInFolder(allowed);
    },
    [pdfPath, '/etc/passwd'] as const,
  );
  await expect.poll(() => app.evaluate(() => [...(globalThis as unknown as { __slbRevealed: string[] }).__slbRevealed])).toEqual([pdfPath]);
});

test('the data process dies: a calm notice while it restarts, and the screen comes back by itself', async () => {
  test.setTimeout(120_000);
  desktop = await launchDesktop();
  const { app, page } = desktop;
  const empty = page.getByTestId('empty-database');
  await empty.getByRole('button', { name: 'Load demo data' }).click();
  await expect(experimentRows(page).first()).toBeVisible({ timeout: 60_000 });

  // Every notice the bar shows, however briefly (the restart takes a fraction of a second).
  // (In-page code as text: this project's type check has no DOM library outside renderer/.)
  await page.evaluate(`(() => {
    const seen = [];
    window.__slbNotices = seen;
    const bar = document.querySelector('[data-testid="desktop-notices"]');
    new MutationObserver(() => {
      const text = bar.textContent ?? '';
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }).observe(bar, { childList: true, subtree: true, characterData: true });
  })()`);

  process.kill(await backendPid(app), 'SIGKILL');
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { __slbNotices: string[] }).__slbNotices.join('\n')), { timeout: 20_000 })
    .toContain('The data service stopped and is restarting… (attempt 1)');
  await expect(page.getByTestId('desktop-notices')).toHaveText('', { timeout: 30_000 });
  await page.getByRole('link', { name: 'Synths' }).click();
  await page.getByRole('link', { name: 'Experiments' }).click();
  await expect(experimentRows(page).first()).toBeVisible();
  await desktop.screenshot('after-backend-restart');
});

/** The utility process running the backend (its service name is set in main/electron/backend-process.ts). */
async function backendPid(app: ElectronApplication): Promise<number> {
  const pid = await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().find((metric) => metric.type === 'Utility' && metric.name === 'Synth Lab Browser data')?.pid ?? null);
  if (pid === null) throw new Error('no utility process named “Synth Lab Browser data” is running');
  return pid;
}

/** Save dialogs answer `path`; shell.showItemInFolder records instead of opening a file manager. */
async function stubExportDialogs(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog, shell }, path) => {
    const control = globalThis as unknown as { __slbSaveDialogs: unknown[]; __slbRevealed: string[] };
    control.__slbSaveDialogs = [];
    control.__slbRevealed = [];
    const answer = async (...args: unknown[]) => {
      control.__slbSaveDialogs.push(args.at(-1));
      return { canceled: false, filePath: path };
    };
    dialog.showSaveDialog = answer as typeof dialog.showSaveDialog;
    shell.showItemInFolder = (fullPath: string) => void control.__slbRevealed.push(fullPath);
  }, path);
}
