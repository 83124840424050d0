// The list table every screen uses: keyset pages held around the rows on screen (usePagedRows: a
// page arriving costs O(page), however long the list), only the rows on screen in the DOM (a
// constant number however far the researcher scrolls, drawn straight from the column definitions,
// placeholder rows where a page is still on its way), sortable headers that hand the API's sort
// key back to the screen, and keyboard navigation (arrows, Page Up/Down, Home/End, Enter opens,
// Esc leaves the list).
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortDirection } from '../../../shared/contract/paging';
import type { PagedRows } from '../api/paged-rows';
import { ErrorNotice, SlowCallNotice } from './feedback';
import { Icon } from './Icon';
import { isPickingClick, SELECTION_COLUMN_WIDTH, SelectionCell, SelectionHeaderCell, type TableSelection } from './row-selection';
import { useRowWindow } from './use-row-window';

export interface DataColumn<Row> {
  id: string;
  header: string;
  /** A CSS grid track: `14rem`, `minmax(18rem, 3fr)`, `6rem`. */
  width: string;
  cell: (row: Row) => ReactNode;
  align?: 'start' | 'end';
  /** The API's sort key; the header becomes a sort button when present. */
  sortKey?: string;
}

export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface DataTableProps<Row> {
  /** Accessible name of the grid ("Experiments"). */
  label: string;
  columns: ReadonlyArray<DataColumn<Row>>;
  /** The list: `usePagedRows(apiPageSource(client, method, params))`. */
  list: PagedRows<Row>;
  /** What one row is called in the status line, with a count ("12 experiments"). */
  countLabel: (count: number) => string;
  sort?: SortState;
  /** Header clicked: the new sort (same key flips the direction; a new key starts with its default). */
  onSortChange?: (sort: SortState) => void;
  defaultDirection?: (key: string) => SortDirection;
  onOpen?: (row: Row) => void;
  /** Esc in the list: e.g. move focus back to the search box. */
  onEscape?: () => void;
  /** Stops the call in flight (shown after a while as "Still working… Cancel"). */
  onCancel?: () => void;
  rowClassName?: (row: Row) => string | undefined;
  /** Shown instead of rows when the list is empty. */
  empty: ReactNode;
  rowHeight?: number;
  /** Rows can be picked (useRowSelection): a checkbox column, Ctrl/Cmd/Shift-click, Space. */
  selection?: TableSelection<Row>;
}

const DEFAULT_ROW_HEIGHT = 36;
const HEADER_HEIGHT = 34;
/** Rows drawn beyond each edge of the screen, so a short scroll never shows a gap (none during a fling). */
const OVERSCAN = 3;

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useTranslation();
  const { list, columns, sort, onSortChange, onOpen, onEscape, selection } = props;
  const rowHeight = props.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const { visible, scrollToRow } = useRowWindow(scrollRef, { rowHeight, headerHeight: HEADER_HEIGHT });
  const { rowCount, complete, showRows } = list;

  // One click handler for every row, reading the latest props: rows whose row, place and looks did
  // not change skip rendering (a page arriving or the list re-rendering leaves them alone).
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const onRowClick = useCallback((event: MouseEvent, row: Row, index: number) => {
    setActiveIndex(index);
    const { selection: picking, onOpen: open } = latest.current;
    if (picking && isPickingClick(event)) picking.toggle(row, index, event.shiftKey);
    else open?.(row);
  }, []);

  // The list fetches and holds the pages around what is on screen.
  useEffect(() => {
    if (visible.last >= visible.first) showRows(visible.first, visible.last);
  }, [visible.first, visible.last, showRows, list.id]);

  // A new search or sort starts a new list: forget the old position.
  useEffect(() => {
    setActiveIndex(-1);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [list.id]);

  const moveTo = useCallback(
    (index: number) => {
      if (rowCount === 0) return;
      const clamped = Math.max(0, Math.min(rowCount - 1, index));
      setActiveIndex(clamped);
      scrollToRow(clamped);
    },
    [rowCount, scrollToRow],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 2);
    const handled: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex <= 0 ? 0 : activeIndex - 1),
      PageDown: () => moveTo(activeIndex + pageSize),
      PageUp: () => moveTo(activeIndex - pageSize),
      Home: () => moveTo(0),
      End: () => moveTo(rowCount - 1),
      Enter: () => {
        const row = activeIndex >= 0 ? list.rowAt(activeIndex) : undefined;
        if (row !== undefined) onOpen?.(row);
      },
      Escape: () => {
        setActiveIndex(-1);
        onEscape?.();
      },
    };
    if (selection) {
      handled[' '] = () => {
        const row = activeIndex >= 0 ? list.rowAt(activeIndex) : undefined;
        if (row !== undefined) selection.toggle(row, activeIndex, false);
      };
    }
    const action = handled[event.key];
    if (action === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  const tracks = [...(selection ? [{ width: SELECTION_COLUMN_WIDTH }] : []), ...columns];
  const gridTemplate = tracks.map((column) => column.width).join(' ');
  const style = {
    '--data-table-columns': gridTemplate,
    '--data-table-min-width': `${minimumWidthRem(tracks)}rem`,
    '--data-table-row-height': `${rowHeight}px`,
  } as CSSProperties;
  const rowId = (index: number): string => `${gridId}-row-${index}`;

  let body: ReactNode;
  if (list.status === 'error' && list.error) {
    body = (
      <div className="data-table__message">
        <ErrorNotice error={list.error} onRetry={list.retry} />
      </div>
    );
  } else if (list.status === 'cancelled') {
    body = (
      <div className="data-table__message">
        <p>{t('table.cancelled')}</p>
        <button type="button" className="button" onClick={list.retry}>
          {t('common.loadAgain')}
        </button>
      </div>
    );
  } else if (list.status === 'loading') {
    body = (
      <div className="data-table__skeleton" role="status" aria-label={t('common.loading')}>
        {Array.from({ length: 12 }, (_, index) => (
          <div key={index} className="data-table__skeleton-row">
            {selection && <span />}
            {columns.map((column) => (
              <span key={column.id} className="skeleton__line" />
            ))}
          </div>
        ))}
        {props.onCancel && <SlowCallNotice onCancel={props.onCancel} />}
      </div>
    );
  } else if (rowCount === 0 && complete) {
    body = <div className="data-table__message">{props.empty}</div>;
  } else {
    // Past the rows known, a screen of placeholders while the next page is on its way.
    const screenRows = Math.max(1, visible.last - visible.first + 1);
    const slots = rowCount + (complete || list.error ? 0 : screenRows);
    const overscan = visible.leaping ? 0 : OVERSCAN;
    const first = Math.max(0, visible.first - overscan);
    const last = Math.min(slots - 1, visible.last + overscan);
    // Rows are keyed by their place on screen, not by list row: scrolling refills a constant set of
    // elements, in order, instead of building new ones or moving them around the DOM.
    const rows: ReactNode[] = [];
    for (let index = first; index <= last; index += 1) {
      const row = index < rowCount ? list.rowAt(index) : undefined;
      const slot = index - first;
      if (row === undefined) {
        rows.push(<PlaceholderRow key={slot} index={index} rowHeight={rowHeight} columns={columns} selection={selection !== undefined} />);
        continue;
      }
      rows.push(
        <TableRow
          key={slot}
          row={row}
          index={index}
          id={index === activeIndex ? rowId(index) : undefined}
          rowHeight={rowHeight}
          active={index === activeIndex}
          extraClass={props.rowClassName?.(row)}
          columns={columns}
          selection={selection}
          onClick={onRowClick}
        />,
      );
    }
    body = (
      <div role="rowgroup" className="data-table__body" style={{ height: slots * rowHeight }}>
        {rows}
      </div>
    );
  }

  const loading = list.status === 'loading';
  return (
    <div className="data-table" style={style}>
      <div
        ref={scrollRef}
        className="data-table__scroller"
        role="grid"
        aria-label={props.label}
        aria-rowcount={complete ? rowCount + 1 : -1}
        aria-colcount={tracks.length}
        aria-activedescendant={activeIndex >= 0 && activeIndex < rowCount && list.rowAt(activeIndex) !== undefined ? rowId(activeIndex) : undefined}
        aria-busy={loading || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (activeIndex < 0 && rowCount > 0) setActiveIndex(0);
        }}
      >
        <div role="rowgroup" className="data-table__head">
          <div role="row" aria-rowindex={1} className="data-table__header-row">
            {selection && <SelectionHeaderCell selection={selection} />}
            {columns.map((column) => {
              const sortKey = column.sortKey;
              const sorted = sortKey !== undefined && sort?.key === sortKey ? sort.direction : undefined;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  className={`data-table__header${column.align === 'end' ? ' is-end' : ''}`}
                >
                  {sortKey !== undefined && onSortChange ? (
                    <button
                      type="button"
                      className={`data-table__sort${sorted ? ' is-sorted' : ''}`}
                      title={t('table.sortBy', { column: column.header })}
                      onClick={() => {
                        const direction: SortDirection =
                          sorted === undefined ? (props.defaultDirection?.(sortKey) ?? 'asc') : sorted === 'asc' ? 'desc' : 'asc';
                        onSortChange({ key: sortKey, direction });
                      }}
                    >
                      <span>{column.header}</span>
                      {sorted && <Icon name={sorted === 'asc' ? 'sortAsc' : 'sortDesc'} size={13} />}
                    </button>
                  ) : (
                    <span>{column.header}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {body}
      </div>
      <div className="data-table__status" aria-live="polite">
        {list.error && list.status !== 'error' ? (
          <ErrorNotice compact error={list.error} onRetry={list.retry} />
        ) : rowCount > 0 ? (
          <span>
            {complete ? t('table.loadedAll', { shown: props.countLabel(rowCount) }) : t('table.loadedMore', { shown: props.countLabel(rowCount) })}
            {list.fetching && <span className="spinner spinner--inline" aria-label={t('common.loading')} />}
          </span>
        ) : null}
      </div>
    </div>
  );
}

interface TableRowProps<Row> {
  row: Row;
  index: number;
  /** Only the active row needs one (aria-activedescendant names it). */
  id: string | undefined;
  rowHeight: number;
  active: boolean;
  extraClass: string | undefined;
  columns: ReadonlyArray<DataColumn<Row>>;
  selection: TableSelection<Row> | undefined;
  onClick: (event: MouseEvent, row: Row, index: number) => void;
}

/** One row, drawn from the column definitions; memo: re-rendered only when one of its props changes. */
const TableRow = memo(function TableRow<Row>({ row, index, id, rowHeight, active, extraClass, columns, selection, onClick }: TableRowProps<Row>) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`data-table__row${active ? ' is-active' : ''}${extraClass ? ` ${extraClass}` : ''}`}
      style={{ transform: `translateY(${index * rowHeight}px)` }}
      onClick={(event) => onClick(event, row, index)}
    >
      {selection && <SelectionCell selection={selection} row={row} index={index} />}
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className={`data-table__cell${column.align === 'end' ? ' is-end' : ''}`}>
          {column.cell(row)}
        </div>
      ))}
    </div>
  );
}) as <Row>(props: TableRowProps<Row>) => ReactNode;

/** A row whose page is on its way. */
const PlaceholderRow = memo(function PlaceholderRow({ index, rowHeight, columns, selection }: { index: number; rowHeight: number; columns: ReadonlyArray<{ id: string }>; selection: boolean }) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy="true" className="data-table__row is-placeholder" style={{ transform: `translateY(${index * rowHeight}px)` }}>
      {selection && <div role="gridcell" className="data-table__cell" />}
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className="data-table__cell">
          <span className="skeleton__line" />
        </div>
      ))}
    </div>
  );
});

/** The narrowest the columns may get (the first rem length of each track); narrower windows scroll sideways. */
function minimumWidthRem(columns: ReadonlyArray<{ width: string }>): number {
  return columns.reduce((sum, column) => sum + Number(/([\d.]+)rem/.exec(column.width)?.[1] ?? 8), 0);
}
