// POST /api/<method>: JSON params in, the dispatcher's answer out, as JSON or (with
// `Accept: text/event-stream`) as `progress` events followed by one `result` event. The client
// closing the connection aborts the handler's signal.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSE_PROGRESS_EVENT, SSE_RESULT_EVENT, type ApiResponse } from '../../../shared/api';
import type { AppErrorValue, ErrorCode } from '../../../shared/errors';
import type { Dispatcher } from '../dispatcher';

export type ApiDispatch = Pick<Dispatcher, 'dispatch'>['dispatch'];

export interface ApiRouteOptions {
  dispatch: ApiDispatch;
  maxBodyBytes: number;
  /** Aborts are tracked so that closing the server ends every call in flight. */
  inFlight: Set<AbortController>;
  log: (line: string) => void;
  heartbeatMs: number;
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  bad_url: 400,
  unknown_method: 404,
  not_found: 404,
  read_only: 403,
  foreign_schema: 403,
  cancelled: 409,
  connection_changed: 409,
  no_database: 409,
  constraint_violation: 409,
  target_exists: 409,
  permission_denied: 403,
  disk_full: 507,
  not_a_directory: 400,
  timeout: 504,
  file_not_found: 502,
  not_sqlite: 502,
  corrupt_database: 502,
  unreachable: 502,
  auth_failed: 502,
  database_missing: 502,
  ssl_error: 502,
  connection_lost: 502,
  internal: 500,
};

export function statusForError(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  methodPath: string,
  options: ApiRouteOptions,
): Promise<void> {
  const headerId = request.headers['x-request-id'];
  const id = typeof headerId === 'string' && REQUEST_ID.test(headerId) ? headerId : `srv-${randomBytes(6).toString('hex')}`;
  const refuse = (status: number, error: AppErrorValue, headers: Record<string, string> = {}): void =>
    sendJson(response, status, { id, ok: false, error }, headers);

  if (request.method !== 'POST') {
    refuse(405, { code: 'bad_request', message: 'API methods are called with POST.' }, { Allow: 'POST' });
    return;
  }
  let method: string;
  try {
    method = decodeURIComponent(methodPath);
  } catch {
    refuse(400, { code: 'bad_request', message: 'The method name in the address is not readable.' });
    return;
  }
  if (!/^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
    refuse(415, { code: 'bad_request', message: 'Send the params as JSON, with Content-Type: application/json.' });
    return;
  }

  const body = await readBody(request, options.maxBodyBytes);
  if (body.kind === 'too_large') {
    refuse(
      413,
      {
        code: 'bad_request',
        message: `The request is too large: params may be at most ${formatBytes(options.maxBodyBytes)}.`,
        details: { limitBytes: options.maxBodyBytes },
      },
      { Connection: 'close' },
    );
    return;
  }
  if (body.kind === 'aborted') return;

  let params: unknown = {};
  if (body.text.trim() !== '') {
    try {
      params = JSON.parse(body.text);
    } catch (error) {
      refuse(400, {
        code: 'bad_request',
        message: 'The params are not valid JSON.',
        details: { reason: error instanceof Error ? error.message : String(error) },
      });
      return;
    }
  }

  const controller = new AbortController();
  options.inFlight.add(controller);
  // 'close' before the answer is complete means the caller went away (or cancelled).
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });

  try {
    if (wantsEventStream(request)) await answerWithEvents(response, { id, method, params }, controller.signal, options);
    else await answerWithJson(response, { id, method, params }, controller.signal, options);
  } finally {
    options.inFlight.delete(controller);
  }
}

function wantsEventStream(request: IncomingMessage): boolean {
  return (request.headers.accept ?? '').split(',').some((part) => part.trim().toLowerCase().startsWith('text/event-stream'));
}

async function answerWithJson(
  response: ServerResponse,
  call: { id: string; method: string; params: unknown },
  signal: AbortSignal,
  options: ApiRouteOptions,
): Promise<void> {
  const answer = await options.dispatch(call, { signal });
  if (response.destroyed) return;
  const status = answer.ok ? 200 : statusForError(answer.error.code);
  sendJson(response, status, answer, {}, options.log);
}

async function answerWithEvents(
  response: ServerResponse,
  call: { id: string; method: string; params: unknown },
  signal: AbortSignal,
  options: ApiRouteOptions,
): Promise<void> {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
  // Comments keep idle connections (and any proxy) from timing out during long silent calls.
  const heartbeat = setInterval(() => {
    if (!response.writableNeedDrain) response.write(': keep-alive\n\n');
  }, options.heartbeatMs);
  try {
    const answer = await options.dispatch(call, {
      signal,
      onProgress(event) {
        // Progress is lossy by nature: skip events while the socket is still busy with earlier ones.
        if (!response.destroyed && !response.writableNeedDrain) response.write(sseEvent(SSE_PROGRESS_EVENT, JSON.stringify(event)));
      },
    });
    if (response.destroyed) return;
    response.end(sseEvent(SSE_RESULT_EVENT, encodeAnswer(answer, options.log).body));
  } finally {
    clearInterval(heartbeat);
  }
}

function sseEvent(event: string, data: string): string {
  // JSON.stringify never emits raw newlines, so one data line carries the whole payload.
  return `event: ${event}\ndata: ${data}\n\n`;
}

function sendJson(
  response: ServerResponse,
  status: number,
  answer: ApiResponse,
  headers: Record<string, string> = {},
  log?: (line: string) => void,
): void {
  const { body, encoded } = encodeAnswer(answer, log);
  response.writeHead(encoded ? status : 500, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

/** A result that cannot be encoded (a BigInt, a cycle) becomes an 'internal' error, not a crash. */
function encodeAnswer(answer: ApiResponse, log?: (line: string) => void): { body: string; encoded: boolean } {
  try {
    return { body: JSON.stringify(answer), encoded: true };
  } catch (error) {
    log?.(`serve: could not encode the answer to ${answer.id}: ${error instanceof Error ? error.message : String(error)}`);
    const fallback: ApiResponse = {
      id: answer.id,
      ok: false,
      error: { code: 'internal', message: 'The answer could not be encoded as JSON.' },
    };
    return { body: JSON.stringify(fallback), encoded: false };
  }
}

type BodyRead = { kind: 'ok'; text: string } | { kind: 'too_large' } | { kind: 'aborted' };

function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume(); // drain in the background so the 413 reaches the client
    return Promise.resolve({ kind: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        finish({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => finish({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => finish({ kind: 'aborted' }));
    request.on('close', () => finish({ kind: 'aborted' }));
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
