// /synths (the list; search, sort and facet filters live in the address) and /synths/$synthId
// (one synth's profile, outcomes and transcripts).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { firstPageQuery } from '../../api/paged-rows';
import { apiPageSource, apiQuery } from '../../api/queries';
import { rootRoute } from '../../app/root-route';
import { filtersOf, synthsListParams, synthsListSearch } from './search';

export const synthsListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'synths',
  validateSearch: synthsListSearch,
  loaderDeps: ({ search }) => search,
  // The grid's first page, the facet counts and the groups are asked for with the navigation, while
  // the screen's code loads; the screen finds them in the cache.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(firstPageQuery(apiPageSource(context.api, 'synths.list', synthsListParams(deps))));
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'synths.facets', filtersOf(deps)));
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'synths.groups', {}));
  },
  component: lazyRouteComponent(() => import('./SynthsList'), 'SynthsList'),
});

export const synthDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'synths/$synthId',
  // Start fetching while the route renders; the page shows its skeleton until the answer arrives.
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'synths.get', { id: params.synthId }));
  },
  component: lazyRouteComponent(() => import('./SynthDetail'), 'SynthDetail'),
});
