// GET /api/download/<id>: an export written for the browser (export.transcripts with a download
// target), sent once as an attachment and then deleted. The token and origin checks of every API
// request have already run.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { DownloadRegistry } from '../export/downloads';
import { sendEmpty } from './security';

const DOWNLOAD_ID = /^[A-Za-z0-9_-]{10,64}$/;

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function handleDownload(request: IncomingMessage, response: ServerResponse, id: string, downloads: DownloadRegistry): Promise<void> {
  if (request.method !== 'GET') return sendEmpty(response, 405, { Allow: 'GET' });
  const entry = DOWNLOAD_ID.test(id) ? downloads.claim(id) : undefined;
  if (entry === undefined) return sendEmpty(response, 404);
  response.writeHead(200, {
    'Content-Type': /charset=/i.test(entry.mimeType) ? entry.mimeType : `${entry.mimeType}; charset=utf-8`,
    'Content-Length': String(entry.bytes),
    'Content-Disposition': contentDisposition(entry.fileName),
  });
  let delivered = false;
  try {
    await pipeline(createReadStream(entry.path), response);
    delivered = true;
  } catch {
    // The browser went away mid-transfer: the download stays available until it expires.
  } finally {
    await downloads.release(entry, delivered);
  }
}
