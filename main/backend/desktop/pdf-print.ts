// PDF export in the desktop app: Chromium prints the HTML export. The page to print is served to a
// hidden, JavaScript-less window of its own session as `app://print/<random>.html`, with a
// Content-Security-Policy that forbids every subresource (no network, no other local file, no
// frames), so printing reads exactly one file. The PDF is written beside its target and renamed
// into place, so a failure never leaves half a PDF; the HTML working file is removed either way.
// main/electron/exports.ts supplies the window that renders; everything else is here, tested.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { PrintToPdfRequest } from '../../../shared/desktop-bridge';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../settings/atomic-write';
import { APP_SCHEME } from './app-protocol';

export const PRINT_HOST = 'print';
export const PRINT_ORIGIN = `${APP_SCHEME}://${PRINT_HOST}`;

/** Inline styles only: the HTML export carries its stylesheet in a <style> element. */
export const PRINT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The pages being printed now: URL → HTML file. */
export class PrintJobs {
  readonly #pages = new Map<string, string>();

  open(htmlPath: string): { url: string; close(): void } {
    const url = `${PRINT_ORIGIN}/${randomUUID()}.html`;
    this.#pages.set(url, htmlPath);
    return { url, close: () => void this.#pages.delete(url) };
  }

  fileFor(url: string): string | undefined {
    return this.#pages.get(url);
  }

  get size(): number {
    return this.#pages.size;
  }
}

/** The print session's app:// handler: the one page of a running job, nothing else. */
export async function handlePrintRequest(request: Pick<Request, 'url' | 'method'>, jobs: PrintJobs): Promise<Response> {
  const headers = { 'Content-Security-Policy': PRINT_CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405, headers });
  const file = jobs.fileFor(request.url);
  if (file === undefined) return new Response('Not found', { status: 404, headers });
  try {
    const info = await stat(file);
    if (!info.isFile()) return new Response('Not found', { status: 404, headers });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** Renders the page at `url` (served by handlePrintRequest) and resolves the PDF's bytes. */
export type PdfRenderer = (url: string) => Promise<Uint8Array>;

/**
 * Prints `htmlPath` to `pdfPath` (both already checked by ExportTargets.checkPrint). The PDF
 * replaces an existing file only once it is complete; the HTML working file is removed.
 */
export async function printHtmlFileToPdf(request: PrintToPdfRequest, render: PdfRenderer, jobs: PrintJobs): Promise<void> {
  const { htmlPath, pdfPath } = request;
  const info = await stat(htmlPath).catch(() => null);
  if (info === null || !info.isFile()) {
    throw new AppError('file_not_found', 'The HTML export to print was not found: export it again.', { htmlPath });
  }
  const page = jobs.open(htmlPath);
  try {
    let pdf: Uint8Array;
    try {
      pdf = await render(page.url);
    } catch (error) {
      throw new AppError('internal', 'The PDF could not be made from the HTML export.', { reason: describe(error) });
    }
    try {
      await writeFileAtomic(pdfPath, pdf, 0o666);
    } catch (error) {
      throw new AppError('internal', `The PDF could not be written to ${pdfPath}.`, { reason: describe(error) });
    }
  } finally {
    page.close();
    await rm(htmlPath, { force: true }).catch(() => undefined);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
