// /settings; `?add=postgres` (or sqlite-open, sqlite-new) opens that form, so the desktop menu's
// "Connect to PostgreSQL…" and a link can land on it.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../app/root-route';

export const ADD_FORMS = ['postgres', 'sqlite-open', 'sqlite-new'] as const;
export type AddForm = (typeof ADD_FORMS)[number];

export const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'settings',
  validateSearch: z.object({ add: z.enum(ADD_FORMS).optional().catch(undefined) }),
  component: lazyRouteComponent(() => import('./Settings'), 'Settings'),
});
