// /interviews (executions; status filter, start order and deleted experiments in the address),
// /interviews/$execId (one execution) and /interviews/$execId/transcripts/$synthId (one
// transcript; `?message=7` scrolls to a message: Search links there). A transcript is named by
// execution and synth because synth-lab's SQLite v15 files never filled transcripts.id.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { sortDirection } from '../../../../shared/contract/paging';
import { apiQuery } from '../../api/queries';
import { rootRoute } from '../../app/root-route';

// A hand-edited or outdated address never breaks the page: unreadable values are dropped.
const listSearch = z.object({
  /** Comma-separated statuses (`completed,failed`): short and readable in the address. */
  status: z.string().max(300).optional().catch(undefined),
  dir: sortDirection.optional().catch(undefined),
  deleted: z.boolean().optional().catch(undefined),
});

export const interviewsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'interviews',
  validateSearch: listSearch,
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
