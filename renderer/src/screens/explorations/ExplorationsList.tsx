// Every exploration, newest first: its experiment, status, goal, best success rate and size; the
// status filter and "include deleted experiments" live in the address. A row opens the tree.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ExplorationListRow } from '../../../../shared/contract/explorations';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { DataTable, type DataColumn } from '../../ui/DataTable';
import { MISSING, useFormatters, type Formatters } from '../../ui/format';
import { timestampColumn } from '../../ui/Timestamp';
import { EmptyDatabase } from '../shared/EmptyDatabase';
import { BestRate, goalText, RUN_STATUSES, RunStatusChip } from './cells';
import { explorationsListParams, explorationsListRoute } from './routes';
import { useRunStatusLabel } from './tree/describe';
import './explorations.css';

export function ExplorationsList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: explorationsListRoute.fullPath });
  const search = explorationsListRoute.useSearch();
  const runStatus = useRunStatusLabel();
  useDocumentTitle(t('nav.explorations'));

  const params = explorationsListParams(search);
  const source = apiPageSource(client, 'explorations.list', params);
  const list = usePagedRows(source);
  const columns = useMemo(() => explorationColumns(t, format), [t, format]);
  const filtered = Boolean(search.status);

  return (
    <div className="page page--list">
      <header className="page__header">
        <h1 className="page__title">{t('nav.explorations')}</h1>
        <div className="toolbar">
          <label className="field-inline">
            <span>{t('explorations.filterStatus')}</span>
            <select
              className="input"
              value={search.status ?? ''}
              onChange={(event) => void navigate({ search: (prev) => ({ ...prev, status: event.target.value === '' ? undefined : event.target.value }) })}
            >
              <option value="">{t('explorations.allStatuses')}</option>
              {RUN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {runStatus(status)}
                </option>
              ))}
              {search.status && !(RUN_STATUSES as readonly string[]).includes(search.status) && <option value={search.status}>{search.status}</option>}
            </select>
          </label>
          <label className="toggle">
            <input
              type="checkbox"
              checked={search.deleted ?? false}
              onChange={(event) => void navigate({ search: (prev) => ({ ...prev, deleted: event.target.checked ? true : undefined }) })}
            />
            <span>{t('explorations.showDeleted')}</span>
          </label>
        </div>
      </header>
      <DataTable
        label={t('nav.explorations')}
        columns={columns}
        list={list}
        countLabel={(n) => t('explorations.count', { count: n, formatted: format.integer(n) })}
        onOpen={(row) => void navigate({ to: '/explorations/$explorationId', params: { explorationId: row.id } })}
        onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
        rowClassName={(row) => (row.experimentDeleted ? 'is-deleted' : undefined)}
        empty={
          filtered ? (
            <div className="empty-state">
              <h2 className="empty-state__title">{t('explorations.noMatch', { status: runStatus(search.status ?? null) })}</h2>
              <div className="empty-state__actions">
                <button type="button" className="button" onClick={() => void navigate({ search: (prev) => ({ ...prev, status: undefined }) })}>
                  {t('explorations.clearFilter')}
                </button>
              </div>
            </div>
          ) : (
            <EmptyDatabase what={t('explorations.emptyWhat')} />
          )
        }
      />
    </div>
  );
}

function explorationColumns(t: TFunction, format: Formatters): DataColumn<ExplorationListRow>[] {
  return [
    {
      id: 'experiment',
      header: t('explorations.columns.experiment'),
      width: 'minmax(14rem, 2fr)',
      cell: (row) => (
        <span className="cell-title" title={row.experimentName ?? row.experimentId ?? row.id}>
          {row.experimentName ?? <span className="muted">{row.experimentId ?? MISSING}</span>}
          {row.experimentDeleted && <span className="chip chip--deleted">{t('experiments.deleted')}</span>}
        </span>
      ),
    },
    { id: 'status', header: t('explorations.columns.status'), width: '10.5rem', cell: (row) => <RunStatusChip status={row.status} /> },
    { id: 'goal', header: t('explorations.columns.goal'), width: '6rem', align: 'end', cell: (row) => <span className="numeric">{goalText(row.goal, format)}</span> },
    { id: 'best', header: t('explorations.columns.best'), width: '6.5rem', align: 'end', cell: (row) => <BestRate rate={row.bestSuccessRate} goal={row.goal} /> },
    { id: 'nodes', header: t('explorations.columns.nodes'), width: '5.5rem', align: 'end', cell: (row) => <span className="numeric">{format.integer(row.totalNodes)}</span> },
    {
      id: 'depth',
      header: t('explorations.columns.depth'),
      width: '5.5rem',
      align: 'end',
      cell: (row) => (
        <span className="numeric">
          {format.integer(row.currentDepth)}
          {row.config.maxDepth !== null && <span className="muted"> / {format.integer(row.config.maxDepth)}</span>}
        </span>
      ),
    },
    timestampColumn({ id: 'started', header: t('explorations.columns.started'), width: '10.75rem' }, (row) => row.startedAt, { t, format }),
    {
      id: 'id',
      header: t('explorations.columns.id'),
      width: '8.5rem',
      cell: (row) => <span className="mono muted">{row.id}</span>,
    },
  ];
}
