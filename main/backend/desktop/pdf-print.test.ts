// Printing an HTML export to PDF, with the window that renders played by a function that fetches
// the page the way Chromium would (through the print handler): exactly one file is served, with a
// CSP that allows no subresource; the PDF appears complete or not at all; the HTML is removed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfSourceHtmlPath } from '../../../shared/desktop-bridge';
import { isAppError } from '../../../shared/errors';
import { makeTempDir } from '../test-support/tmp';
import { handlePrintRequest, PRINT_CONTENT_SECURITY_POLICY, PRINT_ORIGIN, PrintJobs, printHtmlFileToPdf, type PdfRenderer } from './pdf-print';

const HTML = '<!doctype html><meta charset="utf-8"><style>h1{color:teal}</style><h1>Entrevista com Conceição</h1>';
let temp: { dir: string; cleanup: () => void };
let pdfPath: string;
let htmlPath: string;
beforeEach(() => {
  temp = makeTempDir('slb-pdf-print-');
  pdfPath = join(temp.dir, 'relatório.pdf');
  htmlPath = pdfSourceHtmlPath(pdfPath);
  writeFileSync(htmlPath, HTML);
});
afterEach(() => temp.cleanup());

/** Loads the page through the handler, as the hidden window would, and "prints" what it got. */
function renderThrough(jobs: PrintJobs, seen: { url?: string; csp?: string | null } = {}): PdfRenderer {
  return async (url) => {
    const response = await handlePrintRequest({ url, method: 'GET' }, jobs);
    expect(response.status).toBe(200);
    seen.url = url;
    seen.csp = response.headers.get('content-security-policy');
    return new TextEncoder().encode(`%PDF-1.7 ${await response.text()}`);
  };
}

describe('printing an HTML export to PDF', () => {
  it('serves the HTML once, under a CSP that forbids every subresource, and writes the PDF', async () => {
    const jobs = new PrintJobs();
    const seen: { url?: string; csp?: string | null } = {};
    await printHtmlFileToPdf({ htmlPath, pdfPath }, renderThrough(jobs, seen), jobs);

    expect(readFileSync(pdfPath, 'utf8')).toBe(`%PDF-1.7 ${HTML}`);
    expect(seen.url?.startsWith(`${PRINT_ORIGIN}/`)).toBe(true);
    expect(seen.csp).toBe(PRINT_CONTENT_SECURITY_POLICY);
    expect(PRINT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    // The job is over: its URL serves nothing now, and the working HTML is gone.
    expect((await handlePrintRequest({ url: seen.url as string, method: 'GET' }, jobs)).status).toBe(404);
    expect(jobs.size).toBe(0);
    expect(existsSync(htmlPath)).toBe(false);
    expect(readdirSync(temp.dir)).toEqual(['relatório.pdf']);
  });

  it('serves nothing but the running job’s page', async () => {
    const jobs = new PrintJobs();
    const job = jobs.open(htmlPath);
    writeFileSync(join(temp.dir, 'secret.txt'), 'TOP SECRET');
    const probes = [
      `${PRINT_ORIGIN}/secret.txt`,
      `${PRINT_ORIGIN}/../secret.txt`,
      `${job.url}?x=1`,
      `${job.url.replace('.html', '')}`,
      `app://synthlab/index.html`,
      `file://${join(temp.dir, 'secret.txt')}`,
    ];
    for (const url of probes) expect((await handlePrintRequest({ url, method: 'GET' }, jobs)).status, url).toBe(404);
    expect((await handlePrintRequest({ url: job.url, method: 'POST' }, jobs)).status).toBe(405);
    expect(await (await handlePrintRequest({ url: job.url, method: 'GET' }, jobs)).text()).toBe(HTML);
    job.close();
  });

  it('leaves an existing PDF untouched and no temporary file behind when rendering fails', async () => {
    writeFileSync(pdfPath, 'the previous PDF');
    const jobs = new PrintJobs();
    const error = await printHtmlFileToPdf({ htmlPath, pdfPath }, async () => Promise.reject(new Error('render process gone')), jobs).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('internal');
    expect(isAppError(error) && error.message).toBe('The PDF could not be made from the HTML export.');
    expect(readFileSync(pdfPath, 'utf8')).toBe('the previous PDF');
    expect(readdirSync(temp.dir)).toEqual(['relatório.pdf']);
    expect(jobs.size).toBe(0);
  });

  it('replaces an existing PDF the user chose to overwrite', async () => {
    writeFileSync(pdfPath, 'the previous PDF');
    const jobs = new PrintJobs();
    await printHtmlFileToPdf({ htmlPath, pdfPath }, renderThrough(jobs), jobs);
    expect(readFileSync(pdfPath, 'utf8').startsWith('%PDF-1.7')).toBe(true);
  });

  it('says so when the HTML export is missing, or is a folder', async () => {
    const jobs = new PrintJobs();
    const missing = await printHtmlFileToPdf({ htmlPath: join(temp.dir, '.gone.pdf.print.html'), pdfPath }, renderThrough(jobs), jobs).catch((caught: unknown) => caught);
    expect(isAppError(missing) && missing.code).toBe('file_not_found');
    const folder = await printHtmlFileToPdf({ htmlPath: temp.dir, pdfPath }, renderThrough(jobs), jobs).catch((caught: unknown) => caught);
    expect(isAppError(folder) && folder.code).toBe('file_not_found');
    expect(existsSync(pdfPath)).toBe(false);
  });

  it('reports a PDF that cannot be written, naming where', async () => {
    const jobs = new PrintJobs();
    const nowhere = join(temp.dir, 'no-such-folder', 'r.pdf');
    const error = await printHtmlFileToPdf({ htmlPath, pdfPath: nowhere }, renderThrough(jobs), jobs).catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe('internal');
    expect(isAppError(error) && error.message).toContain(nowhere);
  });
});
