// synths.list: keyset pages of synths in name or creation order. A filter an index answers narrows
// the query itself; the others (search, facets without an index) are checked over a window of at
// most SCAN_WINDOW synths after the cursor, so no page ever reads the whole table: when the window
// ends before the page is full, the page says so (`scan.partial`) and its cursor resumes the scan.
import type { Knex } from 'knex';
import type { ParamsOutput } from '../../../../shared/api';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import { LIST_DESCRIPTION_LENGTH, type SynthListRow, type SynthPage } from '../../../../shared/contract/synths';
import { applySortKeyset, checkSortCursor, columnOrNull, encodeSortCursor, nonNullKey, toNumber, toText } from '../query-support';
import { selectFirst, selectRows } from '../../db/select';
import { toPage, type CursorValue, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';
import { synthSql } from './facet-sql';
import { allOf, facetFilterValue, facetPredicate, facetPredicates, planFilters, searchPredicate, type Predicate } from './filters';

/**
 * Synths a page may look at when some filter has no index: a few milliseconds of reading rows in
 * sort order (rows of a large table sit on scattered pages, so this bounds the page's cost).
 */
export const SCAN_WINDOW = 2500;

/** What the PostgreSQL window passes on to the page query, when the synths table has them. */
const WINDOW_COLUMNS = ['nome', 'descricao', 'link_photo', 'synth_group_id', 'version', 'created_at', 'data'] as const;

type ListParams = ParamsOutput<'synths.list'>;
type Row = Record<string, unknown>;

export async function listSynths(db: ActiveDatabase, params: ListParams): Promise<SynthPage> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  const direction = params.direction ?? (params.sort === 'name' ? 'asc' : 'desc');
  const sortTag = `${params.sort}:${direction}`;
  checkSortCursor(sortTag, params.cursor, 2);
  const own = synthSql(caps, 's');
  const plan = planFilters(params, own.indexed);
  const scan = { partial: false, window: SCAN_WINDOW, indexedFilters: plan.lead === null ? [] : [plan.lead] };
  if (!hasTable(caps, 'synths')) return { rows: [], nextCursor: null, scan };

  const sortColumn = params.sort === 'name' ? 'nome' : 'created_at';
  const keys: KeyColumn[] = [
    { expression: nonNullKey(caps, 'synths', 's', sortColumn), direction },
    { expression: 's.id', direction },
  ];
  const narrowed = (): Knex.QueryBuilder => {
    const query = knex('synths as s');
    if (plan.lead !== null) where(query, facetPredicate(own.facets[plan.lead], facetFilterValue(params, plan.lead) as string | null));
    return applySortKeyset(query, knex, keys, sortTag, params.cursor);
  };
  const scanned = allOf([searchPredicate(caps.engine, 's', params.search, hasColumn(caps, 'synths', 'descricao')), ...facetPredicates(own, params, plan.scanned)]);
  const keyOf = (row: Row): CursorValue[] => [sortTag, cursorValue(row.sort_key), cursorValue(row.id)];

  if (scanned === null) {
    const query = narrowed().select(knex.raw(displayColumns(caps, 's', keys[0]!.expression).join(', '))).limit(params.limit + 1);
    joinGroup(caps, query, 's');
    const rows = await selectRows(knex, query);
    return { ...toPage(rows, params.limit, keyOf, toListRow), scan };
  }

  const windowEnd = (): Promise<Row | undefined> =>
    selectFirst(
      knex,
      narrowed()
        .select(knex.raw(`${keys[0]!.expression} AS sort_key, s.id AS id`))
        .offset(SCAN_WINDOW - 1)
        .first(),
    );
  let rows: Row[];
  let end: Row | undefined;
  if (caps.engine === 'sqlite') {
    // The SCAN_WINDOW-th synth after the cursor (an index-only skip) bounds the page query, which
    // then stops at its limit + 1st match or at that synth, whichever comes first.
    end = await windowEnd();
    const query = narrowed().select(knex.raw(displayColumns(caps, 's', keys[0]!.expression).join(', '))).limit(params.limit + 1);
    where(query, scanned);
    if (end !== undefined) {
      query.whereRaw(`(${keys[0]!.expression}, s.id) ${direction === 'asc' ? '<=' : '>='} (?, ?)`, [cursorValue(end.sort_key), cursorValue(end.id)] as Knex.Value[]);
    }
    joinGroup(caps, query, 's');
    rows = await selectRows(knex, query);
  } else {
    // PostgreSQL cannot estimate a filter inside JSON and, given the bound above, may read the whole
    // table and sort it; a LIMIT subquery in sort order makes it read the window by index, in order,
    // and stop at the limit + 1st match.
    const window = narrowed()
      .select(knex.raw(['s.id AS id', `${keys[0]!.expression} AS sort_key`, ...WINDOW_COLUMNS.filter((column) => hasColumn(caps, 'synths', column)).map((column) => `s.${column}`)].join(', ')))
      .limit(SCAN_WINDOW);
    const query = knex
      .from(window.as('w'))
      .select(knex.raw(displayColumns(caps, 'w', 'w.sort_key').join(', ')))
      .orderByRaw(`w.sort_key ${direction}, w.id ${direction}`)
      .limit(params.limit + 1);
    where(query, allOf([searchPredicate(caps.engine, 'w', params.search, hasColumn(caps, 'synths', 'descricao')), ...facetPredicates(synthSql(caps, 'w'), params, plan.scanned)])!);
    joinGroup(caps, query, 'w');
    rows = await selectRows(knex, query);
    end = rows.length > params.limit ? undefined : await windowEnd();
  }
  if (rows.length > params.limit || end === undefined) return { ...toPage(rows, params.limit, keyOf, toListRow), scan };
  // The window ended before the page filled: the next page resumes after its last synth.
  return {
    rows: rows.map(toListRow),
    nextCursor: encodeSortCursor(sortTag, [cursorValue(end.sort_key), cursorValue(end.id)]),
    scan: { ...scan, partial: true },
  };
}

function where(query: Knex.QueryBuilder, predicate: Predicate): void {
  query.whereRaw(predicate.sql, predicate.bindings);
}

function hasGroupJoin(caps: Capabilities): boolean {
  return hasTable(caps, 'synth_groups') && hasColumn(caps, 'synth_groups', 'id') && hasColumn(caps, 'synths', 'synth_group_id');
}

function joinGroup(caps: Capabilities, query: Knex.QueryBuilder, alias: string): void {
  if (hasGroupJoin(caps)) query.leftJoin('synth_groups as g', 'g.id', `${alias}.synth_group_id`);
}

/** The list row's columns over the synths table (or the window) aliased `alias`. */
function displayColumns(caps: Capabilities, alias: string, sortKey: string): string[] {
  const column = (name: string): string => columnOrNull(caps, 'synths', alias, name);
  const descricao = column('descricao');
  const sql = synthSql(caps, alias);
  return [
    `${alias}.id AS id`,
    `${sortKey} AS sort_key`,
    `${column('nome')} AS nome`,
    `${descricao === 'NULL' ? 'NULL' : `substr(${descricao}, 1, ${LIST_DESCRIPTION_LENGTH + 1})`} AS descricao`,
    `${column('link_photo')} AS link_photo`,
    `${column('synth_group_id')} AS group_id`,
    `${hasGroupJoin(caps) ? columnOrNull(caps, 'synth_groups', 'g', 'name') : 'NULL'} AS group_name`,
    `${column('version')} AS version`,
    `${column('created_at')} AS created_at`,
    `${sql.fields.age} AS age`,
    `${sql.facets.gender} AS gender`,
    `${sql.fields.city} AS city`,
    `${sql.facets.state} AS state`,
    `${sql.fields.occupation} AS occupation`,
  ];
}

function cursorValue(value: unknown): CursorValue {
  return typeof value === 'number' ? value : toText(value);
}

function shortDescription(value: unknown): string | null {
  const text = toText(value);
  if (text === null || text.length <= LIST_DESCRIPTION_LENGTH) return text;
  return `${text.slice(0, LIST_DESCRIPTION_LENGTH).trimEnd()}…`;
}

function toListRow(row: Row): SynthListRow {
  return {
    id: String(row.id),
    nome: toText(row.nome),
    descricao: shortDescription(row.descricao),
    linkPhoto: toText(row.link_photo),
    groupId: toText(row.group_id),
    groupName: toText(row.group_name),
    version: toText(row.version),
    createdAt: toText(row.created_at),
    age: toNumber(row.age),
    gender: toText(row.gender),
    city: toText(row.city),
    state: toText(row.state),
    occupation: toText(row.occupation),
  };
}
