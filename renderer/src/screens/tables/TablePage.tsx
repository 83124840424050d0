// One table's rows: keyset pages in a virtualized grid, sorted by any sortable column and narrowed
// by simple filters (both in the address), long cells cut in SQL and shown whole in the row panel,
// JSON cells in the viewer, foreign keys followed both ways. Its structure on a second tab.
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellScalar, TableFilter, TableInfo, TableRow } from '../../../../shared/contract/tables';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { DataTable, type DataColumn } from '../../ui/DataTable';
import { EmptyState, ErrorNotice, Skeleton } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { Tabs } from '../../ui/Tabs';
import { SelectionExport } from '../export/SelectionExport';
import { useTableTranscriptPick } from '../export/table-transcripts';
import { FilterBar } from './FilterBar';
import { RowCount } from './RowCount';
import { RowPanel } from './RowPanel';
import { tableRoute, type TableSearch, type TableTab } from './routes';
import { GridCell, type ValueOf } from './table-cells';
import { apiFilters, columnWidth } from './table-model';
import { RowKeyExplained, TableStructure } from './TableStructure';
import { useTableList } from './use-table-list';
import './tables.css';

/** Grid cells show one line; the panel fetches the rest. */
const GRID_CELL_CHARS = 300;

export function TablePage() {
  const { t } = useTranslation();
  const { table: name } = tableRoute.useParams();
  const search = tableRoute.useSearch();
  const list = useTableList();
  useDocumentTitle(name);
  const table = list.data?.tables.find((candidate) => candidate.name === name);

  return (
    <div className="page page--list table-page">
      <Link to="/tables" search={{ table: name }} className="back-link">
        <Icon name="back" size={15} />
        {t('nav.tables')}
      </Link>
      {list.isPending && <Skeleton lines={8} />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && !table && (
        <EmptyState
          title={t('tables.missing', { name })}
          actions={
            <Link to="/tables" className="button">
              {t('tables.allTables')}
            </Link>
          }
        >
          <p>{t('tables.missingExplained')}</p>
        </EmptyState>
      )}
      {table && <TableView key={table.name} table={table} search={search} />}
    </div>
  );
}

function TableView({ table, search }: { table: TableInfo; search: TableSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: tableRoute.fullPath });
  const filters = useMemo(() => apiFilters(search.filter), [search.filter]);
  const tab: TableTab = search.tab ?? 'rows';
  const [countedFor, setCountedFor] = useState<string | null>(null);
  const filtersKey = JSON.stringify(filters);

  const setFilters = (next: TableFilter[]): void =>
    void navigate({ search: (prev) => ({ ...prev, filter: next.length === 0 ? undefined : next }) });

  return (
    <>
      <header className="page__header table-page__header">
        <h1 className="page__title mono">{table.name}</h1>
        <span className={`chip chip--origin-${table.origin}`}>{t(`tables.originChips.${table.origin}`)}</span>
        {table.kind !== 'table' && <span className="chip">{t(`tables.kinds.${table.kind}`)}</span>}
        <div className="toolbar">
          <RowCount table={table.name} filters={filters} requested={countedFor === filtersKey} onRequest={() => setCountedFor(filtersKey)} />
        </div>
      </header>
      <Tabs<TableTab>
        label={t('tables.tabsLabel')}
        tabs={[
          { id: 'rows', label: t('tables.tabs.rows') },
          { id: 'structure', label: t('tables.tabs.structure') },
        ]}
        selected={tab}
        onSelect={(next) => void navigate({ search: (prev) => ({ ...prev, tab: next === 'rows' ? undefined : next }), replace: true })}
      >
        {tab === 'rows' ? (
          <RowsView table={table} search={search} filters={filters} onFiltersChange={setFilters} />
        ) : (
          <div className="table-page__structure">
            <TableStructure table={table} linkMode="rows" />
          </div>
        )}
      </Tabs>
    </>
  );
}

interface OpenRow {
  row: TableRow;
  focusColumn: string | null;
}

function RowsView({
  table,
  search,
  filters,
  onFiltersChange,
}: {
  table: TableInfo;
  search: TableSearch;
  filters: TableFilter[];
  onFiltersChange: (filters: TableFilter[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: tableRoute.fullPath });
  const [open, setOpen] = useState<OpenRow | null>(null);

  // A sort the address asks for but the table cannot do (a renamed column, a JSON column) is ignored.
  const sortColumn = table.columns.find((column) => column.name === search.sort && column.sortable);
  const direction = search.dir ?? 'asc';
  const params = {
    table: table.name,
    filters,
    maxChars: GRID_CELL_CHARS,
    ...(sortColumn ? { sort: { column: sortColumn.name, direction } } : {}),
  };
  const source = apiPageSource(client, 'tables.rows', params);
  const list = usePagedRows(source);

  // Cells follow the page's column order, which is the table's own.
  const pageColumns = list.firstPage?.columns;
  const indexOf = useMemo(() => new Map((pageColumns ?? table.columns.map((column) => column.name)).map((name, index) => [name, index])), [pageColumns, table.columns]);
  const valueOf: ValueOf = useCallback((row, column) => {
    const index = indexOf.get(column);
    return index === undefined ? undefined : (row.values[index] as CellScalar | undefined);
  }, [indexOf]);

  const openJson = useCallback((row: TableRow, column: string) => setOpen({ row, focusColumn: column }), []);
  const columns = useMemo<DataColumn<TableRow>[]>(
    () =>
      table.columns.map((column) => ({
        id: column.name,
        header: column.name,
        width: columnWidth(column),
        align: /^(integer|real|numeric|bigint|smallint|double|float|decimal)/i.test(column.type) ? 'end' : 'start',
        ...(column.sortable ? { sortKey: column.name } : {}),
        cell: (row: TableRow) => <GridCell table={table} column={column} row={row} valueOf={valueOf} onOpenJson={openJson} />,
      })),
    [table, valueOf, openJson],
  );
  const rowKey = useRowKey(table);
  const transcriptPick = useTableTranscriptPick(table, list, rowKey, valueOf);

  const filtered = filters.length > 0;
  return (
    <div className="rows-view">
      <div className="rows-view__bar">
        <FilterBar table={table} filters={filters} onChange={onFiltersChange} />
        {sortColumn && (
          <span className="filter-chip filter-chip--sort">
            <Icon name={direction === 'asc' ? 'sortAsc' : 'sortDesc'} size={13} />
            <span>{t('tables.sortedBy', { column: sortColumn.name })}</span>
            <button
              type="button"
              className="filter-chip__remove"
              aria-label={t('tables.resetSort')}
              title={t('tables.resetSort')}
              onClick={() => void navigate({ search: (prev) => ({ ...prev, sort: undefined, dir: undefined }) })}
            >
              <Icon name="close" size={12} />
            </button>
          </span>
        )}
        {transcriptPick && <SelectionExport selection={transcriptPick.selection} keyOf={transcriptPick.keyOf} />}
      </div>
      {list.error && filtered && (
        <div className="rows-view__notice">
          <ErrorNotice compact error={list.error} />
          <button type="button" className="button" onClick={() => onFiltersChange([])}>
            {t('tables.filters.clear')}
          </button>
        </div>
      )}
      <div className={`rows-view__body${open ? ' has-panel' : ''}`}>
        <DataTable
          label={t('tables.gridLabel', { table: table.name })}
          columns={columns}
          list={list}
          rowHeight={32}
          {...(transcriptPick ? { selection: transcriptPick.selection.table } : {})}
          countLabel={(n) => t('tables.rowsLoaded', { count: n, formatted: format.integer(n) })}
          {...(sortColumn ? { sort: { key: sortColumn.name, direction } } : {})}
          onSortChange={(next) =>
            void navigate({ search: (prev) => ({ ...prev, sort: next.key, dir: next.direction === 'asc' ? undefined : next.direction }) })
          }
          onOpen={(row) => setOpen({ row, focusColumn: null })}
          onEscape={() => setOpen(null)}
          onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
          rowClassName={(row) => (open && sameRow(table, open.row, row) ? 'is-open' : undefined)}
          empty={
            filtered ? (
              <EmptyState
                title={t('tables.noRowsMatch')}
                actions={
                  <button type="button" className="button" onClick={() => onFiltersChange([])}>
                    {t('tables.filters.clear')}
                  </button>
                }
              />
            ) : (
              <EmptyState title={t('tables.emptyTable')} />
            )
          }
        />
        {open && <RowPanel table={table} row={open.row} valueOf={valueOf} focusColumn={open.focusColumn} onClose={() => setOpen(null)} />}
      </div>
      <RowKeyExplained table={table} />
    </div>
  );
}

/** The open row, also after a refetch; where twins share a key, only the very row that was clicked. */
function sameRow(table: TableInfo, a: TableRow, b: TableRow): boolean {
  return a === b || (table.rowKey.unique && JSON.stringify(a.key) === JSON.stringify(b.key));
}

/**
 * Row ids for picking rows. A unique row key is the id; where twins cannot be told apart (a view
 * without a key), each row object gets a number of its own so no two rows share an id.
 */
function useRowKey(table: TableInfo): (row: TableRow) => string {
  return useMemo(() => {
    if (table.rowKey.unique) return (row: TableRow) => JSON.stringify(row.key);
    const ids = new WeakMap<TableRow, number>();
    let next = 0;
    return (row: TableRow) => {
      let id = ids.get(row);
      if (id === undefined) ids.set(row, (id = next++));
      return `#${id}`;
    };
  }, [table.rowKey.unique]);
}
