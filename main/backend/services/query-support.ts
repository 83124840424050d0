// Small pieces the experiments and analysis queries share: columns that may be missing in a real
// database, LIKE patterns from researcher text, cursors bound to one sort, driver values to plain
// JSON. (General enough to move to services/ if other domains want them.)
import type { Capabilities, JsonStorage } from '../../../shared/capabilities';
import { hasColumn } from '../../../shared/capabilities';
import { AppError } from '../../../shared/errors';
import type { Knex } from 'knex';
import { applyKeyset, decodeCursor, encodeCursor, type CursorValue, type KeyColumn } from './keyset';

type Tables = Pick<Capabilities, 'tables'>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
}

/** `alias.column` when the table has the column, else `NULL` (real databases lack some columns). */
export function columnOrNull(capabilities: Tables, table: string, alias: string, column: string): string {
  return hasColumn(capabilities, table, column) ? `${checkIdentifier(alias)}.${checkIdentifier(column)}` : 'NULL';
}

/** A sort key that is never NULL: the column itself when it is NOT NULL, else COALESCE(…, ''). */
export function nonNullKey(capabilities: Tables, table: string, alias: string, column: string): string {
  const found = capabilities.tables[table]?.columns[column];
  if (found === undefined) return `''`;
  const sql = `${checkIdentifier(alias)}.${checkIdentifier(column)}`;
  return found.nullable ? `COALESCE(${sql}, '')` : sql;
}

/** How a JSON column is stored, for the sql-json helpers. */
export function jsonStorageOf(capabilities: Pick<Capabilities, 'tables' | 'engine'>, table: string, column: string): JsonStorage {
  if (capabilities.engine === 'sqlite') return 'text';
  const rawType = capabilities.tables[table]?.columns[column]?.rawType.toLowerCase();
  return rawType === 'jsonb' ? 'jsonb' : rawType === 'json' ? 'json' : 'text';
}

/** LIKE's wildcards and the escape character escaped; use with ESCAPE '\'. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` with LIKE's wildcards and the escape character escaped; use with ESCAPE '\'. */
export function containsPattern(text: string): string {
  return `%${likeLiteral(text)}%`;
}

/** `text%`, escaped like containsPattern. */
export function prefixPattern(text: string): string {
  return `${likeLiteral(text)}%`;
}

/** Case-insensitive LIKE on each engine (SQLite's LIKE folds ASCII case; PostgreSQL needs ILIKE). */
export function likeOperator(engine: Capabilities['engine']): 'LIKE' | 'ILIKE' {
  return engine === 'postgres' ? 'ILIKE' : 'LIKE';
}

/**
 * Narrows `query` to rows whose id starts with `search` or whose text columns contain it, case
 * aside (ASCII only on SQLite): how the palette finds an execution or an exploration by what a
 * researcher remembers of it. `idColumn` and `textColumns` are SQL expressions of the service's
 * own; a blank search narrows nothing.
 */
export function whereIdOrTextMatches(query: Knex.QueryBuilder, engine: Capabilities['engine'], search: string | undefined, idColumn: string, textColumns: readonly string[]): void {
  const text = search?.trim() ?? '';
  if (text === '') return;
  const like = likeOperator(engine);
  query.where((inner) => {
    inner.whereRaw(`${idColumn} ${like} ? ESCAPE '\\'`, [prefixPattern(text)]);
    for (const column of textColumns) inner.orWhereRaw(`${column} ${like} ? ESCAPE '\\'`, [containsPattern(text)]);
  });
}

/**
 * Cursors carry the sort they were made for, so a page link from one sort order handed to another
 * is refused instead of silently skipping rows. keyOf values for `toPage`: [sortTag, ...keys].
 */
export function encodeSortCursor(sortTag: string, values: readonly CursorValue[]): string {
  return encodeCursor([sortTag, ...values]);
}

/** The plain keyset cursor for `applyKeyset`, or a bad_request when it belongs to another sort. */
export function decodeSortCursor(sortTag: string, cursor: string | undefined, keyCount: number): string | undefined {
  const values = decodeSortValues(sortTag, cursor, keyCount);
  return values === undefined ? undefined : encodeCursor(values);
}

/** Refuses (bad_request) a cursor that is not one of this sort's; before any database work. */
export function checkSortCursor(sortTag: string, cursor: string | undefined, keyCount: number): void {
  decodeSortValues(sortTag, cursor, keyCount);
}

function decodeSortValues(sortTag: string, cursor: string | undefined, keyCount: number): CursorValue[] | undefined {
  if (cursor === undefined) return undefined;
  const values = decodeCursor(cursor, keyCount + 1);
  if (values[0] !== sortTag) {
    throw new AppError('bad_request', 'This page link belongs to a different sort order. Go back to the first page.', { cursor });
  }
  return values.slice(1);
}

const PLAIN_COLUMN = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

/**
 * applyKeyset for a cursor made by toPage with keys [sortTag, ...values]. When the leading key is
 * an expression it is also bounded on its own (`key <= value` going down): implied by the row
 * comparison, but SQLite range-scans an expression index only for that form, not for a row value
 * (for plain columns the row value is the better range, and is left alone).
 */
export function applySortKeyset(query: Knex.QueryBuilder, knex: Knex, keys: readonly KeyColumn[], sortTag: string, cursor: string | undefined): Knex.QueryBuilder {
  const values = decodeSortValues(sortTag, cursor, keys.length);
  const leading = keys[0];
  if (values !== undefined && leading !== undefined && !PLAIN_COLUMN.test(leading.expression)) {
    query.whereRaw(`${leading.expression} ${leading.direction === 'asc' ? '>=' : '<='} ?`, [values[0] as Knex.Value]);
  }
  return applyKeyset(query, knex, keys, values === undefined ? undefined : encodeCursor(values));
}

/** A number from a driver value (PostgreSQL sends bigint counts and numerics as strings). */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** A driver value as plain JSON data: Dates as ISO text, bytes and bigints described, objects kept. */
export function toPlainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlainValue(inner)]));
  return value;
}
