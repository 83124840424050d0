// Nothing a page can do replaces the app (in the manner of Actual Budget's tests): links,
// target=_blank, window.open, location changes, meta refresh, redirects, <webview>, permission
// requests and app:// path traversal. After each, the window still shows app://synthlab/, the app
// has one window and no extra web contents, and only http(s) links from the app's page went to the
// system browser (shell.openExternal, replaced by a recorder in the main process).
// Where no Electron binary exists, every test skips (one loud line for the run).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { electronBinary, externalOpens, launchDesktop, recordExternalOpens, requireElectron, windowCounts, type Desktop } from '../support/electron';

test.describe.configure({ mode: 'serial' });

let desktop: Desktop | null = null;
let baseline = { windows: 1, contents: 1 };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  if (!('path' in electronBinary())) return; // each test says why it skips
  desktop = await launchDesktop();
  await recordExternalOpens(desktop.app);
  baseline = await windowCounts(desktop.app);
});
test.afterAll(async () => {
  await desktop?.close();
});

function opened(): Desktop {
  if (desktop === null) requireElectron();
  return desktop as Desktop;
}

/** The app is still itself: its own page, one window, no extra web contents. */
async function expectAppIntact(page: Page): Promise<void> {
  // Give a navigation or a new window that would happen the time to happen.
  await page.waitForTimeout(750);
  expect(page.url()).toMatch(/^app:\/\/synthlab\/index\.html/);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  expect(await windowCounts(opened().app)).toEqual(baseline);
}

/** A link added to the page, on top of everything so that a real click reaches it. */
async function addLink(page: Page, attributes: Record<string, string>): Promise<void> {
  // In-page code is given as text: this project's type check has no DOM library outside renderer/.
  await page.evaluate(`(() => {
    document.getElementById('slb-test-link')?.remove();
    const link = document.createElement('a');
    link.id = 'slb-test-link';
    link.textContent = 'a test link';
    link.setAttribute('style', 'position:fixed;top:8px;left:8px;z-index:99999;background:yellow;padding:8px');
    for (const [name, value] of Object.entries(${JSON.stringify(attributes)})) link.setAttribute(name, value);
    document.body.append(link);
  })()`);
}

/** `location.href = url` in the page. */
async function goTo(page: Page, url: string): Promise<void> {
  await page.evaluate(`location.href = ${JSON.stringify(url)}`);
}

test('a link to a web site opens in the system browser, not in the app', async () => {
  const { app, page } = opened();
  await addLink(page, { href: 'https://example.com/link' });
  await page.locator('#slb-test-link').click();
  await expect.poll(() => externalOpens(app)).toContain('https://example.com/link');
  await expectAppIntact(page);
});

test('a target=_blank link opens in the system browser; no window appears', async () => {
  const { app, page } = opened();
  await addLink(page, { href: 'https://example.com/blank', target: '_blank', rel: 'noopener' });
  await page.locator('#slb-test-link').click();
  await expect.poll(() => externalOpens(app)).toContain('https://example.com/blank');
  await expectAppIntact(page);
});

test('window.open gets no window; web addresses go to the browser, others nowhere', async () => {
  const { app, page } = opened();
  const before = (await externalOpens(app)).length;
  const results = await page.evaluate(`['https://example.com/popup', 'file:///etc/passwd', 'app://synthlab/index.html'].map((url) => window.open(url) === null)`);
  expect(results).toEqual([true, true, true]);
  await expect.poll(() => externalOpens(app)).toContain('https://example.com/popup');
  expect((await externalOpens(app)).slice(before)).toEqual(['https://example.com/popup']);
  await expectAppIntact(page);
});

test('setting location.href to a web site does not leave the app', async () => {
  const { app, page } = opened();
  await goTo(page, 'https://example.com/location');
  await expect.poll(() => externalOpens(app)).toContain('https://example.com/location');
  await expectAppIntact(page);
  await goTo(page, 'file:///etc/passwd');
  await expectAppIntact(page);
  expect(await externalOpens(app)).not.toContain('file:///etc/passwd');
});

test('a meta refresh to a web site does not leave the app', async () => {
  const { page } = opened();
  await page.evaluate(`(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'refresh';
    meta.content = '0;url=https://example.com/refresh';
    document.head.append(meta);
  })()`);
  await expectAppIntact(page);
  await page.evaluate(`document.querySelector('meta[http-equiv="refresh"]')?.remove()`);
});

test('a navigation to a redirecting server is stopped before any request is made', async () => {
  const { app, page } = opened();
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(302, { Location: 'https://example.com/redirected' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/redirect`;
  try {
    await goTo(page, url);
    await expectAppIntact(page);
    expect(hits).toEqual([]);
    expect(await externalOpens(app)).toContain(url);
    expect(await externalOpens(app)).not.toContain('https://example.com/redirected');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a <webview> tag attaches nothing', async () => {
  const { page } = opened();
  const attached = await page.evaluate(`(async () => {
    const webview = document.createElement('webview');
    webview.setAttribute('src', 'https://example.com/webview');
    document.body.append(webview);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const hasGuestApi = typeof webview.getWebContentsId === 'function';
    webview.remove();
    return hasGuestApi;
  })()`);
  expect(attached).toBe(false);
  await expectAppIntact(page);
});

test('permission requests are refused, except writing to the clipboard', async () => {
  const { page } = opened();
  const answers = await page.evaluate(`(async () => {
    const query = async (name) => {
      try {
        return (await navigator.permissions.query({ name })).state;
      } catch (error) {
        return 'error: ' + error.name;
      }
    };
    const geolocation = await new Promise((resolve) =>
      navigator.geolocation.getCurrentPosition(
        () => resolve('granted'),
        (error) => resolve(error.code === error.PERMISSION_DENIED ? 'denied' : 'error ' + error.code),
        { timeout: 5000 },
      ),
    );
    return {
      notification: await Notification.requestPermission(),
      geolocation,
      geolocationQuery: await query('geolocation'),
      cameraQuery: await query('camera'),
      clipboardWriteQuery: await query('clipboard-write'),
    };
  })()`);
  expect(answers).toEqual({ notification: 'denied', geolocation: 'denied', geolocationQuery: 'denied', cameraQuery: 'denied', clipboardWriteQuery: 'granted' });
  await expectAppIntact(page);
});

test('app:// serves the built renderer only: traversal finds nothing outside it', async () => {
  const { page } = opened();
  const probes = await page.evaluate(async () => {
    const urls = ['app://synthlab/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 'app://synthlab/..%2f..%2f..%2fetc%2fpasswd', 'app://synthlab/%2F..%2F..%2Fpackage.json', 'app://synthlab/../package.json'];
    return Promise.all(
      urls.map(async (url) => {
        const response = await fetch(url);
        const text = await response.text();
        return { url, status: response.status, leaked: text.includes('root:') || text.includes('"devDependencies"') };
      }),
    );
  });
  for (const probe of probes) expect(probe.leaked, probe.url).toBe(false);
  expect(probes.filter((probe) => probe.status !== 404 && probe.status !== 200).map((probe) => probe.url)).toEqual([]);
  await expectAppIntact(page);
});
