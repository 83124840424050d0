// The experiment page's Interviews tab: that experiment's research executions (newest first), each
// opening its execution page.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource } from '../../api/queries';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { executionColumns } from './execution-columns';
import './interviews.css';

const VISIBLE_ROWS = 12;

/** `expectedCount`: the experiment's interview count, to size the table before rows arrive. */
export function ExperimentInterviewsTab({ experimentId, expectedCount }: { experimentId: string; expectedCount: number | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const source = apiPageSource(client, 'research.executions', { experimentId });
  const list = usePagedRows(source);
  const columns = useMemo(() => executionColumns(t, format, { withExperiment: false }), [t, format]);
  const loaded = list.status === 'ready' ? list.rowCount : null;
  const rows = Math.max(1, Math.min(VISIBLE_ROWS, loaded ?? expectedCount ?? VISIBLE_ROWS));

  if (list.complete && loaded === 0) {
    return <EmptyState title={t('interviews.noneForExperiment')}>{t('interviews.noneForExperimentHint')}</EmptyState>;
  }
  return (
    <div className="embedded-table" style={{ '--embedded-table-rows': rows } as CSSProperties}>
      <DataTable
        label={t('interviews.listLabel')}
        columns={columns}
        list={list}
        countLabel={(n) => t('interviews.count', { count: n, formatted: format.integer(n) })}
        onOpen={(row) => void navigate({ to: '/interviews/$execId', params: { execId: row.execId } })}
        onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
        empty={<EmptyState title={t('interviews.noneForExperiment')} />}
      />
    </div>
  );
}
