// Simple filters of the table browser (column op value) as SQL: the column is checked against the
// schema and quoted, the value only ever bound.
import type { Knex } from 'knex';
import type { DatabaseEngine } from '../../../../shared/capabilities';
import type { TableFilter } from '../../../../shared/contract/tables';
import { AppError } from '../../../../shared/errors';
import type { TableSchema } from '../../db/introspect';
import { containsPattern } from '../query-support';
import { comparableSql, textSql } from './columns';
import { findColumn } from './schema-cache';
import { andAll, type SqlFragment } from './sql';

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);

export function filtersSql(engine: DatabaseEngine, table: TableSchema, filters: readonly TableFilter[]): SqlFragment {
  return andAll(filters.map((filter) => filterSql(engine, table, filter)));
}

function filterSql(engine: DatabaseEngine, table: TableSchema, filter: TableFilter): SqlFragment {
  const column = findColumn(table, filter.column);
  if (filter.op === 'is_null') return { sql: `${comparableSql(engine, column)} IS NULL`, bindings: [] };
  if (filter.op === 'is_not_null') return { sql: `${comparableSql(engine, column)} IS NOT NULL`, bindings: [] };
  const value = filter.value;
  if (value === undefined || value === null) {
    throw new AppError('bad_request', `The filter "${filter.op}" on ${column.name} needs a value (to find empty cells, use is_null).`, {
      column: column.name,
      op: filter.op,
    });
  }
  if (COMPARISONS.has(filter.op)) {
    const op = filter.op === '!=' ? '<>' : filter.op;
    return { sql: `${comparableSql(engine, column)} ${op} ?`, bindings: [bindable(engine, value)] };
  }
  const text = String(value);
  // containsPattern gives %text%; a prefix match drops the leading %.
  const pattern = filter.op === 'contains' ? containsPattern(text) : containsPattern(text).slice(1);
  return { sql: `${textSql(column)} ${engine === 'postgres' ? 'ILIKE' : 'LIKE'} ? ESCAPE '\\'`, bindings: [pattern] };
}

// better-sqlite3 binds no booleans; SQLite keeps them as 1 and 0 anyway.
function bindable(engine: DatabaseEngine, value: string | number | boolean): Knex.Value {
  if (typeof value === 'boolean' && engine === 'sqlite') return value ? 1 : 0;
  return value;
}
