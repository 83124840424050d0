// analysis.outcomes filters as SQL over synth_outcomes `o` left-joined to synths `s`. The set is
// allow-listed by the contract; JSON paths are fixed here and every value a researcher chose is a
// binding.
import type { Knex } from 'knex';
import { hasColumn, type Capabilities } from '../../../../shared/capabilities';
import { OBSERVABLE_KEYS, type OutcomeFilter, type UnitRange } from '../../../../shared/contract/analysis';
import { ageBandSql } from '../../../../migrations/0002_synth_browse_indexes';
import { jsonNumberSql, jsonTextSql } from '../sql-json';
import { jsonStorageOf } from '../query-support';

const RATE_COLUMNS = { successRate: 'success_rate', failedRate: 'failed_rate', didNotTryRate: 'did_not_try_rate' } as const;

/** Whether the filter reads synths (and so needs the join to be there). */
export function filterNeedsSynths(filter: OutcomeFilter): boolean {
  return filter.gender !== undefined || filter.state !== undefined || filter.ageBand !== undefined || filter.groupId !== undefined;
}

export function applyOutcomeFilter(query: Knex.QueryBuilder, capabilities: Capabilities, filter: OutcomeFilter, synthsJoined: boolean): void {
  const engine = capabilities.engine;
  for (const [key, column] of Object.entries(RATE_COLUMNS) as Array<[keyof typeof RATE_COLUMNS, string]>) {
    const range = filter[key];
    if (range === undefined) continue;
    if (!hasColumn(capabilities, 'synth_outcomes', column)) {
      query.whereRaw('1 = 0');
      continue;
    }
    applyRange(query, `o.${column}`, range);
  }

  if (filter.observables !== undefined) {
    const attributes = hasColumn(capabilities, 'synth_outcomes', 'synth_attributes');
    const storage = jsonStorageOf(capabilities, 'synth_outcomes', 'synth_attributes');
    for (const key of OBSERVABLE_KEYS) {
      const range = filter.observables[key];
      if (range === undefined) continue;
      if (!attributes) query.whereRaw('1 = 0');
      else applyRange(query, jsonNumberSql(engine, 'o.synth_attributes', ['observables', key], storage), range);
    }
  }

  if (!filterNeedsSynths(filter)) return;
  const hasData = synthsJoined && hasColumn(capabilities, 'synths', 'data');
  const storage = jsonStorageOf(capabilities, 'synths', 'data');
  const facet = (values: readonly string[] | undefined, path: readonly string[]): void => {
    if (values === undefined) return;
    if (!hasData) {
      query.whereRaw('1 = 0');
      return;
    }
    query.whereRaw(`${jsonTextSql(engine, 's.data', path, storage)} IN (${values.map(() => '?').join(', ')})`, [...values]);
  };
  facet(filter.gender, ['demografia', 'genero_biologico']);
  facet(filter.state, ['demografia', 'localizacao', 'estado']);

  if (filter.ageBand !== undefined) {
    // The bands of the synths facet, so a filter here matches what the synths page counts.
    if (!hasData) query.whereRaw('1 = 0');
    else {
      const band = ageBandSql(jsonNumberSql(engine, 's.data', ['demografia', 'idade'], storage));
      query.whereRaw(`${band} IN (${filter.ageBand.map(() => '?').join(', ')})`, [...filter.ageBand]);
    }
  }

  if (filter.groupId !== undefined) {
    if (!synthsJoined || !hasColumn(capabilities, 'synths', 'synth_group_id')) query.whereRaw('1 = 0');
    else query.where('s.synth_group_id', filter.groupId);
  }
}

function applyRange(query: Knex.QueryBuilder, sql: string, range: UnitRange): void {
  if (range.min !== undefined) query.whereRaw(`${sql} >= ?`, [range.min]);
  if (range.max !== undefined) query.whereRaw(`${sql} <= ?`, [range.max]);
}
