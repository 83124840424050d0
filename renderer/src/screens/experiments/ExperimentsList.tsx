// The experiments list: search (name and hypothesis), sort by name or creation, soft-deleted rows
// on request, counts per experiment; a row opens the experiment.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ExperimentListRow, ExperimentSort } from '../../../../shared/contract/experiments';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { DataTable, type DataColumn, type SortState } from '../../ui/DataTable';
import { useFormatters, type Formatters } from '../../ui/format';
import { timestampColumn } from '../../ui/Timestamp';
import { useDebounced } from '../../ui/use-debounced';
import { EmptyDatabase } from '../shared/EmptyDatabase';
import { defaultListDirection, experimentsListParams, experimentsListRoute } from './routes';

export function ExperimentsList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: experimentsListRoute.fullPath });
  const search = experimentsListRoute.useSearch();
  const searchBox = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('nav.experiments'));

  const params = experimentsListParams(search);
  const { sort, direction } = params;
  const [text, setText] = useState(search.q ?? '');
  const settledText = useDebounced(text.trim(), 220);

  // The address follows the search box (replacing the entry: typing is not navigation).
  useEffect(() => {
    if ((search.q ?? '') === settledText) return;
    void navigate({ search: (prev) => ({ ...prev, q: settledText === '' ? undefined : settledText }), replace: true });
  }, [settledText, search.q, navigate]);
  // …and the box follows the address (Back, a palette jump).
  useEffect(() => setText(search.q ?? ''), [search.q]);

  // "/" focuses the search box, as in most browsing tools.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const source = apiPageSource(client, 'experiments.list', params);
  const list = usePagedRows(source);

  const columns = useMemo(() => experimentColumns(t, format), [t, format]);

  const sortState: SortState = { key: sort, direction };
  const searching = Boolean(search.q);

  return (
    <div className="page page--list">
      <header className="page__header">
        <h1 className="page__title">{t('nav.experiments')}</h1>
        <div className="toolbar" role="search">
          <input
            ref={searchBox}
            className="input input--search"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                document.querySelector<HTMLElement>('.data-table__scroller')?.focus();
              }
            }}
            placeholder={t('experiments.searchPlaceholder')}
            aria-label={t('experiments.searchLabel')}
          />
          <label className="toggle">
            <input
              type="checkbox"
              checked={search.deleted ?? false}
              onChange={(event) => void navigate({ search: (prev) => ({ ...prev, deleted: event.target.checked ? true : undefined }) })}
            />
            <span>{t('experiments.showDeleted')}</span>
          </label>
        </div>
      </header>
      <DataTable
        label={t('nav.experiments')}
        columns={columns}
        list={list}
        countLabel={(n) => t('experiments.count', { count: n, formatted: format.integer(n) })}
        sort={sortState}
        defaultDirection={defaultListDirection}
        onSortChange={(next) =>
          void navigate({
            search: (prev) => ({
              ...prev,
              sort: next.key === 'created' ? undefined : (next.key as ExperimentSort),
              dir: next.direction === defaultListDirection(next.key) ? undefined : next.direction,
            }),
          })
        }
        onOpen={(row) => void navigate({ to: '/experiments/$experimentId', params: { experimentId: row.id } })}
        onEscape={() => searchBox.current?.focus()}
        onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
        rowClassName={(row) => (row.deleted ? 'is-deleted' : undefined)}
        empty={
          searching ? (
            <div className="empty-state">
              <h2 className="empty-state__title">{t('experiments.noMatch', { text: search.q })}</h2>
              <div className="empty-state__actions">
                <button type="button" className="button" onClick={() => setText('')}>
                  {t('common.clearSearch')}
                </button>
              </div>
            </div>
          ) : (
            <EmptyDatabase what={t('experiments.emptyWhat')} />
          )
        }
      />
    </div>
  );
}

function experimentColumns(t: TFunction, format: Formatters): DataColumn<ExperimentListRow>[] {
  // Wide enough for their headers in both languages, no wider.
  const widths = { interviews: '6.5rem', explorations: '7rem', documents: '7rem' } as const;
  const count = (id: 'interviews' | 'explorations' | 'documents', value: (row: ExperimentListRow) => number | null): DataColumn<ExperimentListRow> => ({
    id,
    header: t(`experiments.columns.${id}`),
    width: widths[id],
    align: 'end',
    cell: (row) => {
      const n = value(row);
      return <span className={n ? 'numeric' : 'numeric muted'}>{format.integer(n)}</span>;
    },
  });
  return [
    {
      id: 'name',
      header: t('experiments.columns.name'),
      width: 'minmax(14rem, 1.8fr)',
      sortKey: 'name',
      cell: (row) => (
        <span className="cell-title" title={row.name ?? row.id}>
          {row.name ?? <span className="muted">{row.id}</span>}
          {row.deleted && <span className="chip chip--deleted">{t('experiments.deleted')}</span>}
        </span>
      ),
    },
    {
      id: 'hypothesis',
      header: t('experiments.columns.hypothesis'),
      width: 'minmax(10.25rem, 2fr)',
      cell: (row) => (
        <span className="cell-text muted" title={row.hypothesis ?? undefined}>
          {row.hypothesis ?? '—'}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('experiments.columns.status'),
      width: '5rem',
      cell: (row) => (row.status ? <span className={`chip chip--status-${row.status}`}>{row.status}</span> : <span className="muted">—</span>),
    },
    timestampColumn({ id: 'created', header: t('experiments.columns.created'), width: '10.75rem', sortKey: 'created' }, (row) => row.createdAt, { t, format }),
    {
      id: 'analysis',
      header: t('experiments.columns.analysis'),
      width: '6.75rem',
      cell: (row) =>
        row.analysis ? (
          <span className={`chip chip--run chip--run-${row.analysis.status ?? 'unknown'}`} title={row.analysis.id}>
            {row.analysis.status ?? t('experiments.analysisPresent')}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    count('interviews', (row) => row.counts.interviews),
    count('explorations', (row) => row.counts.explorations),
    count('documents', (row) => row.counts.documents),
  ];
}
