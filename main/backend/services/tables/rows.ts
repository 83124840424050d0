// tables.rows: one keyset page of any table. A single SELECT: every column cut short in SQL (so a
// 1 MB JSON cell costs 500 characters on the wire), the key (and sort) values for the cursor, the
// caller's filters bound, ORDER BY the sort column then the row key, LIMIT page + 1.
import type { DatabaseEngine } from '../../../../shared/capabilities';
import type { SortDirection } from '../../../../shared/contract/paging';
import type { CellScalar, TableFilter, TableRow, TableRowsPage } from '../../../../shared/contract/tables';
import { AppError } from '../../../../shared/errors';
import type { TableSchema } from '../../db/introspect';
import type { CursorValue } from '../keyset';
import type { ActiveDatabase } from '../session';
import { cursorSql, cutSqliteCell, displaySql, displayTextSql, isSortable, sortSql } from './columns';
import { filtersSql } from './filters';
import { afterSql, decodePageCursor, encodePageCursor, orderByPositionsSql, orderBySql, toCursorValue, type OrderPart } from './order';
import { chooseRowKey, type RowKeyPlan } from './row-key';
import { findColumn, type SchemaCache } from './schema-cache';
import { andAll, quoteIdentifier, selectRows, withCallerValues, type SqlFragment } from './sql';

export interface RowsParams {
  table: string;
  cursor?: string | undefined;
  limit: number;
  sort?: { column: string; direction: SortDirection } | undefined;
  filters: TableFilter[];
  maxChars: number;
}

interface PageOrder {
  plan: RowKeyPlan;
  /** The sort part (if any) followed by the key parts, all in the page's direction. */
  parts: OrderPart[];
  hasSortPart: boolean;
  tag: string;
}

/** The order of a page: the chosen sort column (unless it already leads the key), then the row key. */
export function pageOrder(engine: DatabaseEngine, table: TableSchema, sort: RowsParams['sort']): PageOrder {
  const plan = chooseRowKey(engine, table);
  const direction = sort?.direction ?? 'asc';
  const keyParts = plan.parts.map((part) => ({ ...part, direction }));
  let sortPart: OrderPart | null = null;
  if (sort !== undefined) {
    const column = findColumn(table, sort.column);
    if (!isSortable(engine, column)) {
      throw new AppError('bad_request', `The column ${column.name} (${column.rawType}) cannot be sorted by.`, { table: table.name, column: column.name });
    }
    if (plan.info.kind === 'all_columns' || plan.info.columns[0] !== column.name) {
      sortPart = { sql: sortSql(engine, column), direction, nullable: column.nullable };
    }
  }
  const tag = [table.name, sort?.column ?? '', direction, plan.info.kind, ...plan.info.columns].join('\u0001');
  return { plan, parts: sortPart === null ? keyParts : [sortPart, ...keyParts], hasSortPart: sortPart !== null, tag };
}

export async function readRows(db: ActiveDatabase, schemas: SchemaCache, params: RowsParams): Promise<TableRowsPage> {
  const engine = db.handle.engine;
  const table = await schemas.table(db, params.table);
  const order = pageOrder(engine, table, params.sort);
  const where: SqlFragment[] = [filtersSql(engine, table, params.filters)];
  if (params.cursor !== undefined && order.parts.length > 0) {
    where.push(afterSql(order.parts, decodePageCursor(order.tag, params.cursor, order.parts.length)));
  }

  // The inner query finds the page's rows in order, carrying column values untouched; only the
  // outer one, over page + 1 rows, casts and cuts them. (PostgreSQL would otherwise compute every
  // cast before a sort, for the whole table.) On PostgreSQL a middle query casts each cell to text
  // once, fenced by OFFSET 0 so that the planner does not fold it into the outer one, which would
  // cast it again for each use (the cut, the length): a jsonb cell's text is not cheap.
  const inner = [
    ...table.columns.map((column, index) => `${quoteIdentifier(column.name)} AS c${index}`),
    // Named as the cursor reads them (k) where the inner query is the page (SQLite).
    ...order.parts.map((part, index) => `${part.sql} AS ${engine === 'sqlite' ? 'k' : 'o'}${index}`),
  ];
  const casts = table.columns.map((column, index) => displayTextSql(engine, column, `p.c${index}`));
  const middle = casts.flatMap((cast, index) => (cast === null ? [] : [`${cast} AS t${index}`]));
  const outer: string[] = [];
  table.columns.forEach((column, index) => {
    const display = displaySql(engine, column, params.maxChars, casts[index] === null ? `q.c${index}` : `q.t${index}`);
    outer.push(`${display.value} AS c${index}`);
    if (display.length !== null) outer.push(`${display.length} AS l${index}`);
  });
  order.parts.forEach((_, index) => outer.push(`${cursorSql(engine, `q.o${index}`)} AS k${index}`));
  const outerOrder = order.parts.map((part, index) => ({ ...part, sql: `q.o${index}` }));

  const condition = andAll(where);
  const innerSql =
    `SELECT ${inner.join(', ')} FROM ${quoteIdentifier(table.name)}` +
    (condition.sql === '' ? '' : ` WHERE ${condition.sql}`) +
    (order.parts.length === 0 ? '' : ` ORDER BY ${orderByPositionsSql(order.parts, table.columns.length + 1)}`) +
    ` LIMIT ${params.limit + 1}`;
  const pageSql = middle.length === 0 ? `(${innerSql}) AS q` : `(SELECT p.*, ${middle.join(', ')} FROM (${innerSql}) AS p OFFSET 0) AS q`;
  // SQLite cuts nothing in SQL (cutSqliteCell does): the inner query alone is the page.
  const sql =
    engine === 'sqlite'
      ? innerSql
      : `SELECT ${outer.join(', ')} FROM ${pageSql}` + (order.parts.length === 0 ? '' : ` ORDER BY ${orderBySql(outerOrder)}`);
  const found = await withCallerValues(() => selectRows(db.handle, { sql, bindings: condition.bindings }));

  const hasMore = order.parts.length > 0 && found.length > params.limit;
  const pageRows = found.slice(0, params.limit);
  const cursorOf = (row: Record<string, unknown>): CursorValue[] => order.parts.map((_, index) => toCursorValue(row[`k${index}`]));
  const keyOffset = order.hasSortPart ? 1 : 0;
  const cutInJs = engine === 'sqlite';
  const rows = pageRows.map((row): TableRow => {
    const values: CellScalar[] = [];
    const truncated: Record<string, number> = {};
    table.columns.forEach((column, index) => {
      let value = row[`c${index}`];
      let length = row[`l${index}`];
      if (cutInJs) ({ value, length } = cutSqliteCell(value, params.maxChars));
      values.push(toCellScalar(value));
      if (length !== null && length !== undefined) truncated[column.name] = Number(length);
    });
    const out: TableRow = { key: cursorOf(row).slice(keyOffset), values };
    if (Object.keys(truncated).length > 0) out.truncated = truncated;
    return out;
  });
  const last = pageRows.at(-1);
  return {
    table: table.name,
    columns: table.columns.map((column) => column.name),
    key: order.plan.info,
    maxChars: params.maxChars,
    rows,
    nextCursor: hasMore && last !== undefined ? encodePageCursor(order.tag, cursorOf(last)) : null,
  };
}

export function toCellScalar(value: unknown): CellScalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}
