import { describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ProgressEvent } from './api';
import { createApiClient } from './api-client';
import {
  createBridgeTransport,
  desktopBridgeOf,
  desktopCommandSchema,
  exportTargetRequestSchema,
  isSqliteFileName,
  pdfSourceHtmlPath,
  printToPdfRequestSchema,
  type DesktopBridge,
} from './desktop-bridge';
import { isAppError } from './errors';

describe('isSqliteFileName', () => {
  it.each(['synthlab.db', 'LAB.DB', 'x.sqlite', 'x.sqlite3', 'old.db3', '/home/ana/My Data/lab.db'])('takes %s', (name) => {
    expect(isSqliteFileName(name)).toBe(true);
  });
  it.each(['.db', 'notes.txt', 'db', 'lab.db.bak', 'lab.db-wal', 'report.pdf'])('refuses %s', (name) => {
    expect(isSqliteFileName(name)).toBe(false);
  });
});

describe('desktop commands', () => {
  it('accepts the commands main sends and refuses anything else', () => {
    expect(desktopCommandSchema.parse({ type: 'open-sqlite', path: '/data/lab.db', source: 'drop' })).toEqual({ type: 'open-sqlite', path: '/data/lab.db', source: 'drop' });
    expect(desktopCommandSchema.safeParse({ type: 'open-sqlite', path: '/data/lab\0.db', source: 'drop' }).success).toBe(false);
    expect(desktopCommandSchema.safeParse({ type: 'open-sqlite', path: '/data/lab.db', source: 'web' }).success).toBe(false);
    expect(desktopCommandSchema.safeParse({ type: 'format-disk' }).success).toBe(false);
  });
});

describe('desktop exports', () => {
  it('accepts every export format and PDF, and refuses anything else', () => {
    for (const format of ['md', 'md-dir', 'json', 'jsonl', 'csv', 'html', 'pdf']) {
      expect(exportTargetRequestSchema.safeParse({ format, suggestedName: 'transcripts' }).success).toBe(true);
    }
    expect(exportTargetRequestSchema.safeParse({ format: 'docx', suggestedName: 'transcripts' }).success).toBe(false);
    expect(exportTargetRequestSchema.safeParse({ format: 'csv', suggestedName: '  ' }).success).toBe(false);
    expect(exportTargetRequestSchema.safeParse({ format: 'csv', suggestedName: 'a\0b.csv' }).success).toBe(false);
    expect(exportTargetRequestSchema.safeParse({ format: 'csv', suggestedName: 'a.csv', folder: '/etc' }).success).toBe(false);
    expect(printToPdfRequestSchema.safeParse({ htmlPath: '/a/.b.pdf.print.html', pdfPath: '/a/b.pdf' }).success).toBe(true);
    expect(printToPdfRequestSchema.safeParse({ htmlPath: '', pdfPath: '/a/b.pdf' }).success).toBe(false);
  });

  it('puts the HTML a PDF is printed from beside it, hidden, on either kind of path', () => {
    expect(pdfSourceHtmlPath('/home/ana/Relatório final.pdf')).toBe('/home/ana/.Relatório final.pdf.print.html');
    expect(pdfSourceHtmlPath('C:\\Users\\ana\\report.pdf')).toBe('C:\\Users\\ana\\.report.pdf.print.html');
    expect(pdfSourceHtmlPath('report.pdf')).toBe('.report.pdf.print.html');
  });
});

describe('the page’s bridge transport', () => {
  function fakeBridge(answer: (request: ApiRequest, onProgress?: (event: ProgressEvent) => void) => Promise<ApiResponse>) {
    const cancelled: string[] = [];
    const bridge: Pick<DesktopBridge, 'send' | 'cancel'> = { send: answer, cancel: (id) => void cancelled.push(id) };
    return { bridge, cancelled };
  }

  it('sends through the bridge, passes progress, and gives the typed client its result', async () => {
    const { bridge } = fakeBridge(async (request, onProgress) => {
      onProgress?.({ id: request.id, done: 1, total: 1 });
      return { id: request.id, ok: true, result: { echoed: request.method } };
    });
    const client = createApiClient(createBridgeTransport(bridge));
    const progress: number[] = [];
    expect(await client.call('app.info', {}, { onProgress: (event) => progress.push(event.done) })).toEqual({ echoed: 'app.info' });
    expect(progress).toEqual([1]);
  });

  it('turns an error answer into an AppError with its code', async () => {
    const { bridge } = fakeBridge(async (request) => ({ id: request.id, ok: false, error: { code: 'connection_lost', message: 'gone' } }));
    const error = await createApiClient(createBridgeTransport(bridge)).call('app.info').catch((reason: unknown) => reason);
    expect(isAppError(error) && error.code).toBe('connection_lost');
  });

  it('asks the bridge to cancel an aborted call by its id, and only while it runs', async () => {
    let finish: (response: ApiResponse) => void = () => undefined;
    const { bridge, cancelled } = fakeBridge((request) => new Promise((resolve) => (finish = () => resolve({ id: request.id, ok: true, result: 1 }))));
    const client = createApiClient(createBridgeTransport(bridge));
    const controller = new AbortController();
    const call = client.call('app.info', {}, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'cancelled' });
    expect(cancelled).toHaveLength(1);
    finish({ id: 'x', ok: true, result: 1 });

    const later = new AbortController();
    const { bridge: quick, cancelled: none } = fakeBridge(async (request) => ({ id: request.id, ok: true, result: 2 }));
    await createApiClient(createBridgeTransport(quick)).call('app.info', {}, { signal: later.signal });
    later.abort();
    expect(none).toEqual([]);
  });

  it('finds the bridge on a global only when it looks like one', () => {
    expect(desktopBridgeOf({})).toBeUndefined();
    expect(desktopBridgeOf({ synthlab: { platform: 'linux' } })).toBeUndefined();
    const bridge = { send: () => undefined };
    expect(desktopBridgeOf({ synthlab: bridge })).toBe(bridge);
  });
});
