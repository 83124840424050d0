// One reader for the five legacy tables: columns by name (missing ones read as NULL), keyset pages in
// a fixed order with an optional equality filter, one row by id, and `available: false` where the
// table does not exist.
import type { Knex } from 'knex';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import type { LegacyInsightTable, LegacyItem, LegacyPage, LegacyTableInfo } from '../../../../shared/contract/insights';
import { LEGACY_INSIGHT_TABLES } from '../../../../shared/contract/insights';
import type { SortDirection } from '../../../../shared/contract/paging';
import { AppError } from '../../../../shared/errors';
import { applySortKeyset, columnOrNull, nonNullKey, toText } from '../query-support';
import { selectRows as runSelect } from '../../db/select';
import { toPage, type CursorValue, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';

export type Row = Record<string, unknown>;

export interface LegacyTableSpec<Out> {
  table: LegacyInsightTable;
  /** Read by name; each arrives in the row under its own name (NULL when the column is absent). */
  columns: readonly string[];
  /** The leading sort column (ties broken by id, in the same direction). */
  orderBy: string;
  direction: SortDirection;
  /** Adds experiments.name as `experiment_name`, joined on this column. */
  experimentNameFrom?: string;
  toRow(row: Row): Out;
}

function available(caps: Capabilities, table: string): boolean {
  return hasTable(caps, table) && hasColumn(caps, table, 'id');
}

function selectRows(db: ActiveDatabase, spec: LegacyTableSpec<unknown>, extra: string[] = []): Knex.QueryBuilder {
  const { knex } = db.handle;
  const caps = db.capabilities;
  const columns = spec.columns.map((column) => `${columnOrNull(caps, spec.table, 't', column)} AS ${column}`);
  const joinColumn = spec.experimentNameFrom;
  const withExperiment = joinColumn !== undefined && hasColumn(caps, spec.table, joinColumn) && hasTable(caps, 'experiments') && hasColumn(caps, 'experiments', 'id');
  if (joinColumn !== undefined) columns.push(`${withExperiment ? columnOrNull(caps, 'experiments', 'e', 'name') : 'NULL'} AS experiment_name`);
  const query = knex(`${spec.table} as t`).select(knex.raw([...columns, ...extra].join(', ')));
  if (withExperiment) query.leftJoin('experiments as e', 'e.id', `t.${joinColumn}`);
  return query;
}

export async function listLegacy<Out>(
  db: ActiveDatabase,
  spec: LegacyTableSpec<Out>,
  params: { filter?: { column: string; value: string | undefined }; cursor?: string | undefined; limit: number },
): Promise<LegacyPage<Out>> {
  const caps = db.capabilities;
  if (!available(caps, spec.table)) return { rows: [], nextCursor: null, available: false };
  const keys: KeyColumn[] = [
    { expression: nonNullKey(caps, spec.table, 't', spec.orderBy), direction: spec.direction },
    { expression: 't.id', direction: spec.direction },
  ];
  const query = selectRows(db, spec, [`${keys[0]!.expression} AS sort_key`]).limit(params.limit + 1);
  const filter = params.filter;
  if (filter !== undefined && filter.value !== undefined) {
    if (!hasColumn(caps, spec.table, filter.column)) return { rows: [], nextCursor: null, available: true };
    query.where(`t.${filter.column}`, filter.value);
  }
  applySortKeyset(query, db.handle.knex, keys, spec.table, params.cursor);
  const rows = await runSelect(db.handle.knex, query);
  const keyOf = (row: Row): CursorValue[] => [spec.table, toText(row.sort_key), toText(row.id)];
  return { ...toPage(rows, params.limit, keyOf, spec.toRow), available: true };
}

export async function getLegacy<Out>(db: ActiveDatabase, spec: LegacyTableSpec<Out>, id: string): Promise<LegacyItem<Out>> {
  if (!available(db.capabilities, spec.table)) return { available: false };
  const row: Row | undefined = await selectRows(db, spec).where('t.id', id).first();
  if (row === undefined) throw new AppError('not_found', `No ${spec.table} row ${id} in this database.`, { table: spec.table, id });
  return { available: true, item: spec.toRow(row) };
}

export async function legacyTables(db: ActiveDatabase): Promise<LegacyTableInfo[]> {
  const infos: LegacyTableInfo[] = [];
  for (const table of LEGACY_INSIGHT_TABLES) {
    const present = hasTable(db.capabilities, table);
    const hasRows = present && (await db.handle.knex(table).select(db.handle.knex.raw('1 AS one')).first()) !== undefined;
    infos.push({ table, available: present, hasRows });
  }
  return infos;
}
