// synths.facets: value counts of every facet in ONE query. At most FACET_SAMPLE synths are read (the
// first in id order: a pseudo-random sample, synth ids being random), those matching the search keep
// their facet values in a materialized CTE, and each facet is counted over it under every other
// filter. On a larger table the counts describe that sample, and the result says so.
import { hasColumn, hasTable } from '../../../../shared/capabilities';
import { SYNTH_FACETS, type FacetCount, type SynthFacet, type SynthFacets, type SynthFilters } from '../../../../shared/contract/synths';
import { toNumber, toText } from '../query-support';
import type { ActiveDatabase } from '../session';
import { ageBandSql } from '../../../../migrations/0002_synth_browse_indexes';
import { synthSql } from './facet-sql';
import { allOf, facetFilterValue, facetPredicate, searchPredicate, type Predicate } from './filters';

/** Synths read per facets call (about 2 KB of JSON each): the first ones in id order. */
export const FACET_SAMPLE = 10_000;

/** What the facet expressions and the search read, when the synths table has them. */
const SAMPLE_COLUMNS = ['id', 'nome', 'descricao', 'version', 'synth_group_id', 'data'] as const;

const FACET_COLUMN: Record<SynthFacet, string> = {
  gender: 'f_gender',
  region: 'f_region',
  state: 'f_state',
  schooling: 'f_schooling',
  ageBand: 'f_age_band',
  version: 'f_version',
  group: 'f_group',
};

type Row = Record<string, unknown>;

export async function synthFacets(db: ActiveDatabase, filters: SynthFilters): Promise<SynthFacets> {
  const caps = db.capabilities;
  const empty = Object.fromEntries(SYNTH_FACETS.map((facet) => [facet, [] as FacetCount[]])) as Record<SynthFacet, FacetCount[]>;
  if (!hasTable(caps, 'synths')) return { facets: empty, examined: 0, matched: 0, sampled: false };

  const sql = synthSql(caps, 's');
  const search = searchPredicate(caps.engine, 's', filters.search, hasColumn(caps, 'synths', 'descricao'));
  const filterOn = (facet: SynthFacet): Predicate | null => {
    const value = facetFilterValue(filters, facet);
    return value === undefined ? null : facetPredicate(FACET_COLUMN[facet], value);
  };
  const except = (facet: SynthFacet | null): Predicate | null => allOf(SYNTH_FACETS.filter((other) => other !== facet).map(filterOn));

  // Bindings are collected in the order the clauses appear in the statement text.
  const bindings: string[] = [];
  const clause = (predicate: Predicate | null): string => {
    if (predicate === null) return '';
    bindings.push(...predicate.bindings);
    return ` WHERE ${predicate.sql}`;
  };
  const read = SAMPLE_COLUMNS.filter((column) => hasColumn(caps, 'synths', column)).map((column) => `s.${column}`);
  const sample = `SELECT ${read.join(', ')} FROM synths s ORDER BY s.id LIMIT ${FACET_SAMPLE}`;
  // The age is read once per synth; its band is computed from that plain column.
  const values = SYNTH_FACETS.filter((facet) => facet !== 'ageBand').map((facet) => `${sql.facets[facet]} AS ${FACET_COLUMN[facet]}`);
  const base = `SELECT ${[...values, `${sql.fields.age} AS f_age`].join(', ')} FROM (${sample}) s${clause(search)}`;
  const counts = SYNTH_FACETS.map(
    (facet) => `SELECT '${facet}' AS facet, ${FACET_COLUMN[facet]} AS value, COUNT(*) AS n FROM facts${clause(except(facet))} GROUP BY ${FACET_COLUMN[facet]}`,
  );
  const text = [
    `WITH base AS MATERIALIZED (${base}),`,
    `facts AS MATERIALIZED (SELECT base.*, ${ageBandSql('f_age')} AS ${FACET_COLUMN.ageBand} FROM base)`,
    [
      ...counts,
      `SELECT '_matched' AS facet, NULL AS value, COUNT(*) AS n FROM facts${clause(except(null))}`,
      `SELECT '_synths', NULL, COUNT(*) FROM (SELECT s.id FROM synths s ORDER BY s.id LIMIT ${FACET_SAMPLE + 1}) counted`,
    ].join(' UNION ALL '),
  ].join(' ');

  const rows = (await db.handle.knex.raw(text, bindings).then((result: unknown) => rowsOf(result))) as Row[];
  const facets = empty;
  let matched = 0;
  let synths = 0;
  for (const row of rows) {
    const facet = String(row.facet);
    const count = toNumber(row.n) ?? 0;
    if (facet === '_matched') matched = count;
    else if (facet === '_synths') synths = count;
    else facets[facet as SynthFacet].push({ value: toText(row.value), count });
  }
  for (const facet of SYNTH_FACETS) facets[facet].sort(byCountThenValue);
  return { facets, examined: Math.min(synths, FACET_SAMPLE), matched, sampled: synths > FACET_SAMPLE };
}

/** knex.raw answers an array on SQLite and a pg Result on PostgreSQL. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}

function byCountThenValue(a: FacetCount, b: FacetCount): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.value === null) return 1;
  if (b.value === null) return -1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
