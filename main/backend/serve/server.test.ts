import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDispatcher, type StepsLog } from '../dispatcher-test-contract';
import { makeTempDir } from '../test-support/tmp';
import { startServeServer, type ServeServer } from './server';
import { corsHeaders, parseEventStream, rawRequest, type RawRequest } from './test-http';

const SECRET = 'outside the static folder: must never be served';

interface Fixture {
  server: ServeServer;
  stepsLog: StepsLog;
  /** A request with the Bearer token already set. */
  authed(options: Omit<RawRequest, 'port'>): ReturnType<typeof rawRequest>;
  anonymous(options: Omit<RawRequest, 'port'>): ReturnType<typeof rawRequest>;
}

async function startFixture(staticDir: string | undefined, maxBodyBytes?: number): Promise<Fixture> {
  const { dispatcher, stepsLog } = createTestDispatcher();
  const server = await startServeServer({ dispatcher, staticDir, maxBodyBytes, log: () => undefined });
  return {
    server,
    stepsLog,
    authed: (options) =>
      rawRequest({ ...options, port: server.port, headers: { Authorization: `Bearer ${server.token}`, ...options.headers } }),
    anonymous: (options) => rawRequest({ ...options, port: server.port }),
  };
}

const json = { 'Content-Type': 'application/json' };

describe('serve mode', () => {
  const temp = makeTempDir();
  const builtDir = join(temp.dir, 'built');
  const emptyDir = join(temp.dir, 'not-built-yet');
  let app: Fixture;

  beforeAll(async () => {
    mkdirSync(join(builtDir, 'assets'), { recursive: true });
    mkdirSync(emptyDir);
    writeFileSync(join(builtDir, 'index.html'), '<!doctype html><title>the app</title>');
    writeFileSync(join(builtDir, 'assets', 'app-1234.js'), 'console.log("app")');
    writeFileSync(join(builtDir, 'assets', 'style.css'), 'body{}');
    writeFileSync(join(builtDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(builtDir, 'assets', 'data.bin'), Buffer.from([1, 2, 3]));
    writeFileSync(join(temp.dir, 'secret.txt'), SECRET);
    symlinkSync(join(temp.dir, 'secret.txt'), join(builtDir, 'assets', 'link.txt'));
    app = await startFixture(builtDir);
  });

  afterAll(async () => {
    await app.server.close();
    temp.cleanup();
  });

  describe('start', () => {
    it('binds 127.0.0.1 on a free port and prints a Jupyter-style URL with the token', () => {
      expect(app.server.host).toBe('127.0.0.1');
      expect(app.server.url).toBe(`http://127.0.0.1:${app.server.port}/?token=${app.server.token}`);
      expect(app.server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('refuses a port in use with a clear AppError', async () => {
      await expect(startServeServer({ dispatcher: createTestDispatcher().dispatcher, port: app.server.port })).rejects.toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/already in use/),
      });
    });
  });

  describe('token', () => {
    it.each([
      ['the page', 'GET', '/'],
      ['a static file', 'GET', '/assets/app-1234.js'],
      ['an API call', 'POST', '/api/app.info'],
      ['an unknown path', 'GET', '/nothing/here'],
    ])('answers %s without a token with a bare 401', async (_label, method, path) => {
      const response = await app.anonymous({ method, path, headers: json, body: method === 'POST' ? '{}' : undefined });
      expect(response.status).toBe(401);
      expect(response.body).toBe('');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['content-type']).toBeUndefined();
      expect(corsHeaders(response.headers)).toEqual([]);
    });

    it.each([
      ['query', (t: string) => ({ path: `/?token=${t}x` })],
      ['header', (t: string) => ({ path: '/', headers: { Authorization: `Bearer ${t.slice(1)}` } })],
      ['cookie', (t: string, port: number) => ({ path: '/', headers: { Cookie: `synthlab_token_${port}=${t.toUpperCase()}` } })],
      ['cookie of another port', (t: string) => ({ path: '/', headers: { Cookie: `synthlab_token_1=${t}; other=1` } })],
      ['empty bearer', () => ({ path: '/', headers: { Authorization: 'Bearer ' } })],
      ['basic auth', (t: string) => ({ path: '/', headers: { Authorization: `Basic ${t}` } })],
    ])('answers a wrong token (%s) with a bare 401', async (_label, build) => {
      const response = await app.anonymous(build(app.server.token, app.server.port));
      expect(response.status).toBe(401);
      expect(response.body).toBe('');
    });

    it('accepts the token in the query and sets a strict HttpOnly cookie named after the port', async () => {
      const response = await app.anonymous({ path: `/?token=${app.server.token}` });
      expect(response.status).toBe(200);
      expect(response.body).toContain('the app');
      const cookie = response.headers['set-cookie']?.[0] ?? '';
      expect(cookie).toBe(`synthlab_token_${app.server.port}=${app.server.token}; HttpOnly; SameSite=Strict; Path=/`);
    });

    it('lets the page load its assets with that cookie alone', async () => {
      const response = await app.anonymous({
        path: '/assets/app-1234.js',
        headers: { Cookie: `synthlab_token_${app.server.port}=${app.server.token}` },
      });
      expect(response.status).toBe(200);
      expect(response.body).toBe('console.log("app")');
      expect(response.headers['set-cookie']).toBeUndefined();
      // Named after its content by the build: cacheable for good, unlike the page and the API.
      expect(response.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    });

    it('keeps the token from leaking through Referer or frames', async () => {
      const response = await app.authed({ path: '/' });
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['cache-control']).toBe('no-store');
    });
  });

  describe('Host and Origin', () => {
    it.each([
      ['a foreign name (DNS rebinding)', (port: number) => `evil.example:${port}`],
      ['the right name on another port', () => '127.0.0.1:1'],
      ['a name that only starts like localhost', (port: number) => `localhost.evil.example:${port}`],
      ['garbage', () => 'a b c'],
    ])('refuses %s with a bare 403, even with the token', async (_label, host) => {
      const response = await app.authed({ path: '/', headers: { Host: host(app.server.port) } });
      expect(response.status).toBe(403);
      expect(response.body).toBe('');
    });

    it.each([['localhost'], ['127.0.0.1'], ['LOCALHOST']])('accepts Host %s:port', async (name) => {
      const response = await app.authed({ path: '/', headers: { Host: `${name}:${app.server.port}` } });
      expect(response.status).toBe(200);
    });

    it('refuses an API call made by another site, with no CORS headers', async () => {
      const foreign: Record<string, string>[] = [{ Origin: 'http://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }];
      for (const headers of foreign) {
        const response = await app.authed({ method: 'POST', path: '/api/app.info', headers: { ...json, ...headers }, body: '{}' });
        expect(response.status).toBe(403);
        expect(corsHeaders(response.headers)).toEqual([]);
      }
    });

    it('accepts an API call from its own page', async () => {
      const response = await app.authed({
        method: 'POST',
        path: '/api/app.info',
        headers: { ...json, Origin: `http://127.0.0.1:${app.server.port}`, 'Sec-Fetch-Site': 'same-origin' },
        body: '{}',
      });
      expect(response.status).toBe(200);
      expect(corsHeaders(response.headers)).toEqual([]);
    });
  });

  describe('OPTIONS', () => {
    const preflight = { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type', Origin: 'http://evil.example' };

    it('a browser preflight (no credentials) gets a bare 401 and no CORS approval', async () => {
      const response = await app.anonymous({ method: 'OPTIONS', path: '/api/app.info', headers: preflight });
      expect(response.status).toBe(401);
      expect(corsHeaders(response.headers)).toEqual([]);
    });

    it('even with the token, OPTIONS is not a method the server answers', async () => {
      const page = await app.authed({ method: 'OPTIONS', path: '/' });
      expect(page.status).toBe(405);
      expect(page.headers.allow).toBe('GET, HEAD');
      const api = await app.authed({ method: 'OPTIONS', path: '/api/app.info' });
      expect(api.status).toBe(405);
      expect(api.headers.allow).toBe('POST');
      expect([...corsHeaders(page.headers), ...corsHeaders(api.headers)]).toEqual([]);
    });
  });

  describe('POST /api/<method>', () => {
    it('round-trips app.info with the Bearer header', async () => {
      const response = await app.authed({ method: 'POST', path: '/api/app.info', headers: { ...json, 'X-Request-Id': 'abc-1' }, body: '{}' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      const answer = JSON.parse(response.body);
      expect(answer).toMatchObject({ id: 'abc-1', ok: true, result: { nodeVersion: process.versions.node } });
    });

    it('accepts the token as a query parameter and an empty body as no params', async () => {
      const response = await app.anonymous({ method: 'POST', path: `/api/app.info?token=${app.server.token}`, headers: json, body: '' });
      expect(response.status).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('passes params and answers with the result', async () => {
      const response = await app.authed({ method: 'POST', path: '/api/test.sum', headers: json, body: '{"numbers":[2,3],"label":"five"}' });
      expect(JSON.parse(response.body)).toMatchObject({ ok: true, result: { label: 'five', total: 5 } });
    });

    it.each([
      ['bad params', '/api/test.sum', '{"numbers":"2"}', 400, 'bad_request', /"numbers": invalid input: expected array/],
      ['an unknown method', '/api/nope.nothing', '{}', 404, 'unknown_method', /no method called "nope\.nothing"/],
      ['a handler error', '/api/test.fail', '{"kind":"app_error"}', 404, 'not_found', /No experiment/],
      ['a programming error', '/api/test.fail', '{"kind":"type_error"}', 500, 'internal', /./],
      ['invalid JSON', '/api/test.sum', '{"numbers": [1,', 400, 'bad_request', /not valid JSON/],
      ['a result JSON cannot encode', '/api/test.bigint', '{}', 500, 'internal', /could not be encoded/],
    ])('answers %s with a typed error and a matching status', async (_label, path, body, status, code, message) => {
      const response = await app.authed({ method: 'POST', path, headers: json, body });
      expect(response.status).toBe(status);
      const answer = JSON.parse(response.body);
      expect(answer.ok).toBe(false);
      expect(answer.error.code).toBe(code);
      expect(answer.error.message).toMatch(message);
      expect(response.body).not.toMatch(/\n\s+at |\.ts:\d+/);
    });

    it('refuses a body that is not declared as JSON (no form posts)', async () => {
      const response = await app.authed({
        method: 'POST',
        path: '/api/app.info',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body).error.code).toBe('bad_request');
    });

    it('refuses GET on an API path', async () => {
      const response = await app.authed({ path: '/api/app.info' });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('POST');
    });
  });

  describe('body limit', () => {
    let small: Fixture;
    beforeAll(async () => {
      small = await startFixture(builtDir, 1024);
    });
    afterAll(() => small.server.close());

    it('accepts a body at the limit', async () => {
      const numbers = `[${Array.from({ length: 300 }, () => '1').join(',')}]`;
      const body = `{"numbers":${numbers}}`.padEnd(1024, ' ');
      const response = await small.authed({ method: 'POST', path: '/api/test.sum', headers: json, body });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body).result.total).toBe(300);
    });

    it.each([
      ['declared in Content-Length', false],
      ['sent chunked', true],
    ])('refuses a larger body %s with 413', async (_label, chunked) => {
      const body = `{"numbers":[${Array.from({ length: 2000 }, () => '1').join(',')}]}`;
      const response = await small.authed({ method: 'POST', path: '/api/test.sum', headers: json, body, chunked });
      expect(response.status).toBe(413);
      const answer = JSON.parse(response.body);
      expect(answer.error.code).toBe('bad_request');
      expect(answer.error.message).toMatch(/at most 1 KB/);
    });
  });

  describe('progress over server-sent events', () => {
    it('streams progress events, then one result event', async () => {
      const response = await app.authed({
        method: 'POST',
        path: '/api/test.steps',
        headers: { ...json, Accept: 'text/event-stream', 'X-Request-Id': 'sse-1' },
        body: '{"steps":3,"stepMs":1}',
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const events = parseEventStream(response.body);
      expect(events.map((e) => e.event)).toEqual(['progress', 'progress', 'progress', 'result']);
      expect(JSON.parse(events[1]!.data)).toEqual({ id: 'sse-1', done: 2, total: 3, message: 'step 2' });
      expect(JSON.parse(events[3]!.data)).toEqual({ id: 'sse-1', ok: true, result: { completed: 3 } });
    });

    it('carries an error in the result event', async () => {
      const response = await app.authed({
        method: 'POST',
        path: '/api/test.sum',
        headers: { ...json, Accept: 'text/event-stream' },
        body: '{"numbers":[]}',
      });
      const events = parseEventStream(response.body);
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0]!.data).error.code).toBe('bad_request');
    });

    it('sends keep-alive comments during a silent call', async () => {
      const { dispatcher } = createTestDispatcher();
      const server = await startServeServer({ dispatcher, heartbeatMs: 10, log: () => undefined });
      try {
        const response = await rawRequest({
          port: server.port,
          method: 'POST',
          path: '/api/test.steps',
          headers: { ...json, Accept: 'text/event-stream', Authorization: `Bearer ${server.token}` },
          body: '{"steps":1,"stepMs":60}',
        });
        expect(response.body).toMatch(/^: keep-alive\n\n/);
        expect(parseEventStream(response.body).map((e) => e.event)).toEqual(['progress', 'result']);
      } finally {
        await server.close();
      }
    });
  });

  describe('cancellation', () => {
    it('aborts the handler when the client disconnects', async () => {
      const { stepsLog } = app;
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: app.server.port,
            method: 'POST',
            path: '/api/test.steps',
            headers: { ...json, Accept: 'text/event-stream', Authorization: `Bearer ${app.server.token}` },
            agent: false,
          },
          (res) => {
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', (error) => (req.destroyed ? undefined : reject(error)));
        req.end('{"steps":200,"stepMs":10}');
      });
      await waitFor(() => stepsLog.sawAbort);
      expect(stepsLog.completedSteps).toBeLessThan(50);
    });

    it('close() ends calls in flight', async () => {
      const fixture = await startFixture(undefined);
      const pending = fixture.authed({ method: 'POST', path: '/api/test.steps', headers: json, body: '{"steps":200,"stepMs":10}' }).catch(
        (error: unknown) => error,
      );
      await waitFor(() => fixture.stepsLog.completedSteps >= 1);
      await fixture.server.close();
      await pending;
      await waitFor(() => fixture.stepsLog.sawAbort);
    });
  });

  describe('static files', () => {
    it.each([
      ['/', 'text/html; charset=utf-8'],
      ['/assets/app-1234.js', 'text/javascript; charset=utf-8'],
      ['/assets/style.css', 'text/css; charset=utf-8'],
      ['/assets/logo.svg', 'image/svg+xml'],
      ['/assets/data.bin', 'application/octet-stream'],
    ])('serves %s as %s', async (path, type) => {
      const response = await app.authed({ path });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers client-side routes with index.html and a missing asset with 404', async () => {
      const route = await app.authed({ path: '/experiments/exp_1234abcd' });
      expect(route.status).toBe(200);
      expect(route.body).toContain('the app');
      const missing = await app.authed({ path: '/assets/missing.js' });
      expect(missing.status).toBe(404);
    });

    it('answers HEAD without a body', async () => {
      const response = await app.authed({ method: 'HEAD', path: '/assets/style.css' });
      expect(response.status).toBe(200);
      expect(response.headers['content-length']).toBe('6');
      expect(response.body).toBe('');
    });

    it.each([
      ['an encoded slash', '/..%2fsecret.txt'],
      ['an encoded backslash', '/..%5csecret.txt'],
      ['encoded dots and slash', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt'],
      ['a raw ../ path', '/../secret.txt'],
      ['a NUL byte', '/index.html%00.js'],
      ['a symlink pointing out', '/assets/link.txt'],
      ['a malformed escape', '/%E0%A4%A.txt'],
    ])('refuses path traversal: %s', async (_label, path) => {
      const response = await app.authed({ path });
      expect(response.body).not.toContain(SECRET);
      expect([404]).toContain(response.status);
    });
  });

  describe('placeholder page', () => {
    let bare: Fixture;
    beforeAll(async () => {
      bare = await startFixture(emptyDir);
    });
    afterAll(() => bare.server.close());

    it('is served while the renderer has no index.html, with a strict CSP, and calls app.info', async () => {
      const response = await bare.anonymous({ path: `/?token=${bare.server.token}` });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('Synth Lab Browser');
      expect(response.body).toContain('has not been built yet');
      expect(response.body).toContain("fetch('/api/app.info'");
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(response.body).toContain(`<script nonce="${nonce}">`);
    });

    it('its script reaches the API with the token from its own address and shows the connection', async () => {
      const pageUrl = `${bare.server.origin}/?token=${bare.server.token}`;
      const page = await bare.anonymous({ path: `/?token=${bare.server.token}` });
      const script = /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(page.body)?.[1] ?? '';
      const status = { className: '', textContent: '' };
      const document = { getElementById: (id: string) => (id === 'status' ? status : null) };
      // The page's relative fetch, resolved the way the browser would resolve it.
      const pageFetch = (path: string, init: RequestInit) => fetch(new URL(path, pageUrl), init);
      new Function('document', 'location', 'fetch', script)(document, { href: pageUrl }, pageFetch);
      await waitFor(() => status.className !== '');
      expect(status.className).toBe('ok');
      expect(status.textContent).toMatch(/^Connected: Synth Lab Browser \d+\.\d+\.\d+, Node \d+/);
    });

    it('is also served for client-side routes and with no static folder at all', async () => {
      expect((await bare.authed({ path: '/synths' })).body).toContain('has not been built yet');
      const none = await startFixture(undefined);
      try {
        expect((await none.authed({ path: '/' })).body).toContain('has not been built yet');
      } finally {
        await none.server.close();
      }
    });
  });
});


async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
