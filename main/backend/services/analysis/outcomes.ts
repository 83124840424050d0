// analysis.outcomes: a keyset page of one analysis's synth_outcomes. Sorting by a rate walks the
// (analysis_id, <rate>, id) index from the cursor; sorting by synth name sorts the analysis's rows
// (a few thousand at most). synth_outcomes.synth_id has no foreign key: the join is a LEFT JOIN
// and a missing synth still shows, with synthFound false.
import { hasColumn, type Capabilities } from '../../../../shared/capabilities';
import { OBSERVABLE_KEYS, type OutcomeFilter, type OutcomeRow, type OutcomeSort } from '../../../../shared/contract/analysis';
import type { Page, SortDirection } from '../../../../shared/contract/paging';
import { isRecord, numberAt, readJsonCell } from '../json-cells';
import { selectRows } from '../../db/select';
import { toPage, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';
import { applySortKeyset, checkSortCursor, columnOrNull, toNumber, toText } from '../query-support';
import { applyOutcomeFilter } from './outcome-filter';
import { assertAnalysisExists } from './run';

export interface ListOutcomesParams {
  analysisId: string;
  cursor?: string | undefined;
  limit: number;
  sort: OutcomeSort;
  direction?: SortDirection | undefined;
  filter: OutcomeFilter;
}

interface OutcomeDbRow {
  id: unknown;
  synth_id: unknown;
  success_rate: unknown;
  failed_rate: unknown;
  did_not_try_rate: unknown;
  synth_attributes: unknown;
  found_synth_id: unknown;
  synth_name: unknown;
  group_id: unknown;
  group_name: unknown;
  sort_key: string | number | null;
}

export function defaultOutcomeDirection(sort: OutcomeSort): SortDirection {
  return sort === 'synth_name' ? 'asc' : 'desc';
}

function sortKeySql(capabilities: Capabilities, sort: OutcomeSort, synthsJoined: boolean): string {
  if (sort === 'synth_name') return synthsJoined && hasColumn(capabilities, 'synths', 'nome') ? `COALESCE(s.nome, '')` : `''`;
  const column = capabilities.tables.synth_outcomes?.columns[sort];
  if (column === undefined) return '0';
  // NOT NULL in every known schema, which lets the index serve the order; -1 sorts stray NULLs first.
  return column.nullable ? `COALESCE(o.${sort}, -1)` : `o.${sort}`;
}

export async function listOutcomes(db: ActiveDatabase, params: ListOutcomesParams): Promise<Page<OutcomeRow>> {
  const { capabilities } = db;
  const direction = params.direction ?? defaultOutcomeDirection(params.sort);
  const sortTag = `outcomes:${params.sort}:${direction}`;
  checkSortCursor(sortTag, params.cursor, 2);
  if (!hasColumn(capabilities, 'synth_outcomes', 'analysis_id')) {
    await assertAnalysisExists(db, params.analysisId);
    return { rows: [], nextCursor: null };
  }

  const knex = db.handle.knex;
  const synthsJoined = hasColumn(capabilities, 'synths', 'id') && hasColumn(capabilities, 'synth_outcomes', 'synth_id');
  const groupsJoined = synthsJoined && hasColumn(capabilities, 'synths', 'synth_group_id') && hasColumn(capabilities, 'synth_groups', 'id');
  const outcome = (name: string): string => `${columnOrNull(capabilities, 'synth_outcomes', 'o', name)} AS ${name}`;
  const sortKey = sortKeySql(capabilities, params.sort, synthsJoined);
  const query = knex
    .select(
      knex.raw(
        [
          'o.id AS id',
          outcome('synth_id'),
          outcome('success_rate'),
          outcome('failed_rate'),
          outcome('did_not_try_rate'),
          outcome('synth_attributes'),
          `${synthsJoined ? 's.id' : 'NULL'} AS found_synth_id`,
          `${synthsJoined ? columnOrNull(capabilities, 'synths', 's', 'nome') : 'NULL'} AS synth_name`,
          `${synthsJoined ? columnOrNull(capabilities, 'synths', 's', 'synth_group_id') : 'NULL'} AS group_id`,
          `${groupsJoined ? columnOrNull(capabilities, 'synth_groups', 'g', 'name') : 'NULL'} AS group_name`,
          `${sortKey} AS sort_key`,
        ].join(', '),
      ),
    )
    .from('synth_outcomes as o');
  if (synthsJoined) query.leftJoin('synths as s', 's.id', 'o.synth_id');
  if (groupsJoined) query.leftJoin('synth_groups as g', 'g.id', 's.synth_group_id');
  query.where('o.analysis_id', params.analysisId);
  // A row of the page proves the analysis exists (the EXISTS keeps outcomes orphaned in a foreign
  // database from passing for it), so only an empty page looks the analysis up: one statement per
  // page instead of two.
  if (hasColumn(capabilities, 'analysis_runs', 'id')) query.whereExists(knex('analysis_runs as ar').select(knex.raw('1')).where('ar.id', params.analysisId));
  applyOutcomeFilter(query, capabilities, params.filter, synthsJoined);
  const keys: KeyColumn[] = [
    { expression: sortKey, direction },
    { expression: 'o.id', direction },
  ];
  applySortKeyset(query, knex, keys, sortTag, params.cursor).limit(params.limit + 1);
  const rows = await selectRows<OutcomeDbRow>(knex, query);
  if (rows.length === 0) await assertAnalysisExists(db, params.analysisId);
  return toPage(rows, params.limit, (row) => [sortTag, row.sort_key, toText(row.id)], toOutcomeRow);
}

function toOutcomeRow(row: OutcomeDbRow): OutcomeRow {
  const attributes = readJsonCell(row.synth_attributes);
  const value = attributes.ok && isRecord(attributes.value) ? attributes.value : {};
  const observables: OutcomeRow['observables'] = {};
  for (const key of OBSERVABLE_KEYS) {
    const found = numberAt(value, ['observables', key]);
    if (found !== null) observables[key] = found;
  }
  const latentTraits: Record<string, number> = {};
  const latent = value.latent_traits;
  if (isRecord(latent)) {
    for (const key of Object.keys(latent)) {
      const found = numberAt(latent, [key]);
      if (found !== null) latentTraits[key] = found;
    }
  }
  return {
    id: toText(row.id) ?? '',
    synthId: toText(row.synth_id) ?? '',
    synthFound: row.found_synth_id !== null && row.found_synth_id !== undefined,
    synthName: toText(row.synth_name),
    groupId: toText(row.group_id),
    groupName: toText(row.group_name),
    successRate: toNumber(row.success_rate),
    failedRate: toNumber(row.failed_rate),
    didNotTryRate: toNumber(row.did_not_try_rate),
    observables,
    latentTraits,
  };
}
