// The desktop app's transport: API requests travel over a MessagePort straight to the backend's
// utility process (DESIGN.md, Beekeeper's pattern), with the wire shapes of shared/api.ts. It runs
// in the preload (which owns the port and never hands it to the page) and in Node tests over
// worker_threads ports. The backend may die and come back with a new port: `disconnect` fails what
// was in flight with a typed error and `attach` resumes with calls queued meanwhile.
import { z } from 'zod';
import { progressEventSchema, type ApiRequest, type ApiResponse, type CancelMessage, type ProgressEvent } from './api';
import type { ApiTransport, TransportCall } from './api-client';
import { AppError, ERROR_CODES, type AppErrorValue, type ErrorCode } from './errors';

/** What a DOM MessagePort and (wrapped) a Node worker_threads MessagePort both offer. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** A DOM port delivers nothing to addEventListener listeners until started. */
  start?(): void;
  close(): void;
}

export interface PortTransportOptions {
  /** How long a call waits for a port (at start, or while the backend restarts) before failing. */
  waitForPortMs?: number;
  /** Sees messages from the backend that fit no wire shape (for logs). */
  onBadMessage?: (message: unknown) => void;
}

export interface PortTransport {
  transport: ApiTransport;
  /** Starts using `port`; calls queued while there was none are sent on it. A previous port is closed. */
  attach(port: MessagePortLike): void;
  /**
   * The backend went away: every call in flight fails with `reason`. With `reconnecting`, new calls
   * wait for the next `attach`; without, they fail with `reason` at once until a port is attached.
   */
  disconnect(reason: AppErrorValue, options: { reconnecting: boolean }): void;
  readonly attached: boolean;
  /** Calls sent and not yet answered (for tests and diagnostics). */
  readonly inFlight: number;
}

interface InFlight {
  resolve: (response: ApiResponse) => void;
  reject: (error: AppError) => void;
  onProgress: TransportCall['onProgress'];
  cleanup: () => void;
}

interface Queued {
  request: ApiRequest;
  call: TransportCall;
  resolve: (response: ApiResponse) => void;
  reject: (error: AppError) => void;
  timer: ReturnType<typeof setTimeout>;
  cleanup: () => void;
}

const DEFAULT_WAIT_FOR_PORT_MS = 30_000;

export function createPortTransport(options: PortTransportOptions = {}): PortTransport {
  const waitForPortMs = options.waitForPortMs ?? DEFAULT_WAIT_FOR_PORT_MS;
  let port: MessagePortLike | null = null;
  /** Why calls fail at once, when the backend is gone for good; null while one is expected. */
  let stopped: AppErrorValue | null = null;
  const inFlight = new Map<string, InFlight>();
  const queue = new Set<Queued>();

  const onMessage = (event: { data: unknown }): void => receive(event.data);

  function receive(data: unknown): void {
    const response = wireResponseSchema.safeParse(data);
    if (response.success) {
      const waiting = inFlight.get(response.data.id);
      if (!waiting) return; // answered after a cancel, or never ours: nothing waits for it
      inFlight.delete(response.data.id);
      waiting.cleanup();
      waiting.resolve(withKnownCode(response.data));
      return;
    }
    const progress = progressEventSchema.safeParse(data);
    if (progress.success) {
      const event: ProgressEvent = { id: progress.data.id, done: progress.data.done };
      if (progress.data.total !== undefined) event.total = progress.data.total;
      if (progress.data.message !== undefined) event.message = progress.data.message;
      if (progress.data.rate !== undefined) event.rate = progress.data.rate;
      if (progress.data.etaMs !== undefined) event.etaMs = progress.data.etaMs;
      inFlight.get(event.id)?.onProgress?.(event);
      return;
    }
    options.onBadMessage?.(data);
  }

  function dispatch(current: MessagePortLike, request: ApiRequest, call: TransportCall, resolve: Queued['resolve'], reject: Queued['reject']): void {
    if (inFlight.has(request.id)) {
      reject(new AppError('bad_request', 'A request with this id is already waiting for its answer.', { id: request.id }));
      return;
    }
    const onAbort = (): void => {
      const waiting = inFlight.get(request.id);
      if (!waiting) return;
      inFlight.delete(request.id);
      waiting.cleanup();
      // Tell the backend to stop; the caller hears 'cancelled' now, not when the backend agrees.
      const cancel: CancelMessage = { id: request.id, cancel: true };
      if (port === current) safePost(current, cancel);
      reject(new AppError('cancelled', 'The request was cancelled.'));
    };
    call.signal.addEventListener('abort', onAbort, { once: true });
    inFlight.set(request.id, {
      resolve,
      reject,
      onProgress: call.onProgress,
      cleanup: () => call.signal.removeEventListener('abort', onAbort),
    });
    try {
      current.postMessage(request);
    } catch (error) {
      // Params that cannot be cloned (a function, a DOM node) never leave this side.
      inFlight.delete(request.id);
      call.signal.removeEventListener('abort', onAbort);
      reject(new AppError('bad_request', 'The request could not be sent: its parameters cannot be copied to the backend.', { reason: describe(error) }));
    }
  }

  function safePost(target: MessagePortLike, message: CancelMessage): void {
    try {
      target.postMessage(message);
    } catch {
      // the port is already closed: the backend is gone and the call with it
    }
  }

  function enqueue(request: ApiRequest, call: TransportCall): Promise<ApiResponse> {
    return new Promise<ApiResponse>((resolve, reject) => {
      const entry: Queued = {
        request,
        call,
        resolve,
        reject,
        timer: setTimeout(() => {
          queue.delete(entry);
          entry.cleanup();
          reject(new AppError('connection_lost', 'The app’s data process did not answer in time. It may still be starting: try again.', {
            waitedMs: waitForPortMs,
          }));
        }, waitForPortMs),
        cleanup: () => {
          clearTimeout(entry.timer);
          call.signal.removeEventListener('abort', onAbort);
        },
      };
      const onAbort = (): void => {
        if (!queue.delete(entry)) return;
        entry.cleanup();
        reject(new AppError('cancelled', 'The request was cancelled.'));
      };
      call.signal.addEventListener('abort', onAbort, { once: true });
      queue.add(entry);
    });
  }

  const transport: ApiTransport = {
    send(request, call) {
      if (call.signal.aborted) return Promise.reject(new AppError('cancelled', 'The request was cancelled.'));
      if (port === null) {
        if (stopped !== null) return Promise.reject(toAppError(stopped));
        return enqueue(request, call);
      }
      const current = port;
      return new Promise<ApiResponse>((resolve, reject) => dispatch(current, request, call, resolve, reject));
    },
  };

  function detachPort(): void {
    if (port === null) return;
    port.removeEventListener('message', onMessage);
    try {
      port.close();
    } catch {
      // already closed
    }
    port = null;
  }

  return {
    transport,
    attach(next) {
      detachPort();
      stopped = null;
      port = next;
      next.addEventListener('message', onMessage);
      next.start?.();
      for (const entry of [...queue]) {
        queue.delete(entry);
        entry.cleanup();
        if (entry.call.signal.aborted) entry.reject(new AppError('cancelled', 'The request was cancelled.'));
        else dispatch(next, entry.request, entry.call, entry.resolve, entry.reject);
      }
    },
    disconnect(reason, { reconnecting }) {
      detachPort();
      stopped = reconnecting ? null : reason;
      const failed = [...inFlight.values()];
      inFlight.clear();
      for (const waiting of failed) {
        waiting.cleanup();
        waiting.reject(toAppError(reason));
      }
      if (!reconnecting) {
        for (const entry of [...queue]) {
          queue.delete(entry);
          entry.cleanup();
          entry.reject(toAppError(reason));
        }
      }
    },
    get attached() {
      return port !== null;
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}

function toAppError(value: AppErrorValue): AppError {
  return new AppError(value.code, value.message, value.details);
}

// Error codes are read loosely: an answer with a code this side does not know (a newer backend)
// must still end its call, as 'internal', instead of being dropped and leaving the call hanging.
const wireResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
  }),
]);

function withKnownCode(response: z.infer<typeof wireResponseSchema>): ApiResponse {
  if (response.ok) return { id: response.id, ok: true, result: response.result };
  const { code, message, details } = response.error;
  if ((ERROR_CODES as readonly string[]).includes(code)) {
    const error: AppErrorValue = { code: code as ErrorCode, message };
    if (details !== undefined) error.details = details;
    return { id: response.id, ok: false, error };
  }
  return { id: response.id, ok: false, error: { code: 'internal', message, details: { ...details, serverCode: code } } };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
