// The route tree. Hash history (`#/experiments/exp_1`): the document is always index.html, so
// deep links, Back and Forward work the same from a file:// or app:// page in the desktop app and
// from serve mode, with no server-side fallback and no base-path games. Every screen but the first
// (Experiments) is loaded on demand (lazyRouteComponent in its routes file), and all of them once the
// first screen has shown (preloadScreensWhenIdle).
import type { QueryClient } from '@tanstack/react-query';
import { createHashHistory, createRoute, createRouter, redirect } from '@tanstack/react-router';
import type { ApiClient } from '../../../shared/api-client';
import { experimentDetailRoute, experimentsListRoute } from '../screens/experiments/routes';
import { explorationDetailRoute, explorationsListRoute } from '../screens/explorations/routes';
import { documentRoute } from '../screens/documents/routes';
import { executionRoute, interviewsRoute, transcriptRoute } from '../screens/interviews/routes';
import { searchRoute } from '../screens/search/routes';
import { settingsRoute } from '../screens/settings/routes';
import { synthDetailRoute, synthsListRoute } from '../screens/synths/routes';
import { tablesRoute } from '../screens/tables/routes';
import { preloadMarkdown } from '../ui/Markdown';
import { rootRoute } from './root-route';

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/experiments', replace: true });
  },
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  experimentsListRoute,
  experimentDetailRoute,
  synthsListRoute,
  synthDetailRoute,
  interviewsRoute,
  executionRoute,
  transcriptRoute,
  documentRoute,
  explorationsListRoute,
  explorationDetailRoute,
  searchRoute,
  tablesRoute,
  settingsRoute,
]);

export function createAppRouter(context: { queryClient: QueryClient; api: ApiClient }) {
  return createRouter({
    routeTree,
    history: createHashHistory(),
    context,
    defaultPreload: false,
    // Screens show their own skeletons; the router does not hold navigation for data.
    defaultPendingMs: 0,
    scrollRestoration: true,
  });
}

/**
 * Loads the code of every screen behind a lazy route, and the markdown renderer, once the browser
 * is idle after the first screen: a later click then opens its screen as fast as the first one.
 */
export function preloadScreensWhenIdle(router: ReturnType<typeof createAppRouter>): void {
  const preload = (): void => {
    // Best effort: a chunk that fails here (the server gone for a moment) is asked for again, and
    // its failure shown, when its screen is opened.
    for (const route of Object.values(router.routesById)) router.loadRouteChunk(route)?.catch(() => undefined);
    preloadMarkdown();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preload, { timeout: 2000 });
  else setTimeout(preload, 500);
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
