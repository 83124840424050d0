// /synths (the list; search, sort and facet filters live in the address) and /synths/$synthId
// (one synth's profile, outcomes and transcripts).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { apiQuery } from '../../api/queries';
import { rootRoute } from '../../app/root-route';
import { synthsListSearch } from './search';

export const synthsListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'synths',
  validateSearch: synthsListSearch,
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
