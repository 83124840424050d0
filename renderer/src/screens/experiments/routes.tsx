// /experiments (list; search, sort and the deleted toggle live in the address so a view can be
// bookmarked and Back restores it) and /experiments/$experimentId (one experiment).
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { EXPERIMENT_SORTS, type ExperimentSort } from '../../../../shared/contract/experiments';
import { sortDirection, type SortDirection } from '../../../../shared/contract/paging';
import { firstPageQuery } from '../../api/paged-rows';
import { apiPageSource, apiQuery, type PageQueryParams } from '../../api/queries';
import { rootRoute } from '../../app/root-route';
import { analysisSearchShape } from './analysis/search';
import { ExperimentDetail } from './ExperimentDetail';
import { ExperimentsList } from './ExperimentsList';

// A hand-edited or outdated address never breaks the page: unreadable values are dropped.
const listSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  sort: z.enum(EXPERIMENT_SORTS).optional().catch(undefined),
  dir: sortDirection.optional().catch(undefined),
  deleted: z.boolean().optional().catch(undefined),
});
export type ExperimentsListSearch = z.infer<typeof listSearch>;

export function defaultListDirection(sort: string): SortDirection {
  return sort === 'name' ? 'asc' : 'desc';
}

/** What the list asks experiments.list for, from the address. */
export function experimentsListParams(search: ExperimentsListSearch): PageQueryParams<'experiments.list'> & { sort: ExperimentSort; direction: SortDirection } {
  const sort = search.sort ?? 'created';
  return { sort, direction: search.dir ?? defaultListDirection(sort), includeDeleted: search.deleted ?? false, ...(search.q ? { search: search.q } : {}) };
}

export const experimentsListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'experiments',
  validateSearch: listSearch,
  loaderDeps: ({ search }) => search,
  // The first page is asked for as soon as the address is known (when the app opens, before its
  // first render); the table finds it in the cache.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(firstPageQuery(apiPageSource(context.api, 'experiments.list', experimentsListParams(deps))));
  },
  component: ExperimentsList,
});

export const EXPERIMENT_TABS = ['overview', 'analysis', 'interviews', 'explorations', 'documents', 'guide', 'raw'] as const;
export type ExperimentTab = (typeof EXPERIMENT_TABS)[number];

export const experimentDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'experiments/$experimentId',
  validateSearch: z.object({
    tab: z.enum(EXPERIMENT_TABS).optional().catch(undefined),
    /** The document shown in the Documents tab. */
    doc: z.string().min(1).max(200).optional().catch(undefined),
    /** The Analysis tab's observable, outcome sort and filters, and cache entry. */
    ...analysisSearchShape,
  }),
  // Start fetching while the route renders; the page shows its skeleton until the answer arrives.
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'experiments.get', { id: params.experimentId }));
  },
  component: ExperimentDetail,
});
