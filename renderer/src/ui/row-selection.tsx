// Picking rows in a DataTable: a checkbox column, Ctrl/Cmd-click to add or remove a row,
// Shift-click for a range, Space on the active row. The selection keeps the row objects it picked
// (the table may drop a far page from memory; what was picked stays picked) and starts over when
// the list itself changes (another search, filter or sort).
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedRows } from '../api/paged-rows';
import './row-selection.css';

/** What DataTable needs to draw and change a selection (its `selection` prop). */
export interface TableSelection<Row> {
  isSelected(row: Row): boolean;
  /** `range`: from the row picked last to this one (Shift). */
  toggle(row: Row, index: number, range: boolean): void;
  /** The header checkbox: every row loaded so far, or none. */
  allState: 'none' | 'some' | 'all';
  toggleAll(): void;
  /** The checkbox's accessible name ("Select Ana Costa"). */
  rowLabel(row: Row): string;
}

export interface RowSelection<Row> {
  /** Picked rows, in the order they were picked. */
  rows: Row[];
  count: number;
  clear(): void;
  /** Hand to `<DataTable selection={…}>`. */
  table: TableSelection<Row>;
}

interface Picked<Row> {
  listId: string;
  rows: Map<string, Row>;
  /** Index of the row picked last: a Shift-click extends from here. */
  anchor: number | null;
}

export function useRowSelection<Row>(list: PagedRows<Row>, rowKey: (row: Row) => string, rowName: (row: Row) => string): RowSelection<Row> {
  const { t } = useTranslation();
  const [state, setState] = useState<Picked<Row>>(() => ({ listId: list.id, rows: new Map(), anchor: null }));
  // Another list: nothing of the old one is on screen any more.
  const nothingPicked = useMemo<Picked<Row>>(() => ({ listId: list.id, rows: new Map(), anchor: null }), [list.id]);
  const picked = state.listId === list.id ? state : nothingPicked;

  // The handlers read the list through a ref: the list object is rebuilt with every render, and
  // handlers that changed with it would redraw every row of the table each time.
  const listRef = useRef(list);
  useLayoutEffect(() => {
    listRef.current = list;
  });
  const listId = list.id;

  const toggle = useCallback(
    (row: Row, index: number, range: boolean) => {
      const rowAt = listRef.current.rowAt;
      setState((previous) => {
        const current = previous.listId === listId ? previous : { listId, rows: new Map<string, Row>(), anchor: null };
        const rows = new Map(current.rows);
        const key = rowKey(row);
        if (range && current.anchor !== null) {
          // A range takes the state of the row it starts from, like a file manager.
          const anchorRow = rowAt(current.anchor);
          const select = anchorRow === undefined || rows.has(rowKey(anchorRow));
          const [from, to] = current.anchor < index ? [current.anchor, index] : [index, current.anchor];
          for (let position = from; position <= to; position += 1) {
            const inRange = rowAt(position);
            if (inRange === undefined) continue;
            if (select) rows.set(rowKey(inRange), inRange);
            else rows.delete(rowKey(inRange));
          }
        } else if (rows.has(key)) {
          rows.delete(key);
        } else {
          rows.set(key, row);
        }
        return { listId, rows, anchor: index };
      });
    },
    [listId, rowKey],
  );

  const loaded = list.rowCount;
  const count = picked.rows.size;
  const allState: TableSelection<Row>['allState'] = count === 0 ? 'none' : list.complete && count >= loaded ? 'all' : 'some';

  const toggleAll = useCallback(() => {
    const { rowCount, rowAt } = listRef.current;
    setState((previous) => {
      if (previous.listId === listId && previous.rows.size > 0) return { listId, rows: new Map(), anchor: null };
      const rows = new Map<string, Row>();
      for (let index = 0; index < rowCount; index += 1) {
        const row = rowAt(index);
        if (row !== undefined) rows.set(rowKey(row), row);
      }
      return { listId, rows, anchor: null };
    });
  }, [listId, rowKey]);

  const clear = useCallback(() => setState({ listId, rows: new Map(), anchor: null }), [listId]);
  const rowsMap = picked.rows;
  const table = useMemo<TableSelection<Row>>(
    () => ({
      isSelected: (row) => rowsMap.has(rowKey(row)),
      toggle,
      allState,
      toggleAll,
      rowLabel: (row) => t('export.selectRow', { name: rowName(row) }),
    }),
    [rowsMap, rowKey, toggle, allState, toggleAll, rowName, t],
  );
  const rows = useMemo(() => [...rowsMap.values()], [rowsMap]);
  return { rows, count, clear, table };
}

/** The checkbox column's track in the grid template. */
export const SELECTION_COLUMN_WIDTH = '2.25rem';

/** A click on a row that picks rather than opens: Ctrl/Cmd adds or removes it, Shift picks a range. */
export function isPickingClick(event: MouseEvent): boolean {
  return event.ctrlKey || event.metaKey || event.shiftKey;
}

export function SelectionHeaderCell<Row>({ selection }: { selection: TableSelection<Row> }) {
  const { t } = useTranslation();
  return (
    <div role="columnheader" className="data-table__header data-table__select">
      <input
        type="checkbox"
        aria-label={t('export.selectAll')}
        title={t('export.selectAll')}
        checked={selection.allState === 'all'}
        ref={(box) => {
          if (box) box.indeterminate = selection.allState === 'some';
        }}
        onChange={() => selection.toggleAll()}
      />
    </div>
  );
}

/** A row's checkbox: it only picks (the row's own click would open the row). */
export function SelectionCell({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: (range: boolean) => void }) {
  return (
    <div role="gridcell" className="data-table__cell data-table__select">
      <input
        type="checkbox"
        tabIndex={-1}
        aria-label={label}
        checked={checked}
        onClick={(event) => {
          event.stopPropagation();
          onToggle(event.shiftKey);
        }}
        onChange={() => undefined}
      />
    </div>
  );
}
