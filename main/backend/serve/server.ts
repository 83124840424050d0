// `synthlab-browser serve`: the built renderer and POST /api/<method> over plain node:http (a few
// routes and strict gatekeeping need no framework). Every request passes, in order: the Host check
// (403), the token (401), then the route.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { API_PATH_PREFIX } from '../../../shared/api';
import { DOWNLOAD_PATH_PREFIX } from '../../../shared/contract/export';
import { AppError } from '../../../shared/errors';
import type { DownloadRegistry } from '../export/downloads';
import { handleApiRequest, type ApiDispatch } from './api-route';
import { handleDownload } from './download-route';
import { placeholderPage } from './placeholder';
import {
  authenticate,
  createHostCheck,
  generateToken,
  isSameOriginApiRequest,
  sendEmpty,
  setBaseHeaders,
  tokenCookie,
  tokenCookieName,
} from './security';
import { indexFile, lookupStatic, sendFile } from './static-files';

export interface ServeOptions {
  dispatcher: { dispatch: ApiDispatch };
  /** Default 127.0.0.1. Another address exposes the server to the network: the token still guards it. */
  host?: string;
  /** Default 0: any free port (the chosen one is in the returned url). */
  port?: number;
  /** The built renderer; a placeholder page is served while it has no index.html. */
  staticDir?: string;
  /** Default: 32 random bytes. */
  token?: string;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
  /** More Host header names to accept (e.g. the machine's name when serving a lab network). */
  allowedHosts?: string[];
  /** Default 15 s: comment lines on an idle event stream. */
  heartbeatMs?: number;
  log?: (line: string) => void;
  /** Exports written for the browser (the same registry the dispatcher's export handler fills). */
  downloads?: DownloadRegistry;
}

export interface ServeServer {
  /** Open this in a browser: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  origin: string;
  token: string;
  host: string;
  port: number;
  /** Stops listening, ends every call in flight (their handlers see an aborted signal). */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export async function startServeServer(options: ServeOptions): Promise<ServeServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? generateToken();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const inFlight = new Set<AbortController>();
  let port = 0;
  let hostAllowed: (hostHeader: string | undefined) => boolean = () => false;

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`serve: ${request.method} ${request.url?.split('?')[0]} failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) sendEmpty(response, 500);
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setBaseHeaders(response);
    if (!hostAllowed(request.headers.host)) return sendEmpty(response, 403);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cookieName = tokenCookieName(port);
    const source = authenticate(request, url, token, cookieName);
    if (source === undefined) return sendEmpty(response, 401);

    if (url.pathname.startsWith(API_PATH_PREFIX)) {
      if (!isSameOriginApiRequest(request, hostAllowed)) return sendEmpty(response, 403);
      if (options.downloads !== undefined && url.pathname.startsWith(DOWNLOAD_PATH_PREFIX)) {
        return handleDownload(request, response, url.pathname.slice(DOWNLOAD_PATH_PREFIX.length), options.downloads);
      }
      return handleApiRequest(request, response, url.pathname.slice(API_PATH_PREFIX.length), {
        dispatch: options.dispatcher.dispatch,
        maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        inFlight,
        log,
        heartbeatMs: options.heartbeatMs ?? 15_000,
      });
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendEmpty(response, 405, { Allow: 'GET, HEAD' });
    // The page's own <script> and <link> requests cannot carry the token: a strict cookie does.
    const cookie: Record<string, string> = source === 'query' ? { 'Set-Cookie': tokenCookie(cookieName, token) } : {};
    return serveStatic(request, response, url.pathname, options.staticDir, cookie);
  }

  await listen(server, host, options.port ?? 0);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server did not report its address');
  port = address.port;
  hostAllowed = createHostCheck(host, port, options.allowedHosts);

  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = `http://${isIP(shownHost) === 6 ? `[${shownHost}]` : shownHost}:${port}`;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    host,
    port,
    close: () => closeServer(server, inFlight),
  };
}

async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  staticDir: string | undefined,
  cookie: Record<string, string>,
): Promise<void> {
  const lookup = staticDir === undefined ? ({ kind: 'index' } as const) : await lookupStatic(staticDir, pathname);
  if (lookup.kind === 'file') {
    // Vite names every file under assets/ after its content: one may stay cached for good, so a
    // reload neither downloads nor recompiles the app's code (Chromium keeps compiled code only for
    // what its HTTP cache holds). Everything else, index.html included, stays no-store.
    const caching: Record<string, string> = pathname.startsWith('/assets/') ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {};
    return sendFile(request, response, lookup, { ...cookie, 'Content-Security-Policy': "frame-ancestors 'none'", ...caching });
  }
  if (lookup.kind === 'refused' || lookup.kind === 'missing') return sendEmpty(response, 404);

  const index = await indexFile(staticDir);
  if (index) return sendFile(request, response, index, { ...cookie, 'Content-Security-Policy': "frame-ancestors 'none'" });
  const page = placeholderPage();
  response.writeHead(200, {
    ...cookie,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(page.html)),
    'Content-Security-Policy': page.contentSecurityPolicy,
  });
  response.end(request.method === 'HEAD' ? undefined : page.html);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const where = `${host}:${port}`;
      const message =
        error.code === 'EADDRINUSE'
          ? `Cannot serve on ${where}: the port is already in use. Choose another with --port.`
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? `Cannot serve on ${where}: this machine has no such address. Check --host.`
            : error.code === 'EACCES'
              ? `Cannot serve on ${where}: permission denied (ports below 1024 need privileges).`
              : `Cannot serve on ${where}: ${error.message}`;
      reject(new AppError('bad_request', message, { host, port, reason: error.code ?? error.message }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server, inFlight: Set<AbortController>): Promise<void> {
  for (const controller of inFlight) controller.abort();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
