// The list table every screen uses: keyset pages held around the rows on screen (usePagedRows: a
// page arriving costs O(page), however long the list), rows virtualized by TanStack Virtual (only
// the rows on screen in the DOM, placeholder rows where a page is still on its way), the column
// model, header and cells from TanStack Table (fed only the rows of the virtual window, never the
// whole list), sortable headers that hand the API's sort key back to the screen, and keyboard
// navigation (arrows, Page Up/Down, Home/End, Enter opens, Esc leaves the list).
import { flexRender, getCoreRowModel, useReactTable, type Column, type ColumnDef, type HeaderGroup, type Row as TableRowModel, type RowData, type SortingState, type Updater } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortDirection } from '../../../shared/contract/paging';
import type { AppError } from '../../../shared/errors';
import type { PagedRows } from '../api/paged-rows';
import { ErrorNotice, SlowCallNotice } from './feedback';
import { Icon } from './Icon';
import { isPickingClick, SELECTION_COLUMN_WIDTH, SelectionCell, SelectionHeaderCell, type TableSelection } from './row-selection';

export interface DataColumn<Row> {
  id: string;
  header: string;
  /** A CSS grid track: `14rem`, `minmax(18rem, 3fr)`, `6rem`. */
  width: string;
  cell: (row: Row) => ReactNode;
  /** The cell's tooltip (the full text of what the column may cut short), on the row under the pointer and the active row. */
  title?: (row: Row) => string | null | undefined;
  /** Classes for every cell of the column (`numeric`, `mono`): a cell can then be plain text, no element of its own. */
  className?: string;
  align?: 'start' | 'end';
  /** The API's sort key; the header becomes a sort button when present. */
  sortKey?: string;
}

declare module '@tanstack/react-table' {
  // What DataTable keeps of a DataColumn besides its header and cell.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The header's text (its sort button's title). */
    label: string;
    width: string;
    title?: (row: TData) => string | null | undefined;
    /** The cell's whole class attribute. */
    cellClass: string;
    align?: 'start' | 'end';
    sortKey?: string;
  }
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
  const { rowCount, complete, showRows } = list;

  // Handlers shared by every row, reading the latest props: rows whose data, place and looks did
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
  const onRowToggle = useCallback((row: Row, index: number, range: boolean) => latest.current.selection?.toggle(row, index, range), []);
  const countLabel = useCallback((count: number) => latest.current.countLabel(count), []);
  const retry = useCallback(() => latest.current.list.retry(), []);

  // Rows past the known ones while the list goes on: a window's height of placeholders, where the
  // next page lands (scrolling into them is what asks for it).
  const ready = list.status === 'ready' && !(rowCount === 0 && complete);
  const placeholders = complete || list.error ? 0 : Math.ceil(window.innerHeight / rowHeight);
  const slots = ready ? rowCount + placeholders : 0;

  // A jump of a screen or more (a fling, Home/End) draws no overscan: rows just off screen would be
  // gone again by the next frame.
  const lastStart = useRef(0);
  const leapingRef = useRef(false);
  const rangeExtractor = useCallback((range: Range) => {
    const leaping = Math.abs(range.startIndex - lastStart.current) > range.endIndex - range.startIndex;
    lastStart.current = range.startIndex;
    leapingRef.current = leaping;
    return defaultRangeExtractor(leaping ? { ...range, overscan: 0 } : range);
  }, []);
  const virtualizer = useVirtualizer({
    count: slots,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    rangeExtractor,
    // The rows start below the sticky header, inside the scroller; a row scrolled to lands below it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // A scroll of less than a screen renders its rows inside the scroll event (flushSync), so the
    // frame that shows the new position shows its rows: in React's own batch they came a frame late
    // and a fast scroll showed an empty edge. During a leap every row is new and none is readable
    // yet; there the render goes to React's batch, which the browser overlaps with drawing the last
    // frame (inside the event, a fling of two screens a frame missed 50–90% more frames).
    useFlushSync: !leapingRef.current,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const onScreen = virtualizer.range;

  // Cell tooltips (a column's `title`) are drawn on the row under the pointer and on the active
  // row (whose titles a screen reader reads as descriptions) only: a title on every cell cost a
  // fling a few percent of each frame, for tooltips that show only where the pointer rests. The
  // pointer's height on the grid is kept rather than its row, because a scroll under a resting
  // pointer brings another row there.
  const [pointerY, setPointerY] = useState<number | null>(null);
  const rowAtHeight = (y: number, scrollTop: number): number => Math.floor((y + scrollTop - HEADER_HEIGHT) / rowHeight);
  const pointedIndex = pointerY === null ? -1 : rowAtHeight(pointerY, virtualizer.scrollOffset ?? 0);
  const onPointerMove = (event: MouseEvent<HTMLDivElement>): void => {
    const scroller = event.currentTarget;
    const y = event.clientY - scroller.getBoundingClientRect().top;
    // Moves within the same row change nothing (no render).
    setPointerY((previous) => (previous !== null && rowAtHeight(previous, scroller.scrollTop) === rowAtHeight(y, scroller.scrollTop) ? previous : y));
  };

  // The table sees only the rows of the virtual window that are here (placeholders are drawn
  // around it): building its row model costs O(window), whatever the length of the list.
  const windowRows: Row[] = [];
  const windowIndexes: number[] = [];
  for (const item of virtualItems) {
    const row = item.index < rowCount ? list.rowAt(item.index) : undefined;
    if (row === undefined) continue;
    windowRows.push(row);
    windowIndexes.push(item.index);
  }

  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        cell: (context) => column.cell(context.row.original),
        meta: {
          label: column.header,
          width: column.width,
          title: column.title,
          cellClass: `data-table__cell${column.align === 'end' ? ' is-end' : ''}${column.className ? ` ${column.className}` : ''}`,
          align: column.align,
          sortKey: column.sortKey,
        },
      })),
    [columns],
  );
  // The screen's sort, as TanStack's sorting state (column ids); sorting itself is the API's.
  const sorting = useMemo<SortingState>(() => {
    const sorted = sort === undefined ? undefined : columns.find((column) => column.sortKey === sort.key);
    return sorted === undefined || sort === undefined ? [] : [{ id: sorted.id, desc: sort.direction === 'desc' }];
  }, [columns, sort]);
  const onSortingChange = (updater: Updater<SortingState>): void => {
    const [next] = typeof updater === 'function' ? updater(sorting) : updater;
    const sortKey = next === undefined ? undefined : columns.find((column) => column.id === next.id)?.sortKey;
    if (next !== undefined && sortKey !== undefined) onSortChange?.({ key: sortKey, direction: next.desc ? 'desc' : 'asc' });
  };
  const table = useReactTable({
    data: windowRows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    // A row's id is its place in the whole list.
    getRowId: (_row, position) => String(windowIndexes[position]),
    manualSorting: true,
    enableSortingRemoval: false,
    // The data is the window and changes with every scroll; there are no pages of TanStack's own to
    // reset (left on, the reset would be a state update per render: a render loop).
    autoResetPageIndex: false,
    state: { sorting },
    onSortingChange,
  });
  const tableRows = table.getRowModel().rowsById;
  // A sortable header clicked: unsorted starts with the key's default direction; sorted flips.
  const onHeaderSort = useCallback((column: Column<Row>, sortKey: string) => {
    const sorted = column.getIsSorted();
    column.toggleSorting(sorted === false ? latest.current.defaultDirection?.(sortKey) === 'desc' : sorted === 'asc');
  }, []);
  const leafColumns = table.getVisibleLeafColumns();

  // The list fetches and holds the pages around what is on screen.
  const firstOnScreen = onScreen?.startIndex ?? 0;
  const lastOnScreen = onScreen?.endIndex ?? -1;
  useEffect(() => {
    if (lastOnScreen >= firstOnScreen) showRows(firstOnScreen, lastOnScreen);
  }, [firstOnScreen, lastOnScreen, showRows, list.id]);

  // A new search or sort starts a new list: forget the old position.
  useEffect(() => {
    setActiveIndex(-1);
    virtualizer.scrollToOffset(0);
  }, [list.id, virtualizer]);

  const moveTo = useCallback(
    (index: number) => {
      if (rowCount === 0) return;
      const clamped = Math.max(0, Math.min(rowCount - 1, index));
      setActiveIndex(clamped);
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    },
    [rowCount, virtualizer],
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

  const tracks = [...(selection ? [SELECTION_COLUMN_WIDTH] : []), ...leafColumns.map((column) => column.columnDef.meta?.width ?? '1fr')];
  const style = {
    '--data-table-columns': tracks.join(' '),
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
            {leafColumns.map((column) => (
              <span key={column.id} className="skeleton__line" />
            ))}
          </div>
        ))}
        {props.onCancel && <SlowCallNotice onCancel={props.onCancel} />}
      </div>
    );
  } else if (!ready) {
    body = <div className="data-table__message">{props.empty}</div>;
  } else {
    // The rows of the window are laid out one under the other, the window moved into place as a
    // whole (one transform, not one per row). Rows are keyed by list row while scrolling, so the
    // rows still on screen are left alone; during a leap every row is new, and they are keyed by
    // their place in the window instead: the same elements are refilled, none built or removed.
    const first = virtualItems[0];
    const leaping = leapingRef.current;
    const rows = virtualItems.map((item) => {
      const index = item.index;
      const key = leaping ? index - (first?.index ?? 0) : index;
      const tableRow = tableRows[String(index)];
      if (tableRow === undefined) {
        return <PlaceholderRow key={key} index={index} columns={leafColumns} selection={selection !== undefined} />;
      }
      const row = tableRow.original;
      const active = index === activeIndex;
      return (
        <TableRow
          key={key}
          row={tableRow}
          index={index}
          id={active ? rowId(index) : undefined}
          active={active}
          titled={active || index === pointedIndex}
          extraClass={props.rowClassName?.(row)}
          columnDefs={columnDefs}
          picked={selection ? selection.isSelected(row) : undefined}
          pickLabel={selection?.rowLabel(row)}
          onClick={onRowClick}
          onToggle={onRowToggle}
        />
      );
    });
    body = (
      <div className="data-table__body" style={{ height: virtualizer.getTotalSize() }}>
        <div role="rowgroup" className="data-table__rows" style={{ transform: `translateY(${(first?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT}px)` }}>
          {rows}
        </div>
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
        aria-activedescendant={activeIndex >= 0 && tableRows[String(activeIndex)] !== undefined ? rowId(activeIndex) : undefined}
        aria-busy={loading || undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onMouseMove={onPointerMove}
        onMouseLeave={() => setPointerY(null)}
        onFocus={() => {
          if (activeIndex < 0 && rowCount > 0) setActiveIndex(0);
        }}
      >
        <TableHead headerGroups={table.getHeaderGroups()} sorting={sorting} selection={selection} onSort={onSortChange ? onHeaderSort : undefined} />
        {body}
      </div>
      <StatusLine rowCount={rowCount} complete={complete} fetching={list.fetching} error={list.status === 'error' ? null : list.error} countLabel={countLabel} onRetry={retry} />
    </div>
  );
}

interface StatusLineProps {
  rowCount: number;
  complete: boolean;
  fetching: boolean;
  /** A page that failed after the first (the first one's error replaces the rows instead). */
  error: AppError | null;
  countLabel: (count: number) => string;
  onRetry: () => void;
}

/** "1,200 synths loaded, more as you scroll". Its own memo: scrolling re-renders the rows, not this. */
const StatusLine = memo(function StatusLine({ rowCount, complete, fetching, error, countLabel, onRetry }: StatusLineProps) {
  const { t } = useTranslation();
  return (
    <div className="data-table__status" aria-live="polite">
      {error ? (
        <ErrorNotice compact error={error} onRetry={onRetry} />
      ) : rowCount > 0 ? (
        <span>
          {complete ? t('table.loadedAll', { shown: countLabel(rowCount) }) : t('table.loadedMore', { shown: countLabel(rowCount) })}
          {fetching && <span className="spinner spinner--inline" aria-label={t('common.loading')} />}
        </span>
      ) : null}
    </div>
  );
});

interface TableHeadProps<Row> {
  /** TanStack's header groups: the same objects until the columns change. */
  headerGroups: ReadonlyArray<HeaderGroup<Row>>;
  /** The sort shown (the header groups stay the same objects when only the sort changes). */
  sorting: SortingState;
  selection: TableSelection<Row> | undefined;
  /** A sortable header clicked; headers are plain text without it. */
  onSort: ((column: Column<Row>, sortKey: string) => void) | undefined;
}

/** The sticky header row. Its own memo: scrolling and pages arriving re-render the rows, not this. */
const TableHead = memo(function TableHead<Row>({ headerGroups, selection, onSort }: TableHeadProps<Row>) {
  const { t } = useTranslation();
  return (
    <div role="rowgroup" className="data-table__head">
      {headerGroups.map((group) => (
        <div key={group.id} role="row" aria-rowindex={1} className="data-table__header-row">
          {selection && <SelectionHeaderCell selection={selection} />}
          {group.headers.map((header) => {
            const meta = header.column.columnDef.meta;
            const sortKey = meta?.sortKey;
            const sorted = sortKey === undefined ? false : header.column.getIsSorted();
            const title = flexRender(header.column.columnDef.header, header.getContext());
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                className={`data-table__header${meta?.align === 'end' ? ' is-end' : ''}`}
              >
                {sortKey !== undefined && onSort ? (
                  <button type="button" className={`data-table__sort${sorted ? ' is-sorted' : ''}`} title={t('table.sortBy', { column: meta?.label })} onClick={() => onSort(header.column, sortKey)}>
                    <span>{title}</span>
                    {sorted && <Icon name={sorted === 'asc' ? 'sortAsc' : 'sortDesc'} size={13} />}
                  </button>
                ) : (
                  <span>{title}</span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}) as <Row>(props: TableHeadProps<Row>) => ReactNode;

interface TableRowProps<Row> {
  /** TanStack's row, rebuilt with every window: the memo looks at its data row (`row.original`). */
  row: TableRowModel<Row>;
  index: number;
  /** Only the active row needs one (aria-activedescendant names it). */
  id: string | undefined;
  active: boolean;
  /** Under the pointer, or active: its cells carry their tooltips. */
  titled: boolean;
  extraClass: string | undefined;
  /** The definitions the cells are drawn from: new ones redraw the row. */
  columnDefs: ReadonlyArray<ColumnDef<Row>>;
  /** With a selection: whether the row is picked, and its checkbox's name. */
  picked: boolean | undefined;
  pickLabel: string | undefined;
  onClick: (event: MouseEvent, row: Row, index: number) => void;
  onToggle: (row: Row, index: number, range: boolean) => void;
}

/** Same data row, place, looks and handlers: nothing to draw again. */
function sameRow<Row>(before: TableRowProps<Row>, after: TableRowProps<Row>): boolean {
  return (
    before.row.original === after.row.original &&
    before.index === after.index &&
    before.id === after.id &&
    before.active === after.active &&
    before.titled === after.titled &&
    before.extraClass === after.extraClass &&
    before.columnDefs === after.columnDefs &&
    before.picked === after.picked &&
    before.pickLabel === after.pickLabel &&
    before.onClick === after.onClick &&
    before.onToggle === after.onToggle
  );
}

/** One row, its cells drawn by TanStack Table from the column definitions. */
const TableRow = memo(function TableRow<Row>({ row, index, id, active, titled, extraClass, picked, pickLabel, onClick, onToggle }: TableRowProps<Row>) {
  const data = row.original;
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      className={`data-table__row${active ? ' is-active' : ''}${extraClass ? ` ${extraClass}` : ''}`}
      onClick={(event) => onClick(event, data, index)}
    >
      {picked !== undefined && <SelectionCell label={pickLabel ?? ''} checked={picked} onToggle={(range) => onToggle(data, index, range)} />}
      {row.getVisibleCells().map((cell) => {
        const meta = cell.column.columnDef.meta;
        return (
          // Keyed by column, not by TanStack's cell id (row id + column): the element of a slot keeps
          // its cells when the slot shows another row, instead of building them anew.
          <div key={cell.column.id} role="gridcell" className={meta?.cellClass} title={titled ? (meta?.title?.(data) ?? undefined) : undefined}>
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        );
      })}
    </div>
  );
}, sameRow) as <Row>(props: TableRowProps<Row>) => ReactNode;

/** A row whose page is on its way. */
const PlaceholderRow = memo(function PlaceholderRow({ index, columns, selection }: { index: number; columns: ReadonlyArray<{ id: string }>; selection: boolean }) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-busy="true" className="data-table__row is-placeholder">
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
function minimumWidthRem(tracks: ReadonlyArray<string>): number {
  return tracks.reduce((sum, track) => sum + Number(/([\d.]+)rem/.exec(track)?.[1] ?? 8), 0);
}
