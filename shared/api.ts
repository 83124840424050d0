// The API contract: one map of method name → { params: zod schema, result: type }. The backend's
// dispatcher validates every request against it, and the typed client derives from it, so adding a
// method is one entry here plus one handler in main/backend.
import { z } from 'zod';
import { ERROR_CODES, type AppErrorValue } from './errors';
import type { MethodDefinition, ResultType } from './contract/define';
import { appApi } from './contract/app';
import { connectionApi } from './contract/connection';
import { experimentsApi } from './contract/experiments';
import { analysisApi } from './contract/analysis';
import { synthsApi } from './contract/synths';
import { researchApi } from './contract/research';
import { documentsApi } from './contract/documents';
import { searchApi } from './contract/search';
import { explorationsApi } from './contract/explorations';
import { insightsApi } from './contract/insights';
import { tablesApi } from './contract/tables';
import { exportApi } from './contract/export';

export { returns, type MethodDefinition, type ResultType } from './contract/define';
export type { AppInfo } from './contract/app';

// ---- the contract ------------------------------------------------------------------------------
// Each domain keeps its methods, params and result types in shared/contract/<domain>.ts; this map
// joins them. Adding a method: one entry in its domain's map, e.g.
//   'experiments.get': { params: z.strictObject({ id: z.string().max(100) }), result: returns<ExperimentDetail>() },
// and one handler in main/backend/services/<domain>.ts.
// Params are strict objects: an unknown key is a bad_request, which catches typos on the caller's side.

export const api = {
  ...appApi,
  ...connectionApi,
  ...experimentsApi,
  ...analysisApi,
  ...synthsApi,
  ...researchApi,
  ...documentsApi,
  ...searchApi,
  ...explorationsApi,
  ...insightsApi,
  ...tablesApi,
  ...exportApi,
} satisfies Record<string, MethodDefinition>;

export type Api = typeof api;
export type MethodName = keyof Api;

/** Any contract shaped like `api`; the dispatcher and client also accept others (tests use small ones). */
export type Contract = Record<string, MethodDefinition>;
export type MethodOf<C extends Contract> = keyof C & string;

/** Params as the caller writes them (defaults may be omitted). */
export type ParamsInput<M extends MethodOf<C>, C extends Contract = Api> = z.input<C[M]['params']>;
/** Params as the handler receives them, after validation and defaults. */
export type ParamsOutput<M extends MethodOf<C>, C extends Contract = Api> = z.output<C[M]['params']>;
export type MethodResult<M extends MethodOf<C>, C extends Contract = Api> =
  C[M]['result'] extends ResultType<infer Result> ? Result : never;

export function hasMethod<C extends Contract>(contract: C, name: string): name is MethodOf<C> {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

// ---- wire shapes, the same on every transport -------------------------------------------------

export interface ApiRequest {
  id: string;
  method: string;
  params: unknown;
}

export type ApiResponse<Result = unknown> =
  | { id: string; ok: true; result: Result }
  | { id: string; ok: false; error: AppErrorValue };

/**
 * Progress of a long call: `done` out of `total` (when known) units, with an optional line of text,
 * and for calls that can estimate them, units per second and the time left.
 */
export interface ProgressEvent {
  id: string;
  done: number;
  total?: number;
  message?: string;
  /** Units per second so far. */
  rate?: number;
  /** Estimated milliseconds until done. */
  etaMs?: number;
}

export type ProgressUpdate = Omit<ProgressEvent, 'id'>;

/** Asks the backend to stop the call with this id; the call then answers with a 'cancelled' error. */
export interface CancelMessage {
  id: string;
  cancel: true;
}

// Schemas for messages arriving from the other side of a transport, which is never trusted.

const requestId = z.string().min(1).max(200);

export const apiRequestSchema = z.object({ id: requestId, method: z.string(), params: z.unknown() });

export const appErrorValueSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const apiResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.string(), ok: z.literal(false), error: appErrorValueSchema }),
]);

export const progressEventSchema = z.object({
  id: z.string(),
  done: z.number(),
  total: z.number().optional(),
  message: z.string().optional(),
  rate: z.number().optional(),
  etaMs: z.number().optional(),
});

export const cancelMessageSchema = z.object({ id: requestId, cancel: z.literal(true) });

// ---- serve mode's HTTP binding ------------------------------------------------------------------
// POST /api/<method> with the params as a JSON body. `Accept: text/event-stream` asks for a stream:
// zero or more `progress` events, then exactly one `result` event carrying the ApiResponse.

export const API_PATH_PREFIX = '/api/';
export const SSE_PROGRESS_EVENT = 'progress';
export const SSE_RESULT_EVENT = 'result';
