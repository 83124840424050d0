// The desktop app under Playwright's _electron, for the `electron` project. Our build machines
// cannot download an Electron binary (DESIGN.md): there every test skips, and the run says so in
// one loud line. Where a binary exists, each launch gets a user-data folder of its own
// (SYNTHLAB_BROWSER_HOME: settings, embedded database, Chromium's files) and the better-sqlite3
// build for Electron that `npm start` uses (SYNTHLAB_SQLITE_NATIVE_BINDING, scripts/electron-sqlite.mjs).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { preparedDatabases, REPO_ROOT, SCREENSHOT_DIR } from './environment';

const NATIVE_BINDING_ENV = 'SYNTHLAB_SQLITE_NATIVE_BINDING';

export function electronBinary(): { path: string } | { reason: string } {
  try {
    const resolved: unknown = createRequire(import.meta.url)('electron');
    if (typeof resolved === 'string' && existsSync(resolved)) return { path: resolved };
    return { reason: `require('electron') gave ${JSON.stringify(resolved)}, which is not a file` };
  } catch (error) {
    return { reason: `require('electron') threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The Electron binary, or the calling test is skipped. The first skip of a run prints one loud
 * line (a marker file in the run's scratch folder keeps the other workers and tests quiet).
 */
export function requireElectron(): string {
  const binary = electronBinary();
  if ('path' in binary) return binary.path;
  try {
    writeFileSync(join(preparedDatabases().scratchDir, 'electron-skip-announced'), binary.reason, { flag: 'wx' });
    console.log(`!!! electron e2e SKIPPED: no Electron binary on this machine (${binary.reason}); get one with \`node node_modules/electron/install.js\` !!!`);
  } catch {
    // announced already in this run
  }
  test.skip(true, `no Electron binary: ${binary.reason}`);
  throw new Error('unreachable: test.skip ends the test');
}

export interface Desktop {
  app: ElectronApplication;
  /** The page of the app's window. */
  page: Page;
  /** This launch's user-data folder (removed by close()). */
  home: string;
  /** Saves `test-results/screenshots/electron-<name>.png`. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches `electron .` on the built app (the global setup ran `electron-vite build`). */
export async function launchDesktop(options: { args?: string[]; home?: string } = {}): Promise<Desktop> {
  const executablePath = requireElectron();
  const home = options.home ?? mkdtempSync(join(preparedDatabases().scratchDir, 'electron-home-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The user's own default database must not leak in; the UI is checked in English.
  delete env.DATABASE_URL;
  // A dev server address would make main load it instead of app://; run-as-node would not start the app.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  Object.assign(env, { SYNTHLAB_BROWSER_HOME: home, [NATIVE_BINDING_ENV]: await electronSqliteBinding(), LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' });

  const app = await electron.launch({
    executablePath,
    // --no-sandbox: CI containers run as root, where Chromium's OS sandbox cannot start. The
    // renderers stay sandboxed in Electron's sense (no Node, a sandboxed preload).
    args: [REPO_ROOT, '--no-sandbox', '--lang=en-US', ...(options.args ?? [])],
    env,
    cwd: REPO_ROOT,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
  return {
    app,
    page,
    home,
    screenshot: async (name) => {
      await page.evaluate('document.fonts.ready');
      await page.screenshot({ path: join(SCREENSHOT_DIR, `electron-${name}.png`) });
    },
    close: async () => {
      await app.close().catch(() => undefined);
      if (options.home === undefined) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** better-sqlite3 built for this Electron (built once into node_modules/.cache, as `npm start` does). */
async function electronSqliteBinding(): Promise<string> {
  const script = pathToFileURL(resolve(REPO_ROOT, 'scripts/electron-sqlite.mjs')).href;
  const { electronSqliteBinding: build } = (await import(script)) as { electronSqliteBinding: (root?: string) => Promise<string> };
  return build(REPO_ROOT);
}

/** Replaces shell.openExternal in the main process with a recorder: nothing leaves the test. */
export async function recordExternalOpens(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { __slbOpened: string[] }).__slbOpened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
}

export function externalOpens(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() => [...((globalThis as unknown as { __slbOpened?: string[] }).__slbOpened ?? [])]);
}

/** How many windows and web contents the app has (a hijack would add one). */
export function windowCounts(app: ElectronApplication): Promise<{ windows: number; contents: number }> {
  return app.evaluate(({ BrowserWindow, webContents }) => ({
    windows: BrowserWindow.getAllWindows().length,
    contents: webContents.getAllWebContents().length,
  }));
}
