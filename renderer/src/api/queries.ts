// Query options derived from the contract: the key is the method and its params, the function is
// the typed call with TanStack Query's AbortSignal (so an abandoned or cancelled query stops on
// the backend too).
import { infiniteQueryOptions, queryOptions, type InfiniteData } from '@tanstack/react-query';
import type { MethodName, MethodResult, ParamsInput } from '../../../shared/api';
import type { ApiClient, CallArgs } from '../../../shared/api-client';
import type { Page } from '../../../shared/contract/paging';
import type { AppError } from '../../../shared/errors';

export type ApiQueryKey<M extends MethodName> = readonly ['api', M, ParamsInput<M>];

export function apiQueryKey<M extends MethodName>(method: M, params: ParamsInput<M>): ApiQueryKey<M> {
  return ['api', method, params] as const;
}

/** Query options for one call: `useQuery(apiQuery(client, 'experiments.get', { id }))`. */
export function apiQuery<M extends MethodName>(client: ApiClient, method: M, params: ParamsInput<M>) {
  return queryOptions({
    queryKey: apiQueryKey(method, params),
    queryFn: ({ signal }) => client.call(method, ...([params, { signal }] as unknown as CallArgs<M>)),
  });
}

/** Methods answering a keyset Page (`{ rows, nextCursor }`) and accepting a `cursor` param. */
export type PagedMethod = {
  [M in MethodName]: MethodResult<M> extends Page<unknown> ? (ParamsInput<M> extends { cursor?: string } ? M : never) : never;
}[MethodName];

export type RowOf<M extends PagedMethod> = MethodResult<M> extends Page<infer Row> ? Row : never;

/** Params of a paged method, without the cursor the infinite query manages. */
export type PageQueryParams<M extends PagedMethod> = Omit<ParamsInput<M>, 'cursor'>;

/** One answer of a paged method: its rows typed, and whatever else the method puts on a page. */
export type PageOf<M extends PagedMethod> = MethodResult<M> & Page<RowOf<M>>;

/** A keyset list: the cache key its pages live under, and how to fetch the page a cursor names. */
export interface PageSource<P extends Page<unknown>> {
  queryKey: readonly unknown[];
  /** The page `cursor` names; `limit` rows (the method's default page size when not given). */
  fetchPage: (cursor: string | null, signal: AbortSignal, limit?: number) => Promise<P>;
}

/** A paged method with these params, as a list of pages (for usePagedRows, the long tables' reader). */
export function apiPageSource<M extends PagedMethod>(client: ApiClient, method: M, params: PageQueryParams<M>): PageSource<PageOf<M>> {
  return {
    queryKey: ['api-pages', method, params] as const,
    fetchPage: async (cursor, signal, limit) => {
      const pageParams = { ...params, ...(cursor === null ? {} : { cursor }), ...(limit === undefined ? {} : { limit }) };
      const result = await client.call(method, ...([pageParams, { signal }] as unknown as CallArgs<M>));
      return result as PageOf<M>;
    },
  };
}

/** Infinite query options walking a keyset list page by page (short lists shown whole). */
export function apiPagesQuery<M extends PagedMethod>(client: ApiClient, method: M, params: PageQueryParams<M>) {
  const source = apiPageSource(client, method, params);
  return infiniteQueryOptions<PageOf<M>, AppError, InfiniteData<PageOf<M>, string | null>, readonly unknown[], string | null>({
    queryKey: source.queryKey,
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    queryFn: ({ pageParam, signal }) => source.fetchPage(pageParam, signal),
  });
}
