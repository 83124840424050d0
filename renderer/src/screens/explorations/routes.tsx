// /explorations (every exploration; the status filter and the deleted toggle live in the address)
// and /explorations/$explorationId (the tree; `node` is the open node, `perf=1` publishes timings).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { firstPageQuery } from '../../api/paged-rows';
import { apiPageSource, apiQuery, type PageQueryParams } from '../../api/queries';
import { rootRoute } from '../../app/root-route';

const listSearch = z.object({
  status: z.string().min(1).max(100).optional().catch(undefined),
  deleted: z.boolean().optional().catch(undefined),
});
export type ExplorationsListSearch = z.infer<typeof listSearch>;

/** What the list asks explorations.list for, from the address. */
export function explorationsListParams(search: ExplorationsListSearch): PageQueryParams<'explorations.list'> {
  return { includeDeleted: search.deleted ?? false, ...(search.status ? { status: search.status } : {}) };
}

export const explorationsListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'explorations',
  validateSearch: listSearch,
  loaderDeps: ({ search }) => search,
  // The first page is asked for with the navigation, while the screen's code loads.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(firstPageQuery(apiPageSource(context.api, 'explorations.list', explorationsListParams(deps))));
  },
  component: lazyRouteComponent(() => import('./ExplorationsList'), 'ExplorationsList'),
});

const pageSearch = z.object({
  node: z.string().min(1).max(200).optional().catch(undefined),
  perf: z.union([z.boolean(), z.number(), z.string()]).optional().catch(undefined),
});

export const explorationDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'explorations/$explorationId',
  validateSearch: pageSearch,
  // Both calls start while the route renders: the header and the tree arrive independently.
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'explorations.get', { id: params.explorationId }));
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'explorations.tree', { id: params.explorationId }));
  },
  component: lazyRouteComponent(() => import('./ExplorationPage'), 'ExplorationPage'),
});
