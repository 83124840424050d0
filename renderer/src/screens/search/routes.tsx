// /search: full-text search across transcripts and documents. The words and every filter live in
// the address, so a search can be bookmarked, shared, and Back returns to it from a result.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { SEARCH_KINDS, SEARCH_SPEAKERS } from '../../../../shared/contract/search';
import { rootRoute } from '../../app/root-route';

const id = z.string().min(1).max(200);

// A hand-edited or outdated address never breaks the page: unreadable values are dropped.
const searchParams = z.object({
  q: z.string().max(500).optional().catch(undefined),
  experiment: id.optional().catch(undefined),
  exec: id.optional().catch(undefined),
  speaker: z.enum(SEARCH_SPEAKERS).optional().catch(undefined),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
});
export type SearchParams = z.infer<typeof searchParams>;

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'search',
  validateSearch: searchParams,
  component: lazyRouteComponent(() => import('./SearchPage'), 'SearchPage'),
});
