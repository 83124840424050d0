// SQL for the synth facets read from `data` (DATA.md), spelled for the database at hand: on a
// database this app migrated, exactly as migrations/0002 indexed them (so the indexes are used);
// elsewhere defensively, since a foreign file may hold text that is not valid JSON.
import { hasColumn, type Capabilities } from '../../../../shared/capabilities';
import type { SynthFacet } from '../../../../shared/contract/synths';
import {
  SYNTH_BROWSE_INDEXES,
  SYNTH_DATA_PATHS,
  ageBandSql,
  appDataNumber,
  appDataText,
  indexedSynthFacetSql,
  type IndexedSynthFacet,
} from '../../../../migrations/0002_synth_browse_indexes';
import { jsonStorageOf } from '../query-support';
import { jsonNumberSql, jsonTextSql } from '../sql-json';

export type SynthField = 'city' | 'occupation' | 'age';

export interface SynthSql {
  /** Facet value expressions (NULL when the database lacks the column). */
  facets: Record<SynthFacet, string>;
  /** Row fields of the list, read from `data`. */
  fields: Record<SynthField, string>;
  /** Facets whose expressions lead an index of this app's schema: equality on them is an index range. */
  indexed: ReadonlySet<SynthFacet>;
}

/** Whether this database carries the synth indexes of migrations/0002 (then its JSON is valid by CHECK or jsonb). */
export function hasSynthIndexes(capabilities: Pick<Capabilities, 'kind' | 'appSchema'>): boolean {
  return capabilities.kind === 'app' && (capabilities.appSchema?.applied.includes(SYNTH_BROWSE_INDEXES) ?? false);
}

/** Expressions over the synths table aliased `alias`. */
export function synthSql(capabilities: Pick<Capabilities, 'engine' | 'kind' | 'appSchema' | 'tables'>, alias: string): SynthSql {
  const column = (name: string): string => (hasColumn(capabilities, 'synths', name) ? `${alias}.${name}` : 'NULL');
  const data = column('data');
  const group = column('synth_group_id');
  const version = column('version');
  const { engine } = capabilities;

  let text: (path: readonly string[]) => string;
  let number: (path: readonly string[]) => string;
  let indexed: Set<SynthFacet>;
  let indexedFacets: Partial<Record<IndexedSynthFacet, string>> = {};
  if (data === 'NULL') {
    text = () => 'NULL';
    number = () => 'NULL';
    indexed = new Set();
  } else if (hasSynthIndexes(capabilities)) {
    text = (path) => appDataText(engine, data, path);
    number = (path) => appDataNumber(engine, data, path);
    indexedFacets = indexedSynthFacetSql(engine, data, group);
    indexed = new Set(Object.keys(indexedFacets) as IndexedSynthFacet[]);
  } else {
    const storage = jsonStorageOf(capabilities, 'synths', 'data');
    text = (path) => jsonTextSql(engine, data, path, storage);
    number = (path) => jsonNumberSql(engine, data, path, storage);
    indexed = new Set(group === 'NULL' ? [] : (['group'] as const));
  }

  const age = number(SYNTH_DATA_PATHS.age);
  return {
    facets: {
      gender: text(SYNTH_DATA_PATHS.gender),
      region: text(SYNTH_DATA_PATHS.region),
      state: indexedFacets.state ?? text(SYNTH_DATA_PATHS.state),
      schooling: indexedFacets.schooling ?? text(SYNTH_DATA_PATHS.schooling),
      ageBand: indexedFacets.ageBand ?? (age === 'NULL' ? 'NULL' : ageBandSql(age)),
      version,
      group,
    },
    fields: { city: text(SYNTH_DATA_PATHS.city), occupation: text(SYNTH_DATA_PATHS.occupation), age },
    indexed,
  };
}
