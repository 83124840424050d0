// /interviews (executions; status filter, start order and deleted experiments in the address),
// /interviews/$execId (one execution) and /interviews/$execId/transcripts/$synthId (one
// transcript; `?message=7` scrolls to a message: Search links there). A transcript is named by
// execution and synth because synth-lab's SQLite v15 files never filled transcripts.id.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { sortDirection, type SortDirection } from '../../../../shared/contract/paging';
import { firstPageQuery } from '../../api/paged-rows';
import { apiPageSource, apiQuery, type PageQueryParams } from '../../api/queries';
import { rootRoute } from '../../app/root-route';

// A hand-edited or outdated address never breaks the page: unreadable values are dropped.
const listSearch = z.object({
  /** Comma-separated statuses (`completed,failed`): short and readable in the address. */
  status: z.string().max(300).optional().catch(undefined),
  dir: sortDirection.optional().catch(undefined),
  deleted: z.boolean().optional().catch(undefined),
});

export type ExecutionsListSearch = z.infer<typeof listSearch>;

/** What the list asks research.executions for, from the address. */
export function executionsListParams(search: ExecutionsListSearch): PageQueryParams<'research.executions'> & { order: SortDirection } {
  const statuses = parseStatuses(search.status);
  return { order: search.dir ?? 'desc', includeDeletedExperiments: search.deleted ?? false, ...(statuses.length > 0 ? { status: statuses } : {}) };
}

export const interviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'interviews',
  validateSearch: listSearch,
  loaderDeps: ({ search }) => search,
  // The first page is asked for with the navigation, while the screen's code loads.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(firstPageQuery(apiPageSource(context.api, 'research.executions', executionsListParams(deps))));
  },
  component: lazyRouteComponent(() => import('./ExecutionsList'), 'ExecutionsList'),
});

export const EXECUTION_SECTIONS = ['documents', 'summary', 'prfaq', 'transcripts'] as const;

export const executionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'interviews/$execId',
  validateSearch: z.object({ section: z.enum(EXECUTION_SECTIONS).optional().catch(undefined) }),
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'research.execution', { execId: params.execId }));
  },
  component: lazyRouteComponent(() => import('./ExecutionPage'), 'ExecutionPage'),
});

export const transcriptRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'interviews/$execId/transcripts/$synthId',
  validateSearch: z.object({
    /** NormalizedMessage.index (the position in the stored array) to scroll to. */
    message: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
    view: z.enum(['conversation', 'raw']).optional().catch(undefined),
  }),
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'research.transcript', { execId: params.execId, synthId: params.synthId }));
  },
  component: lazyRouteComponent(() => import('./TranscriptPage'), 'TranscriptPage'),
});

/** Statuses from the address, in the order given; empty means all. */
export function parseStatuses(value: string | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((part) => part.trim()).filter((part) => part !== '' && part.length <= 50))].slice(0, 10);
}
