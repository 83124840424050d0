// The synth filters as SQL predicates, split by cost: one filter an index answers (the group, and on
// this app's databases state, schooling or age band) may narrow a query directly; every other filter
// (search, JSON facets without an index, further indexed ones) is checked row by row and must run
// inside a bounded window.
import type { Capabilities } from '../../../../shared/capabilities';
import { SYNTH_FACETS, type SynthFacet, type SynthFilters } from '../../../../shared/contract/synths';
import { containsPattern, likeOperator } from '../query-support';
import type { SynthSql } from './facet-sql';

export interface Predicate {
  sql: string;
  bindings: string[];
}

/** Which indexed facet leads when several are given: the one most likely to be selective. */
const INDEX_PRIORITY: readonly SynthFacet[] = ['group', 'state', 'schooling', 'ageBand'];

/** The value a facet filter asks for: a string, null (only the group: "without a group"), or undefined (no filter). */
export function facetFilterValue(filters: SynthFilters, facet: SynthFacet): string | null | undefined {
  switch (facet) {
    case 'group':
      return filters.groupId;
    default:
      return filters[facet];
  }
}

/** `expression = value`, or IS NULL for the group filter's null. */
export function facetPredicate(expression: string, value: string | null): Predicate {
  return value === null ? { sql: `${expression} IS NULL`, bindings: [] } : { sql: `${expression} = ?`, bindings: [value] };
}

export function searchPredicate(engine: Capabilities['engine'], alias: string, search: string | undefined, hasDescricao: boolean): Predicate | null {
  if (search === undefined || search === '') return null;
  const like = likeOperator(engine);
  const pattern = containsPattern(search);
  const nome = `${alias}.nome ${like} ? ESCAPE '\\'`;
  if (!hasDescricao) return { sql: nome, bindings: [pattern] };
  return { sql: `(${nome} OR ${alias}.descricao ${like} ? ESCAPE '\\')`, bindings: [pattern, pattern] };
}

export interface FilterPlan {
  /** The one facet filter an index answers, or null. */
  lead: SynthFacet | null;
  /** Facet filters checked row by row. */
  scanned: SynthFacet[];
}

export function planFilters(filters: SynthFilters, indexedFacets: ReadonlySet<SynthFacet>): FilterPlan {
  const given = SYNTH_FACETS.filter((facet) => facetFilterValue(filters, facet) !== undefined);
  const lead = INDEX_PRIORITY.find((facet) => given.includes(facet) && indexedFacets.has(facet)) ?? null;
  return { lead, scanned: given.filter((facet) => facet !== lead) };
}

/** The predicates of `facets` (each with its filter value) over the expressions of `sql`. */
export function facetPredicates(sql: SynthSql, filters: SynthFilters, facets: readonly SynthFacet[]): Predicate[] {
  return facets.map((facet) => facetPredicate(sql.facets[facet], facetFilterValue(filters, facet) as string | null));
}

/** ANDs predicates into one (or null when there are none). */
export function allOf(predicates: ReadonlyArray<Predicate | null>): Predicate | null {
  const present = predicates.filter((predicate): predicate is Predicate => predicate !== null);
  if (present.length === 0) return null;
  return { sql: present.map((predicate) => `(${predicate.sql})`).join(' AND '), bindings: present.flatMap((predicate) => predicate.bindings) };
}
