// /tables (every table and view; the selected one's structure) and /tables/$table (its rows).
// Search text, the selected table, sort, filters and tab live in the address, so a view can be
// bookmarked, shared, and restored by Back. The detail routes hang below one `tables` route so
// the app's route tree needs only that one.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { FILTER_OPS } from '../../../../shared/contract/tables';
import { sortDirection } from '../../../../shared/contract/paging';
import { rootRoute } from '../../app/root-route';

// A hand-edited or outdated address never breaks the page: unreadable values are dropped.
const listSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  /** The table whose structure the side panel shows. */
  table: z.string().max(200).optional().catch(undefined),
});

const filterInAddress = z.object({
  column: z.string().min(1).max(200),
  op: z.enum(FILTER_OPS),
  value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]).optional(),
});
export type AddressFilter = z.infer<typeof filterInAddress>;

export const TABLE_TABS = ['rows', 'structure'] as const;
export type TableTab = (typeof TABLE_TABS)[number];

const tableSearch = z.object({
  sort: z.string().min(1).max(200).optional().catch(undefined),
  dir: sortDirection.optional().catch(undefined),
  filter: z.array(filterInAddress).max(20).optional().catch(undefined),
  tab: z.enum(TABLE_TABS).optional().catch(undefined),
});
export type TableSearch = z.infer<typeof tableSearch>;

const tablesLayoutRoute = createRoute({ getParentRoute: () => rootRoute, path: 'tables' });

export const tablesIndexRoute = createRoute({
  getParentRoute: () => tablesLayoutRoute,
  path: '/',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./TablesList'), 'TablesList'),
});

export const tableRoute = createRoute({
  getParentRoute: () => tablesLayoutRoute,
  path: '$table',
  validateSearch: tableSearch,
  component: lazyRouteComponent(() => import('./TablePage'), 'TablePage'),
});

export const tablesRoute = tablesLayoutRoute.addChildren([tablesIndexRoute, tableRoute]);
