// /documents/$documentId: one generated document on its own page (Search results and the execution
// page link here; the experiment page shows the same view in its Documents tab).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { apiQuery } from '../../api/queries';
import { rootRoute } from '../../app/root-route';

export const documentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'documents/$documentId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(apiQuery(context.api, 'documents.get', { id: params.documentId }));
  },
  component: lazyRouteComponent(() => import('./DocumentPage'), 'DocumentPage'),
});
