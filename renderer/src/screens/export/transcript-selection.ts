// Picking transcripts in a table of TranscriptRows (an execution's transcripts).
import type { TranscriptKey } from '../../../../shared/contract/research';
import type { PagedRows } from '../../api/paged-rows';
import { useRowSelection, type RowSelection } from '../../ui/row-selection';

interface KeyedTranscript {
  key: TranscriptKey;
  synthName: string | null;
}

const keyOf = (row: KeyedTranscript): string => `${row.key.execId}\u0000${row.key.synthId}`;
const nameOf = (row: KeyedTranscript): string => row.synthName ?? row.key.synthId;

export function useTranscriptSelection<Row extends KeyedTranscript>(list: PagedRows<Row>): RowSelection<Row> {
  return useRowSelection<Row>(list, keyOf, nameOf);
}

export const transcriptKeyOf = (row: KeyedTranscript): TranscriptKey => row.key;
