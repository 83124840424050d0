import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../../shared/api-client';
import type { ExportCount, ExportResult } from '../../../../shared/contract/export';
import { pdfSourceHtmlPath, type PrintToPdfRequest } from '../../../../shared/desktop-bridge';
import { AppError } from '../../../../shared/errors';
import { runExport, suggestedName, type ExportEnvironment, type ExportStage } from './run-export';
import { searchExportScope } from './scopes';

const COUNT: ExportCount = {
  transcripts: 6,
  executions: 1,
  subject: { kind: 'execution', name: null, execId: 'batch_1' },
  title: 'Execution batch_1',
  suggestedFileNames: {
    md: 'transcripts-execution-batch-1.md',
    'md-dir': 'transcripts-execution-batch-1',
    json: 'transcripts-execution-batch-1.json',
    jsonl: 'transcripts-execution-batch-1.jsonl',
    csv: 'transcripts-execution-batch-1.csv',
    html: 'transcripts-execution-batch-1.html',
  },
};

const SUMMARY = { mimeType: 'text/html', transcripts: 6, messages: 43, bytes: 19_300, elapsedMs: 40 };

/** A client that answers export.transcripts the way the backend does for the target it is given. */
function recordingClient(): { client: ApiClient; calls: Array<{ method: string; params: unknown }> } {
  const calls: Array<{ method: string; params: unknown }> = [];
  const client = {
    call: async (method: string, params: { format: ExportResult['format']; target: { kind: 'file'; path: string } | { kind: 'download' } }) => {
      calls.push({ method, params });
      const { format, target } = params;
      if (target.kind === 'file') return { ...SUMMARY, format, target: 'file', path: target.path, fileName: target.path.split('/').pop() ?? '' } satisfies ExportResult;
      return { ...SUMMARY, format, target: 'download', fileName: `t.${format}`, downloadId: 'abcdefghijkl', downloadUrl: '/api/download/abcdefghijkl', expiresAt: '2026-01-01T00:00:00Z' } satisfies ExportResult;
    },
  } as unknown as ApiClient;
  return { client, calls };
}

function callbacks() {
  const stages: ExportStage[] = [];
  return { stages, signal: new AbortController().signal, onStage: (stage: ExportStage) => stages.push(stage), onProgress: () => undefined };
}

const SCOPE = { kind: 'execution', execId: 'batch_1' } as const;
const NO_OPTIONS = { includeInternalNotes: false, csvBom: false };

describe('runExport in serve mode', () => {
  it('asks for a download and hands its URL to the browser', async () => {
    const { client, calls } = recordingClient();
    const started: Array<[string, string]> = [];
    const environment: ExportEnvironment = { client, bridge: undefined, startDownload: (url, name) => started.push([url, name]) };
    const run = callbacks();
    const outcome = await runExport(environment, { scope: SCOPE, format: 'csv', ...NO_OPTIONS, csvBom: true }, COUNT, run);
    expect(calls).toEqual([{ method: 'export.transcripts', params: { scope: SCOPE, format: 'csv', options: { includeInternalNotes: false, csvBom: true }, target: { kind: 'download' } } }]);
    expect(started).toEqual([['/api/download/abcdefghijkl', 't.csv']]);
    expect(outcome).toMatchObject({ kind: 'downloaded', fileName: 't.csv' });
    expect(run.stages).toEqual(['writing']);
  });

  it('refuses what a browser cannot save before calling the backend', async () => {
    const { client, calls } = recordingClient();
    const environment: ExportEnvironment = { client, bridge: undefined, startDownload: () => undefined };
    for (const format of ['pdf', 'md-dir'] as const) {
      await expect(runExport(environment, { scope: SCOPE, format, ...NO_OPTIONS }, COUNT, callbacks())).rejects.toBeInstanceOf(AppError);
    }
    expect(calls).toEqual([]);
  });
});

describe('runExport in the desktop app', () => {
  function desktop(targets: Array<string | null>, print: (request: PrintToPdfRequest) => Promise<void> = async () => undefined) {
    const { client, calls } = recordingClient();
    const chosen: unknown[] = [];
    const printed: PrintToPdfRequest[] = [];
    const environment: ExportEnvironment = {
      client,
      startDownload: () => {
        throw new Error('no downloads in the desktop app');
      },
      bridge: {
        chooseExportTarget: async (request) => {
          chosen.push(request);
          return targets.shift() ?? null;
        },
        printHtmlToPdf: async (request) => {
          printed.push(request);
          await print(request);
        },
      },
    };
    return { environment, calls, chosen, printed };
  }

  it('writes to the file the save dialog chose, replacing it (the dialog asked)', async () => {
    const { environment, calls, chosen } = desktop(['/home/ana/out.jsonl']);
    const run = callbacks();
    const outcome = await runExport(environment, { scope: SCOPE, format: 'jsonl', ...NO_OPTIONS }, COUNT, run);
    expect(chosen).toEqual([{ format: 'jsonl', suggestedName: 'transcripts-execution-batch-1.jsonl' }]);
    expect(calls[0]?.params).toMatchObject({ format: 'jsonl', target: { kind: 'file', path: '/home/ana/out.jsonl', overwrite: true } });
    expect(outcome).toMatchObject({ kind: 'saved', path: '/home/ana/out.jsonl', fileName: 'out.jsonl' });
    expect(run.stages).toEqual(['choosing', 'writing']);
  });

  it('does nothing when the save dialog is closed without a choice', async () => {
    const { environment, calls } = desktop([null]);
    expect(await runExport(environment, { scope: SCOPE, format: 'md', ...NO_OPTIONS }, COUNT, callbacks())).toEqual({ kind: 'dismissed' });
    expect(calls).toEqual([]);
  });

  it('makes a PDF from the HTML export written beside it', async () => {
    const { environment, calls, chosen, printed } = desktop(['C:\\Users\\ana\\report.pdf']);
    const run = callbacks();
    const outcome = await runExport(environment, { scope: SCOPE, format: 'pdf', ...NO_OPTIONS, includeInternalNotes: true }, COUNT, run);
    expect(chosen).toEqual([{ format: 'pdf', suggestedName: 'transcripts-execution-batch-1.pdf' }]);
    const htmlPath = pdfSourceHtmlPath('C:\\Users\\ana\\report.pdf');
    expect(calls[0]?.params).toMatchObject({ format: 'html', options: { includeInternalNotes: true }, target: { kind: 'file', path: htmlPath, overwrite: true } });
    expect(printed).toEqual([{ htmlPath, pdfPath: 'C:\\Users\\ana\\report.pdf' }]);
    expect(outcome).toMatchObject({ kind: 'saved', fileName: 'report.pdf', format: 'pdf' });
    expect(run.stages).toEqual(['choosing', 'writing', 'printing']);
  });

  it('reports a failed print in the main process’s words', async () => {
    const { environment } = desktop(['/tmp/r.pdf'], async () => {
      throw new Error('The PDF could not be written: the folder is read-only.');
    });
    const failure = runExport(environment, { scope: SCOPE, format: 'pdf', ...NO_OPTIONS }, COUNT, callbacks());
    await expect(failure).rejects.toMatchObject({ code: 'internal', message: 'The PDF could not be written: the folder is read-only.', details: { step: 'pdf' } });
  });
});

describe('names and scopes', () => {
  it('offers the backend’s file name, a PDF the HTML one’s, and a plain one before the count', () => {
    expect(suggestedName('csv', COUNT)).toBe('transcripts-execution-batch-1.csv');
    expect(suggestedName('pdf', COUNT)).toBe('transcripts-execution-batch-1.pdf');
    expect(suggestedName('md-dir', undefined)).toBe('transcripts');
    expect(suggestedName('pdf', undefined)).toBe('transcripts.pdf');
  });

  it('exports a search’s transcripts with its filters, and nothing for a documents-only search', () => {
    expect(searchExportScope({ text: 'pix', experimentId: 'exp_1', speaker: 'synth' })).toEqual({ kind: 'search', text: 'pix', experimentId: 'exp_1', speaker: 'synth' });
    expect(searchExportScope({ text: 'pix', kind: 'transcript', execId: 'batch_1' })).toEqual({ kind: 'search', text: 'pix', execId: 'batch_1' });
    expect(searchExportScope({ text: 'pix', kind: 'document' })).toBeNull();
  });
});
