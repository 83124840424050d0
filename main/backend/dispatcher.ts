// One dispatcher for every transport (MessagePort, serve mode's HTTP, CLI, tests): method name →
// params validated against shared/api.ts → handler → typed result, or a typed error value. It never
// throws and never lets a stack trace or a driver's raw text reach the caller.
import type { z } from 'zod';
import {
  hasMethod,
  type Api,
  type ApiRequest,
  type ApiResponse,
  type Contract,
  type MethodOf,
  type MethodResult,
  type ParamsOutput,
  type ProgressEvent,
  type ProgressUpdate,
} from '../../shared/api';
import { AppError, type AppErrorValue } from '../../shared/errors';
import { toAppError } from './db/errors';

export interface HandlerContext {
  /** Aborted when the caller cancels or goes away; pass it on to long queries. */
  signal: AbortSignal;
  /** Reports progress of a long call; ignored once the call has ended. */
  progress(update: ProgressUpdate): void;
  requestId: string;
}

export type Handler<M extends MethodOf<C>, C extends Contract = Api> = (
  params: ParamsOutput<M, C>,
  context: HandlerContext,
) => MethodResult<M, C> | Promise<MethodResult<M, C>>;

/** Handlers for some methods, as a service module exports them: `{ 'experiments.list': … }`. */
export type HandlerMap<M extends MethodOf<C>, C extends Contract = Api> = { [K in M]: Handler<K, C> };

export interface DispatchOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

export interface DispatcherOptions {
  /** Sees every error that became 'internal', with its stack: for logs, never for the caller. */
  onInternalError?: (error: unknown, method: string) => void;
}

export interface Dispatcher<C extends Contract = Api> {
  register<M extends MethodOf<C>>(method: M, handler: Handler<M, C>): void;
  registerAll<M extends MethodOf<C>>(handlers: HandlerMap<M, C>): void;
  has(method: MethodOf<C>): boolean;
  /** Always resolves: a result, or an error value. */
  dispatch(request: ApiRequest, options?: DispatchOptions): Promise<ApiResponse>;
}

const MAX_REPORTED_ISSUES = 20;
const MAX_ISSUES_IN_MESSAGE = 3;

/** `createDispatcher(api)` in the app; tests may pass a contract of their own. */
export function createDispatcher<C extends Contract>(contract: C, options: DispatcherOptions = {}): Dispatcher<C> {
  // Stored loosely typed on purpose: register() is the typed door, and dispatch() only hands each
  // handler params that its own schema produced.
  const handlers = new Map<string, (params: unknown, context: HandlerContext) => unknown>();

  function register<M extends MethodOf<C>>(method: M, handler: Handler<M, C>): void {
    if (!hasMethod(contract, method)) throw new Error(`Cannot register "${method}": it is not in the contract`);
    if (handlers.has(method)) throw new Error(`A handler for "${method}" is already registered`);
    handlers.set(method, (params, context) => handler(params as ParamsOutput<M, C>, context));
  }

  function registerAll<M extends MethodOf<C>>(map: HandlerMap<M, C>): void {
    for (const method of Object.keys(map) as M[]) register(method, map[method]);
  }

  async function dispatch(request: ApiRequest, dispatchOptions: DispatchOptions = {}): Promise<ApiResponse> {
    const { id, method } = request;
    const fail = (error: AppErrorValue): ApiResponse => ({ id, ok: false, error });

    if (typeof method !== 'string' || !hasMethod(contract, method)) return fail(unknownMethod(method));
    const handler = handlers.get(method);
    if (!handler) return fail(unknownMethod(method, true));

    const parsed = contract[method]!.params.safeParse(request.params ?? {});
    if (!parsed.success) return fail(badParams(method, parsed.error));

    const signal = dispatchOptions.signal ?? new AbortController().signal;
    if (signal.aborted) return fail(cancelled(method));

    let settled = false;
    const context: HandlerContext = {
      signal,
      requestId: id,
      progress(update) {
        if (settled || signal.aborted || !dispatchOptions.onProgress) return;
        try {
          dispatchOptions.onProgress(progressEvent(id, update));
        } catch (error) {
          options.onInternalError?.(error, method);
        }
      },
    };

    // The handler may ignore its signal; the caller still hears 'cancelled' at once.
    let stopListening = (): void => undefined;
    const whenCancelled = new Promise<ApiResponse>((resolve) => {
      const onAbort = (): void => resolve(fail(cancelled(method)));
      signal.addEventListener('abort', onAbort, { once: true });
      stopListening = () => signal.removeEventListener('abort', onAbort);
    });

    const run = (async (): Promise<ApiResponse> => {
      try {
        const result = await handler(parsed.data, context);
        if (signal.aborted) return fail(cancelled(method));
        return { id, ok: true, result };
      } catch (error) {
        if (signal.aborted) return fail(cancelled(method));
        return fail(mapError(error, method, options));
      }
    })();

    try {
      return await Promise.race([run, whenCancelled]);
    } finally {
      settled = true;
      stopListening();
    }
  }

  return { register, registerAll, has: (method) => handlers.has(method), dispatch };
}

function mapError(error: unknown, method: string, options: DispatcherOptions): AppErrorValue {
  let value: AppErrorValue;
  try {
    value = error instanceof AppError ? error.toValue() : toAppError(error).toValue();
  } catch (mappingError) {
    options.onInternalError?.(mappingError, method);
    value = { code: 'internal', message: 'Something went wrong inside the app.' };
  }
  if (value.code === 'internal') options.onInternalError?.(error, method);
  return value;
}

function progressEvent(id: string, update: ProgressUpdate): ProgressEvent {
  const event: ProgressEvent = { id, done: update.done };
  if (update.total !== undefined) event.total = update.total;
  if (update.message !== undefined) event.message = update.message;
  if (update.rate !== undefined) event.rate = update.rate;
  if (update.etaMs !== undefined) event.etaMs = update.etaMs;
  return event;
}

function unknownMethod(method: unknown, knownButNotServed = false): AppErrorValue {
  const shown = typeof method === 'string' ? method.slice(0, 100) : String(typeof method);
  return knownButNotServed
    ? {
        code: 'unknown_method',
        message: `The method "${shown}" is not available here yet.`,
        details: { method: shown, registered: false },
      }
    : { code: 'unknown_method', message: `There is no method called "${shown}".`, details: { method: shown } };
}

function cancelled(method: string): AppErrorValue {
  return { code: 'cancelled', message: 'The request was cancelled.', details: { method } };
}

interface ReportedIssue {
  path: string;
  code: string;
  message: string;
}

function badParams(method: string, error: z.ZodError): AppErrorValue {
  const issues: ReportedIssue[] = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: readableIssue(issue),
  }));
  const described = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${issue.path === '' ? 'params' : `"${issue.path}"`}: ${lowerFirst(issue.message)}`);
  const more = error.issues.length - described.length;
  const suffix = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '';
  return {
    code: 'bad_request',
    message: `Bad parameters for ${method}: ${described.join('; ')}${suffix}.`,
    details: { method, issues },
  };
}

// zod says "expected number, received undefined" for a field left out; say it plainly.
function readableIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `Required (expected ${issue.expected})`;
  return issue.message;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}
