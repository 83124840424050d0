// The Tables browser's `transcripts` table: its rows can be picked and exported like the
// execution page's transcripts (the key is the row's exec_id and synth_id).
import { useCallback } from 'react';
import type { TranscriptKey } from '../../../../shared/contract/research';
import type { CellScalar, TableInfo, TableRow } from '../../../../shared/contract/tables';
import type { PagedRows } from '../../api/paged-rows';
import { useRowSelection, type RowSelection } from '../../ui/row-selection';

type ValueOf = (row: TableRow, column: string) => CellScalar | undefined;

export interface TableTranscriptPick {
  selection: RowSelection<TableRow>;
  keyOf: (row: TableRow) => TranscriptKey | null;
}

/** Null for any other table, or a `transcripts` table without both key columns. */
export function useTableTranscriptPick(table: TableInfo, list: PagedRows<TableRow>, rowKey: (row: TableRow) => string, valueOf: ValueOf): TableTranscriptPick | null {
  const names = new Set(table.columns.map((column) => column.name));
  const exportable = table.name === 'transcripts' && names.has('exec_id') && names.has('synth_id');
  const nameOf = useCallback((row: TableRow): string => String(valueOf(row, 'synth_id') ?? ''), [valueOf]);
  const selection = useRowSelection(list, rowKey, nameOf);
  if (!exportable) return null;
  return {
    selection,
    keyOf: (row) => {
      const execId = valueOf(row, 'exec_id');
      const synthId = valueOf(row, 'synth_id');
      return typeof execId === 'string' && execId !== '' && typeof synthId === 'string' && synthId !== '' ? { execId, synthId } : null;
    },
  };
}
