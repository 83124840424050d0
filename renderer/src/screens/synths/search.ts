// The synths list's address: search text, sort and one value per facet, so a filtered view can be
// bookmarked, shared and restored by Back. A hand-edited or outdated value is dropped, never fatal.
import { z } from 'zod';
import { AGE_BAND_KEYS, SYNTH_SORTS, type SynthFacet, type SynthFilters, type SynthSort } from '../../../../shared/contract/synths';
import { sortDirection, type SortDirection } from '../../../../shared/contract/paging';

const facetValue = z.string().min(1).max(200).optional().catch(undefined);

export const synthsListSearch = z.object({
  q: z.string().max(200).optional().catch(undefined),
  sort: z.enum(SYNTH_SORTS).optional().catch(undefined),
  dir: sortDirection.optional().catch(undefined),
  /** A group id; null: synths without a group. */
  group: z.string().min(1).max(100).nullable().optional().catch(undefined),
  gender: facetValue,
  region: facetValue,
  state: facetValue,
  schooling: facetValue,
  age: z.enum(AGE_BAND_KEYS).optional().catch(undefined),
  version: facetValue,
});
export type SynthsListSearch = z.infer<typeof synthsListSearch>;

/** The address key of each facet (the age band is `age`, the group `group`). */
export const FACET_SEARCH_KEY = {
  group: 'group',
  gender: 'gender',
  ageBand: 'age',
  region: 'region',
  state: 'state',
  schooling: 'schooling',
  version: 'version',
} as const satisfies Record<SynthFacet, keyof SynthsListSearch>;

export function defaultDirection(sort: string): SortDirection {
  return sort === 'created' ? 'desc' : 'asc';
}

export function sortOf(search: SynthsListSearch): SynthSort {
  return search.sort ?? 'name';
}

/** The API's filters for what the address says. */
export function filtersOf(search: SynthsListSearch): SynthFilters {
  const filters: SynthFilters = {};
  if (search.q) filters.search = search.q;
  if (search.group !== undefined) filters.groupId = search.group;
  if (search.gender) filters.gender = search.gender;
  if (search.region) filters.region = search.region;
  if (search.state) filters.state = search.state;
  if (search.schooling) filters.schooling = search.schooling;
  if (search.age) filters.ageBand = search.age;
  if (search.version) filters.version = search.version;
  return filters;
}

/** What the grid asks synths.list for: the filters, the sort and its direction. */
export type SynthListParams = SynthFilters & { sort: SynthSort; direction: SortDirection };

/** The grid's params, from the address. */
export function synthsListParams(search: SynthsListSearch): SynthListParams {
  const sort = sortOf(search);
  return { ...filtersOf(search), sort, direction: search.dir ?? defaultDirection(sort) };
}

/** The facet's current value in the address: undefined when not filtered, null for "none". */
export function facetSelection(search: SynthsListSearch, facet: SynthFacet): string | null | undefined {
  const value = search[FACET_SEARCH_KEY[facet]];
  return value === undefined ? undefined : (value as string | null);
}

export function activeFacetCount(search: SynthsListSearch): number {
  return (Object.keys(FACET_SEARCH_KEY) as SynthFacet[]).filter((facet) => facetSelection(search, facet) !== undefined).length;
}
