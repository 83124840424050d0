// Interview executions: every research execution with its experiment, newest or oldest first,
// narrowed by status; a row opens the execution.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { DataTable } from '../../ui/DataTable';
import { EmptyState } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { EmptyDatabase } from '../shared/EmptyDatabase';
import { executionColumns } from './execution-columns';
import { EXECUTION_STATUSES, executionStatusLabel } from './labels';
import { executionsListParams, interviewsRoute } from './routes';
import './interviews.css';

export function ExecutionsList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: interviewsRoute.fullPath });
  const search = interviewsRoute.useSearch();
  useDocumentTitle(t('nav.interviews'));

  const params = executionsListParams(search);
  const statuses = params.status ?? [];
  const direction = params.order;
  const includeDeleted = params.includeDeletedExperiments;
  const source = apiPageSource(client, 'research.executions', params);
  const list = usePagedRows(source);
  const columns = useMemo(() => executionColumns(t, format, { withExperiment: true }), [t, format]);

  const setStatuses = (next: string[]): void =>
    void navigate({ search: (prev) => ({ ...prev, status: next.length === 0 ? undefined : next.join(',') }) });
  const toggleStatus = (status: string): void =>
    setStatuses(statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status]);
  // Statuses a database holds beyond synth-lab's five stay selectable when the address names them.
  const shownStatuses = [...EXECUTION_STATUSES, ...statuses.filter((s) => !(EXECUTION_STATUSES as readonly string[]).includes(s))];

  return (
    <div className="page page--list">
      <header className="page__header">
        <h1 className="page__title">{t('nav.interviews')}</h1>
        <div className="toolbar">
          <div className="filter-chips" role="group" aria-label={t('interviews.statusFilter')}>
            <button type="button" className={`filter-chip${statuses.length === 0 ? ' is-on' : ''}`} aria-pressed={statuses.length === 0} onClick={() => setStatuses([])}>
              {t('interviews.allStatuses')}
            </button>
            {shownStatuses.map((status) => (
              <button
                key={status}
                type="button"
                className={`filter-chip${statuses.includes(status) ? ' is-on' : ''}`}
                aria-pressed={statuses.includes(status)}
                onClick={() => toggleStatus(status)}
              >
                {executionStatusLabel(t, status)}
              </button>
            ))}
          </div>
          <label className="toggle">
            <input
              type="checkbox"
              checked={includeDeleted}
              onChange={(event) => void navigate({ search: (prev) => ({ ...prev, deleted: event.target.checked ? true : undefined }) })}
            />
            <span>{t('interviews.showDeleted')}</span>
          </label>
        </div>
      </header>
      <DataTable
        label={t('interviews.listLabel')}
        columns={columns}
        list={list}
        countLabel={(n) => t('interviews.count', { count: n, formatted: format.integer(n) })}
        sort={{ key: 'started', direction }}
        defaultDirection={() => 'desc'}
        onSortChange={(next) => void navigate({ search: (prev) => ({ ...prev, dir: next.direction === 'desc' ? undefined : next.direction }) })}
        onOpen={(row) => void navigate({ to: '/interviews/$execId', params: { execId: row.execId } })}
        onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
        rowClassName={(row) => (row.experimentStatus === 'deleted' ? 'is-deleted' : undefined)}
        empty={
          statuses.length > 0 ? (
            <EmptyState
              title={t('interviews.noMatch', { statuses: statuses.map((s) => executionStatusLabel(t, s)).join(', ') })}
              actions={
                <button type="button" className="button" onClick={() => setStatuses([])}>
                  {t('interviews.clearFilter')}
                </button>
              }
            />
          ) : (
            <EmptyDatabase what={t('interviews.emptyWhat')} />
          )
        }
      />
    </div>
  );
}
