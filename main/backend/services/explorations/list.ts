// explorations.list: keyset pages over explorations (newest start first), each row with its
// experiment's name from a left join; explorations of soft-deleted experiments hidden unless asked.
import type { Knex } from 'knex';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import type { ExplorationListRow } from '../../../../shared/contract/explorations';
import type { Page } from '../../../../shared/contract/paging';
import { selectRows } from '../../db/select';
import { applyKeyset, toPage, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';
import { columnOrNull, nonNullKey, whereIdOrTextMatches } from '../query-support';
import { toListRow, type ExplorationRowValues } from './read';

export interface ListExplorationsParams {
  cursor?: string | undefined;
  limit: number;
  experimentId?: string | undefined;
  status?: string | undefined;
  includeDeleted: boolean;
  search?: string | undefined;
}

const EXPLORATION_COLUMNS = [
  'id',
  'experiment_id',
  'baseline_analysis_id',
  'status',
  'goal',
  'config',
  'current_depth',
  'total_nodes',
  'total_llm_calls',
  'best_success_rate',
  'started_at',
  'completed_at',
] as const;

/** Whether explorations can be read at all (the table with an id column). */
export function hasExplorations(capabilities: Capabilities): boolean {
  return hasTable(capabilities, 'explorations') && hasColumn(capabilities, 'explorations', 'id');
}

/** explorations `e` left-joined to experiments `x`, selecting ExplorationRowValues. */
export function explorationRowsQuery(knex: Knex, capabilities: Capabilities): Knex.QueryBuilder {
  const joinable = hasColumn(capabilities, 'explorations', 'experiment_id') && hasColumn(capabilities, 'experiments', 'id');
  const experimentColumn = (column: string): string => (joinable ? columnOrNull(capabilities, 'experiments', 'x', column) : 'NULL');
  const query = knex
    .from('explorations as e')
    .select([
      ...EXPLORATION_COLUMNS.map((column) => knex.raw(`${columnOrNull(capabilities, 'explorations', 'e', column)} AS ${column}`)),
      knex.raw(`${experimentColumn('name')} AS experiment_name`),
      knex.raw(`${experimentColumn('status')} AS experiment_status`),
    ]);
  if (joinable) query.leftJoin('experiments as x', 'x.id', 'e.experiment_id');
  return query;
}

export async function listExplorations(db: ActiveDatabase, params: ListExplorationsParams): Promise<Page<ExplorationListRow>> {
  const { capabilities } = db;
  if (!hasExplorations(capabilities)) return { rows: [], nextCursor: null };
  const knex = db.handle.knex;
  const query = explorationRowsQuery(knex, capabilities);

  if (params.experimentId !== undefined) {
    if (!hasColumn(capabilities, 'explorations', 'experiment_id')) return { rows: [], nextCursor: null };
    query.where('e.experiment_id', params.experimentId);
  } else if (!params.includeDeleted && hasColumn(capabilities, 'experiments', 'status') && hasColumn(capabilities, 'explorations', 'experiment_id')) {
    query.where((inner) => inner.whereNull('x.status').orWhereNot('x.status', 'deleted'));
  }
  if (params.status !== undefined) {
    if (!hasColumn(capabilities, 'explorations', 'status')) return { rows: [], nextCursor: null };
    query.where('e.status', params.status);
  }
  const searched = [
    ...(hasColumn(capabilities, 'explorations', 'experiment_id') && hasColumn(capabilities, 'experiments', 'id') && hasColumn(capabilities, 'experiments', 'name') ? ['x.name'] : []),
    // The goal as stored ({"metric": "success_rate", "operator": ">=", "value": 0.7}): json, jsonb or text.
    ...(hasColumn(capabilities, 'explorations', 'goal') ? ['CAST(e.goal AS TEXT)'] : []),
  ];
  whereIdOrTextMatches(query, capabilities.engine, params.search, 'e.id', searched);

  const keys: KeyColumn[] = [
    { expression: nonNullKey(capabilities, 'explorations', 'e', 'started_at'), direction: 'desc' },
    { expression: 'e.id', direction: 'desc' },
  ];
  applyKeyset(query, knex, keys, params.cursor);
  query.limit(params.limit + 1);
  const rows = await selectRows<ExplorationRowValues & { started_at: unknown }>(knex, query);
  return toPage(
    rows,
    params.limit,
    (row) => [typeof row.started_at === 'string' ? row.started_at : '', typeof row.id === 'string' ? row.id : String(row.id)],
    toListRow,
  );
}
