// experiments.list: one SQL statement per page. The inner query walks the sort index from the
// cursor and stops at limit + 1 rows; the outer one adds the analysis mark and the counts for just
// those rows (correlated subqueries on indexed experiment_id columns), so a page costs the same
// at any depth and never counts a whole table.
import type { Knex } from 'knex';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import { LIST_HYPOTHESIS_LENGTH, type ExperimentListRow, type ExperimentSort } from '../../../../shared/contract/experiments';
import type { Page, SortDirection } from '../../../../shared/contract/paging';
import { experimentUpdatedKeySql } from '../../../../migrations/0003_experiment_outcome_sort_indexes';
import { selectRows } from '../../db/select';
import { toPage, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';
import {
  columnOrNull,
  containsPattern,
  applySortKeyset,
  checkSortCursor,
  likeOperator,
  nonNullKey,
  toNumber,
  toText,
} from '../query-support';

export interface ListExperimentsParams {
  cursor?: string | undefined;
  limit: number;
  sort: ExperimentSort;
  direction?: SortDirection | undefined;
  search?: string | undefined;
  includeDeleted: boolean;
}

interface PageRow {
  id: unknown;
  name: unknown;
  hypothesis_head: unknown;
  status: unknown;
  created_at: unknown;
  updated_at: unknown;
  sort_key: string | number | null;
  analysis_id: unknown;
  analysis_status: unknown;
  interview_count: unknown;
  exploration_count: unknown;
  document_count: unknown;
}

export function defaultExperimentDirection(sort: ExperimentSort): SortDirection {
  return sort === 'name' ? 'asc' : 'desc';
}

/** The SQL of the sort key (never NULL) for alias `e` of experiments. */
function sortKeySql(capabilities: Capabilities, sort: ExperimentSort): string {
  const created = nonNullKey(capabilities, 'experiments', 'e', 'created_at');
  if (sort === 'name') return nonNullKey(capabilities, 'experiments', 'e', 'name');
  if (sort !== 'updated' || !hasColumn(capabilities, 'experiments', 'updated_at')) return created;
  // Spelled as idx_experiments_updated_id is, so the index serves the order where the app owns the database.
  return created === 'e.created_at' ? experimentUpdatedKeySql('e') : `COALESCE(e.updated_at, ${created})`;
}

/** A count of `table` rows pointing at the page row, or NULL when the database lacks the table. */
function countSql(capabilities: Capabilities, table: string, alias: string): string {
  if (!hasColumn(capabilities, table, 'experiment_id')) return 'NULL';
  return `(SELECT COUNT(*) FROM ${table} ${alias} WHERE ${alias}.experiment_id = p.id)`;
}

function analysisSql(capabilities: Capabilities, column: 'id' | 'status'): string {
  if (!hasColumn(capabilities, 'analysis_runs', 'experiment_id') || !hasColumn(capabilities, 'analysis_runs', column)) return 'NULL';
  // experiment_id is UNIQUE in every known schema; ORDER BY keeps an odd database deterministic.
  return `(SELECT a.${column} FROM analysis_runs a WHERE a.experiment_id = p.id ORDER BY a.id LIMIT 1)`;
}

export async function listExperiments(db: ActiveDatabase, params: ListExperimentsParams): Promise<Page<ExperimentListRow>> {
  const { capabilities } = db;
  const direction = params.direction ?? defaultExperimentDirection(params.sort);
  const sortTag = `experiments:${params.sort}:${direction}`;
  checkSortCursor(sortTag, params.cursor, 2);
  if (!hasTable(capabilities, 'experiments') || !hasColumn(capabilities, 'experiments', 'id')) return { rows: [], nextCursor: null };

  const knex = db.handle.knex;
  const column = (name: string): string => columnOrNull(capabilities, 'experiments', 'e', name);
  const hypothesis = hasColumn(capabilities, 'experiments', 'hypothesis') ? `substr(e.hypothesis, 1, ${LIST_HYPOTHESIS_LENGTH + 1})` : 'NULL';
  const inner = knex
    .select(
      knex.raw(
        [
          'e.id AS id',
          `${column('name')} AS name`,
          `${hypothesis} AS hypothesis_head`,
          `${column('status')} AS status`,
          `${column('created_at')} AS created_at`,
          `${column('updated_at')} AS updated_at`,
          `${sortKeySql(capabilities, params.sort)} AS sort_key`,
        ].join(', '),
      ),
    )
    .from('experiments as e');
  if (!params.includeDeleted && hasColumn(capabilities, 'experiments', 'status')) {
    inner.whereRaw(`(e.status IS NULL OR e.status <> 'deleted')`);
  }
  applySearch(inner, capabilities, params.search);
  const innerKeys: KeyColumn[] = [
    { expression: sortKeySql(capabilities, params.sort), direction },
    { expression: 'e.id', direction },
  ];
  applySortKeyset(inner, knex, innerKeys, sortTag, params.cursor).limit(params.limit + 1);

  const page = knex
    .select(
      knex.raw(
        [
          'p.id, p.name, p.hypothesis_head, p.status, p.created_at, p.updated_at, p.sort_key',
          `${analysisSql(capabilities, 'id')} AS analysis_id`,
          `${analysisSql(capabilities, 'status')} AS analysis_status`,
          `${countSql(capabilities, 'research_executions', 'r')} AS interview_count`,
          `${countSql(capabilities, 'explorations', 'x')} AS exploration_count`,
          `${countSql(capabilities, 'experiment_documents', 'd')} AS document_count`,
        ].join(', '),
      ),
    )
    .from(inner.as('p'))
    .orderByRaw(`p.sort_key ${direction}, p.id ${direction}`);
  const rows = await selectRows<PageRow>(knex, page);

  return toPage(rows, params.limit, (row) => [sortTag, row.sort_key, toText(row.id)], toListRow);
}

function applySearch(query: Knex.QueryBuilder, capabilities: Capabilities, search: string | undefined): void {
  const text = search?.trim() ?? '';
  if (text === '') return;
  const columns = ['name', 'hypothesis'].filter((name) => hasColumn(capabilities, 'experiments', name));
  if (columns.length === 0) {
    query.whereRaw('1 = 0');
    return;
  }
  const pattern = containsPattern(text);
  const op = likeOperator(capabilities.engine);
  query.where((inner) => {
    for (const name of columns) inner.orWhereRaw(`e.${name} ${op} ? ESCAPE '\\'`, [pattern]);
  });
}

function toListRow(row: PageRow): ExperimentListRow {
  const head = toText(row.hypothesis_head);
  // Characters as SQL counts them (code points), not UTF-16 units; a string of at most that many
  // units has at most that many code points, so most rows skip the split.
  const characters = head === null || head.length <= LIST_HYPOTHESIS_LENGTH ? null : Array.from(head);
  const truncated = characters !== null && characters.length > LIST_HYPOTHESIS_LENGTH;
  const status = toText(row.status);
  const analysisId = toText(row.analysis_id);
  return {
    id: toText(row.id) ?? '',
    name: toText(row.name),
    hypothesis: truncated ? characters.slice(0, LIST_HYPOTHESIS_LENGTH).join('') : head,
    hypothesisTruncated: truncated,
    status,
    deleted: status === 'deleted',
    createdAt: toText(row.created_at),
    updatedAt: toText(row.updated_at),
    analysis: analysisId === null ? null : { id: analysisId, status: toText(row.analysis_status) },
    counts: {
      interviews: toNumber(row.interview_count),
      explorations: toNumber(row.exploration_count),
      documents: toNumber(row.document_count),
    },
  };
}
