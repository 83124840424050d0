// export.* through the dispatcher and both transports: bad params are typed errors, progress
// (done/total, rate, ETA) reaches the caller over the MessagePort and over serve mode's SSE, the
// call's signal cancels and leaves nothing behind, and serve mode hands a download out once.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../../shared/api';
import { createApiClient, createHttpTransport, tokenFromUrl } from '../../../shared/api-client';
import { createPortTransport } from '../../../shared/api-port-transport';
import { EXPORT_SELECTION_MAX } from '../../../shared/contract/export';
import { AppError } from '../../../shared/errors';
import { DownloadRegistry } from '../export/downloads';
import { nodePortEndpoint } from '../port/endpoint';
import { servePort } from '../port/port-server';
import { clientPort } from '../port/test-ports';
import { startServeServer, type ServeServer } from '../serve/server';
import { rawRequest } from '../serve/test-http';
import { openTestDatabase, type TestDatabase } from '../test-support/databases';
import { makeTempDir } from '../test-support/tmp';
import { createBackendDispatcher } from './index';

const temp = makeTempDir('slb-export-api-');
let test: TestDatabase;
let dispatcher: ReturnType<typeof createBackendDispatcher>;
const downloads = new DownloadRegistry();

beforeAll(async () => {
  test = await openTestDatabase('demo-sqlite');
  dispatcher = createBackendDispatcher({ session: test.session, downloads });
});
afterAll(async () => {
  downloads.dispose();
  await test.cleanup();
  temp.cleanup();
});

let calls = 0;
const call = (method: string, params: unknown, options: Parameters<typeof dispatcher.dispatch>[1] = {}) =>
  dispatcher.dispatch({ id: `e${(calls += 1)}`, method, params }, options);

const allScope = { kind: 'all' } as const;

describe('params', () => {
  const file = (path: string) => ({ scope: allScope, format: 'md', target: { kind: 'file', path } });
  const cases: Array<[string, unknown, RegExp]> = [
    ['a relative path', file('exports/out.md'), /target.path.*absolute/],
    ['an unknown format', { ...file('/tmp/x.pdf'), format: 'pdf' }, /format/],
    ['an unknown scope', { ...file('/tmp/x.md'), scope: { kind: 'everything' } }, /scope/],
    ['a scope missing its id', { ...file('/tmp/x.md'), scope: { kind: 'execution' } }, /scope.execId/],
    ['too many selected rows', { ...file('/tmp/x.md'), scope: { kind: 'selection', keys: Array.from({ length: EXPORT_SELECTION_MAX + 1 }, (_, i) => ({ execId: 'e', synthId: `s${i}` })) } }, /scope.keys/],
    ['an empty selection', { ...file('/tmp/x.md'), scope: { kind: 'selection', keys: [] } }, /scope.keys/],
    ['an unknown option', { ...file('/tmp/x.md'), options: { includeInternalNotes: true, zip: true } }, /options/],
    ['no target', { scope: allScope, format: 'md' }, /target/],
  ];
  for (const [what, params, pattern] of cases) {
    it(`refuses ${what} as bad_request`, async () => {
      const response = await call('export.transcripts', params);
      expect(response.ok).toBe(false);
      if (response.ok) return;
      expect(response.error.code).toBe('bad_request');
      expect(response.error.message).toMatch(pattern);
    });
  }

  it('export.count answers for a scope, with a title and file names per format', async () => {
    const response = await call('export.count', { scope: { kind: 'all', includeDeletedExperiments: true } });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.result).toMatchObject({ transcripts: 200, title: 'All transcripts', subject: { kind: 'all', name: null, execId: null } });
    expect((response.result as { suggestedFileNames: Record<string, string> }).suggestedFileNames).toMatchObject({
      csv: 'transcripts-all-transcripts.csv',
      'md-dir': 'transcripts-all-transcripts',
    });
    const rows = await call('research.executions', { limit: 1 });
    const execId = rows.ok ? (rows.result as { rows: Array<{ execId: string }> }).rows[0]!.execId : '';
    const execution = await call('export.count', { scope: { kind: 'execution', execId } });
    expect(execution.ok ? (execution.result as { subject: unknown }).subject : execution.error).toEqual({ kind: 'execution', name: null, execId });
    const missing = await call('export.count', { scope: { kind: 'experiment', experimentId: 'exp_nope' } });
    expect(missing.ok ? null : missing.error.code).toBe('not_found');
  });
});

describe('cancel through the call signal', () => {
  it('answers cancelled at once and then removes the temporary file', async () => {
    const dir = join(temp.dir, 'cancel');
    mkdirSync(dir);
    const controller = new AbortController();
    const response = await call(
      'export.transcripts',
      { scope: allScope, format: 'html', target: { kind: 'file', path: join(dir, 'all.html') } },
      { signal: controller.signal, onProgress: (event) => (event.done > 0 ? controller.abort() : undefined) },
    );
    expect(response.ok ? null : response.error.code).toBe('cancelled');
    const deadline = Date.now() + 5000;
    while (readdirSync(dir).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readdirSync(dir)).toEqual([]);
  });
});

function expectRateAndEta(events: readonly ProgressEvent[], total: number): void {
  expect(events.length).toBeGreaterThan(1);
  expect(events[0]).toMatchObject({ done: 0, total });
  const last = events.at(-1)!;
  expect(last).toMatchObject({ done: total, total, etaMs: 0 });
  expect(last.rate).toBeGreaterThan(0);
  for (const event of events.slice(1)) {
    expect(typeof event.rate).toBe('number');
    expect(typeof event.etaMs).toBe('number');
  }
}

describe('progress over the MessagePort transport', () => {
  it('carries done/total, rate and ETA', async () => {
    const { port1, port2 } = new MessageChannel();
    const server = servePort(nodePortEndpoint(port1), dispatcher);
    const link = createPortTransport();
    link.attach(clientPort(port2));
    try {
      const client = createApiClient(link.transport);
      const events: ProgressEvent[] = [];
      const path = join(temp.dir, 'port.jsonl');
      const result = await client.call(
        'export.transcripts',
        { scope: { kind: 'all', includeDeletedExperiments: true }, format: 'jsonl', target: { kind: 'file', path } },
        { onProgress: (event) => events.push(event) },
      );
      expect(result).toMatchObject({ target: 'file', path, transcripts: 200 });
      expectRateAndEta(events, 200);
    } finally {
      server.close();
      port1.close();
      port2.close();
    }
  });
});

describe('serve mode: SSE progress and a one-time download', () => {
  let server: ServeServer;
  beforeAll(async () => {
    server = await startServeServer({ dispatcher, downloads, log: () => undefined });
  });
  afterAll(() => server.close());

  it('streams progress, then the file downloads once as an attachment and is deleted', async () => {
    const client = createApiClient(createHttpTransport({ baseUrl: server.origin, token: tokenFromUrl(server.url) }));
    const events: ProgressEvent[] = [];
    const result = await client.call(
      'export.transcripts',
      { scope: { kind: 'all', includeDeletedExperiments: true }, format: 'csv', options: { csvBom: true }, target: { kind: 'download' } },
      { onProgress: (event) => events.push(event) },
    );
    expectRateAndEta(events, 200);
    if (result.target !== 'download') throw new Error('expected a download');
    const file = join(downloads.dir, result.downloadId);
    expect(existsSync(file)).toBe(true);
    const expected = readFileSync(file, 'utf8');

    const get = (headers: Record<string, string>) => rawRequest({ port: server.port, path: result.downloadUrl, headers });
    expect((await get({})).status).toBe(401);
    const response = await get({ Authorization: `Bearer ${server.token}` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${result.fileName}"; filename*=UTF-8''${result.fileName}`);
    expect(response.body).toBe(expected);
    expect(Number(response.headers['content-length'])).toBe(result.bytes);

    expect((await get({ Authorization: `Bearer ${server.token}` })).status).toBe(404);
    // Deleted once the server has seen the last byte leave, which may be just after the client got it.
    const deadline = Date.now() + 5000;
    while (existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(existsSync(file)).toBe(false);
    expect((await get({ Authorization: `Bearer ${server.token}`, Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses md-dir as a download with a typed message', async () => {
    const client = createApiClient(createHttpTransport({ baseUrl: server.origin, token: tokenFromUrl(server.url) }));
    const error = await client.call('export.transcripts', { scope: allScope, format: 'md-dir', target: { kind: 'download' } }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('bad_request');
    expect((error as AppError).message).toMatch(/folder of Markdown files cannot be downloaded/);
  });
});
