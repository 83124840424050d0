// Columns of an executions table, shared by the Interviews list and the experiment page's
// Interviews tab (which leaves out the experiment column).
import type { TFunction } from 'i18next';
import type { ExecutionRow } from '../../../../shared/contract/research';
import type { DataColumn } from '../../ui/DataTable';
import type { Formatters } from '../../ui/format';
import { StatusChip } from '../../ui/StatusChip';
import { timestampColumn } from '../../ui/Timestamp';
import { ExecutionDuration } from './ExecutionDuration';
import { executionStatusLabel } from './labels';

export function executionColumns(t: TFunction, format: Formatters, options: { withExperiment: boolean }): DataColumn<ExecutionRow>[] {
  const experiment: DataColumn<ExecutionRow> = {
    id: 'experiment',
    header: t('interviews.columns.experiment'),
    width: 'minmax(12rem, 2fr)',
    cell: (row) => (
      <span className="cell-title" title={row.experimentName ?? row.topicName ?? row.execId}>
        {row.experimentName ?? (
          <>
            <span className="muted">{row.topicName ?? row.execId}</span>
            <span className="chip interviews-chip-gap">{t('interviews.noExperiment')}</span>
          </>
        )}
        {row.experimentStatus === 'deleted' && <span className="chip chip--deleted">{t('experiments.deleted')}</span>}
      </span>
    ),
  };
  const columns: DataColumn<ExecutionRow>[] = [
    timestampColumn({ id: 'started', header: t('interviews.columns.started'), width: '11.5rem', sortKey: 'started' }, (row) => row.startedAt, { t, format }),
    {
      id: 'status',
      header: t('interviews.columns.status'),
      width: '9.5rem',
      cell: (row) => <StatusChip status={row.status} label={executionStatusLabel(t, row.status)} />,
    },
    {
      id: 'duration',
      header: t('interviews.columns.duration'),
      width: '8rem',
      cell: (row) => <ExecutionDuration startedAt={row.startedAt} completedAt={row.completedAt} status={row.status} />,
    },
    {
      id: 'transcripts',
      header: t('interviews.columns.transcripts'),
      width: '6.5rem',
      align: 'end',
      cell: (row) => <span className={row.transcriptCount ? 'numeric' : 'numeric muted'}>{format.integer(row.transcriptCount)}</span>,
    },
    {
      id: 'synths',
      header: t('interviews.columns.synths'),
      width: '7.5rem',
      align: 'end',
      cell: (row) => <SynthCounts row={row} t={t} format={format} />,
    },
    {
      id: 'model',
      header: t('interviews.columns.model'),
      width: '7.5rem',
      cell: (row) => <span className={row.model ? 'mono' : 'muted'}>{row.model ?? '—'}</span>,
    },
    {
      id: 'execId',
      header: t('interviews.columns.execution'),
      width: 'minmax(10rem, 1.2fr)',
      cell: (row) => (
        <span className="mono muted ellipsis-start" title={row.execId}>
          {row.execId}
        </span>
      ),
    },
  ];
  return options.withExperiment ? [experiment, ...columns] : columns;
}

function SynthCounts({ row, t, format }: { row: ExecutionRow; t: TFunction; format: Formatters }) {
  if (row.synthCount === null) return <span className="muted">—</span>;
  const failed = row.failedCount ?? 0;
  return (
    <span className="numeric" title={t('interviews.synthCounts', { successful: format.integer(row.successfulCount), failed: format.integer(row.failedCount), total: format.integer(row.synthCount) })}>
      {failed > 0 && <span className="interviews-failed-count">{t('interviews.failedShort', { formatted: format.integer(failed) })}</span>}
      {format.integer(row.successfulCount)}/{format.integer(row.synthCount)}
    </span>
  );
}
