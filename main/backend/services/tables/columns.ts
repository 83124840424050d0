// How each column is read, shown, sorted and compared on each engine. SQLite values may be of any
// type whatever the declared one, so its expressions branch on typeof(); PostgreSQL columns have
// one type, and anything the driver would turn into a JS object (dates, arrays, intervals) is
// read as its text.
import type { DatabaseEngine } from '../../../../shared/capabilities';
import { SORT_PREFIX_CHARS } from '../../../../shared/contract/tables';
import type { ColumnInfo } from '../../db/introspect';
import { quoteIdentifier } from './sql';

const TEXT_TYPES = /^(text|varchar|varchar\(\d+\)|char\(\d+\))$/;
const POSTGRES_NATIVE = new Set(['integer', 'real', 'float4', 'numeric', 'boolean']);
const POSTGRES_ORDERED = new Set(['text', 'varchar', 'integer', 'real', 'float4', 'numeric', 'boolean', 'timestamp', 'date', 'time', 'uuid', 'blob']);

export function isJson(column: ColumnInfo): boolean {
  return column.type === 'json';
}

function isText(column: ColumnInfo): boolean {
  return TEXT_TYPES.test(column.type);
}

function isJsonb(column: ColumnInfo): boolean {
  return column.rawType.toLowerCase() === 'jsonb';
}

/** PostgreSQL json, xml, arrays and the like have no ordering (or none worth offering). */
export function isSortable(engine: DatabaseEngine, column: ColumnInfo): boolean {
  if (engine === 'sqlite') return true;
  return POSTGRES_ORDERED.has(column.type) || isText(column) || isJsonb(column);
}

/** The expression a key uses: the column itself, so that its index serves the order. */
export function keySql(engine: DatabaseEngine, column: ColumnInfo): string {
  const name = quoteIdentifier(column.name);
  // Blobs in SQLite's JSON-unfriendly form would not survive a cursor: order by their hex.
  if (engine === 'sqlite' && column.type === 'blob') return `(CASE WHEN typeof(${name}) = 'blob' THEN hex(${name}) ELSE ${name} END)`;
  return name;
}

/** The expression a sort by this column uses: long texts order by their first SORT_PREFIX_CHARS characters. */
export function sortSql(engine: DatabaseEngine, column: ColumnInfo): string {
  const name = quoteIdentifier(column.name);
  if (engine === 'sqlite') return isText(column) || isJson(column) ? `substr(${name}, 1, ${SORT_PREFIX_CHARS})` : keySql(engine, column);
  return isText(column) || isJsonb(column) ? `substr(CAST(${name} AS text), 1, ${SORT_PREFIX_CHARS})` : name;
}

/** Selects a cursor value: PostgreSQL sends its text, which binds back to the same value exactly. */
export function cursorSql(engine: DatabaseEngine, expression: string): string {
  return engine === 'postgres' ? `CAST(${expression} AS text)` : expression;
}

export interface DisplaySql {
  value: string;
  /** The full length when the value was cut, else NULL; null when the column is never cut. */
  length: string | null;
}

/**
 * A cell as a page shows it: text cut to maxChars, blobs as `\x` + hex of their first maxChars/2
 * bytes. `source` is the SQL that reads the column (by default its quoted name). On SQLite the cell
 * comes whole and cutSqliteCell cuts it: SQLite reads a long value in full to cut or measure it
 * anyway, and the per-cell typeof/substr/length calls cost more than the page's query itself.
 */
export function displaySql(engine: DatabaseEngine, column: ColumnInfo, maxChars: number, source = quoteIdentifier(column.name)): DisplaySql {
  const chars = Math.trunc(maxChars);
  const bytes = Math.max(1, Math.trunc(chars / 2));
  const name = source;
  if (engine === 'sqlite') return { value: name, length: null };
  if (POSTGRES_NATIVE.has(column.type)) return { value: name, length: null };
  if (column.type === 'blob') {
    return {
      value: `'\\x' || encode(substring(${name} from 1 for ${bytes}), 'hex')`,
      length: `CASE WHEN octet_length(${name}) > ${bytes} THEN octet_length(${name}) END`,
    };
  }
  const text = `CAST(${name} AS text)`;
  return { value: `substr(${text}, 1, ${chars})`, length: `CASE WHEN length(${text}) > ${chars} THEN length(${text}) END` };
}

export interface CutCell {
  value: unknown;
  /** The full length (characters, or bytes of a blob) when the value was cut, else null. */
  length: number | null;
}

/**
 * A SQLite cell as better-sqlite3 returns it, cut the way displaySql cuts on PostgreSQL: text to
 * maxChars characters (code points, as SQLite's substr and length count), a blob to `\x` + hex of
 * its first maxChars/2 bytes.
 */
export function cutSqliteCell(value: unknown, maxChars: number): CutCell {
  const chars = Math.trunc(maxChars);
  if (typeof value === 'string') {
    // UTF-16 units are never fewer than code points: a short string is never cut.
    if (value.length <= chars) return { value, length: null };
    let kept = 0;
    let end = 0;
    while (end < value.length && kept < chars) {
      end += (value.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
      kept += 1;
    }
    if (end >= value.length) return { value, length: null };
    let total = kept;
    for (let index = end; index < value.length; index += (value.codePointAt(index) ?? 0) > 0xffff ? 2 : 1) total += 1;
    return { value: value.slice(0, end), length: total };
  }
  if (value instanceof Uint8Array) {
    const bytes = Math.max(1, Math.trunc(chars / 2));
    const head = Buffer.from(value.buffer, value.byteOffset, Math.min(value.length, bytes)).toString('hex');
    return { value: `\\x${head}`, length: value.length > bytes ? value.length : null };
  }
  return { value, length: null };
}

/**
 * The text a PostgreSQL cell is cut from when it must be cast to get it (json, jsonb, dates …), or
 * null when the cell is shown as it is (numbers, booleans, bytes) or on SQLite. Cast once per cell
 * and given to displaySql as its source, whose own cast of a text is then free.
 */
export function displayTextSql(engine: DatabaseEngine, column: ColumnInfo, source: string): string | null {
  if (engine === 'sqlite' || POSTGRES_NATIVE.has(column.type) || column.type === 'blob') return null;
  return `CAST(${source} AS text)`;
}

export interface FullValueSql {
  value: string;
  /** SQLite: typeof(); PostgreSQL: NULL (the column's type decides). */
  storage: string;
  length: string;
}

export function fullValueSql(engine: DatabaseEngine, column: ColumnInfo): FullValueSql {
  const name = quoteIdentifier(column.name);
  if (engine === 'sqlite') {
    return { value: `CASE typeof(${name}) WHEN 'blob' THEN '\\x' || lower(hex(${name})) ELSE ${name} END`, storage: `typeof(${name})`, length: `length(${name})` };
  }
  if (POSTGRES_NATIVE.has(column.type)) return { value: name, storage: 'NULL', length: 'NULL' };
  if (column.type === 'blob') return { value: `'\\x' || encode(${name}, 'hex')`, storage: 'NULL', length: `octet_length(${name})` };
  return { value: `CAST(${name} AS text)`, storage: 'NULL', length: `length(CAST(${name} AS text))` };
}

/** What a cell holds, from SQLite's typeof() or PostgreSQL's column type. */
export function cellKind(engine: DatabaseEngine, column: ColumnInfo, storage: unknown, value: unknown): 'json' | 'text' | 'number' | 'boolean' | 'blob' | 'null' {
  if (value === null || value === undefined) return 'null';
  if (isJson(column)) return 'json';
  if (engine === 'sqlite') return storage === 'integer' || storage === 'real' ? 'number' : storage === 'blob' ? 'blob' : 'text';
  if (column.type === 'boolean') return 'boolean';
  if (POSTGRES_NATIVE.has(column.type)) return 'number';
  return column.type === 'blob' ? 'blob' : 'text';
}

/** The operand of `=`, `<` …: the column with its own ordering, or its text where it has none worth using. */
export function comparableSql(engine: DatabaseEngine, column: ColumnInfo): string {
  const name = quoteIdentifier(column.name);
  if (engine === 'sqlite') return name;
  return isSortable(engine, column) && !isJsonb(column) ? name : `CAST(${name} AS text)`;
}

/** The operand of contains and starts_with. */
export function textSql(column: ColumnInfo): string {
  return `CAST(${quoteIdentifier(column.name)} AS text)`;
}
