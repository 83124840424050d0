// Every synth's outcome in the analysis, joined to synths: sortable by each rate and by name,
// filtered by ranges of the rates and of the observables (all in the address), a row opens the
// synth. The histogram's bars set the success range from above.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { OBSERVABLE_KEYS, type OutcomeRow, type OutcomeSort } from '../../../../../shared/contract/analysis';
import { useApiClient } from '../../../api/client-context';
import { usePagedRows } from '../../../api/paged-rows';
import { apiPageSource } from '../../../api/queries';
import { DataTable, type DataColumn, type SortState } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/feedback';
import { useFormatters, type Formatters } from '../../../ui/format';
import { experimentDetailRoute } from '../routes';
import { OutcomeFilters } from './OutcomeFilters';
import { activeRanges, defaultOutcomeDirection, outcomeFilterOf, outcomeSortOf, RANGE_KEYS } from './search';

export function OutcomesSection({ analysisId }: { analysisId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: experimentDetailRoute.fullPath });
  const search = experimentDetailRoute.useSearch();
  const sort = outcomeSortOf(search);
  const direction = search.odir ?? defaultOutcomeDirection(sort);
  const filter = outcomeFilterOf(search);
  const source = apiPageSource(client, 'analysis.outcomes', { analysisId, sort, direction, filter });
  const list = usePagedRows(source);
  const columns = useMemo(() => outcomeColumns(t, format), [t, format]);
  const filtered = activeRanges(search).length > 0;
  const clearFilters = (): void =>
    void navigate({ search: (prev) => ({ ...prev, ...Object.fromEntries(RANGE_KEYS.map((key) => [key, undefined])) }), replace: true, resetScroll: false });
  const sortState: SortState = { key: sort, direction };

  return (
    <section className="analysis-outcomes" aria-labelledby="analysis-outcomes-title">
      <h2 className="section-title" id="analysis-outcomes-title">
        {t('analysis.outcomes.title')}
      </h2>
      <OutcomeFilters search={search} onClear={clearFilters} />
      <div className="analysis-outcomes__table">
        <DataTable
          label={t('analysis.outcomes.label')}
          columns={columns}
          list={list}
          countLabel={(n) => t('analysis.outcomes.count', { count: n, formatted: format.integer(n) })}
          sort={sortState}
          defaultDirection={defaultOutcomeDirection}
          onSortChange={(next) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                osort: next.key === 'success_rate' ? undefined : (next.key as OutcomeSort),
                odir: next.direction === defaultOutcomeDirection(next.key) ? undefined : next.direction,
              }),
              replace: true,
              resetScroll: false,
            })
          }
          onOpen={(row) => void navigate({ to: '/synths/$synthId', params: { synthId: row.synthId } })}
          onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
          rowClassName={(row) => (row.synthFound ? undefined : 'is-orphan')}
          empty={
            filtered ? (
              <EmptyState
                title={t('analysis.outcomes.noMatch')}
                actions={
                  <button type="button" className="button" onClick={clearFilters}>
                    {t('analysis.outcomes.clear')}
                  </button>
                }
              />
            ) : (
              <p className="muted">{t('analysis.outcomes.none')}</p>
            )
          }
        />
      </div>
      <p className="card__footnote">{t('analysis.outcomes.openHint')}</p>
    </section>
  );
}

function outcomeColumns(t: TFunction, format: Formatters): DataColumn<OutcomeRow>[] {
  const rate = (id: 'success' | 'failed' | 'didNotTry', sortKey: OutcomeSort, value: (row: OutcomeRow) => number | null): DataColumn<OutcomeRow> => ({
    id,
    header: t(`analysis.outcomes.columns.${id}`),
    width: '6.5rem',
    align: 'end',
    sortKey,
    cell: (row) => <span className={`numeric outcome-rate outcome-rate--${id}`}>{format.percent(value(row), 0)}</span>,
  });
  return [
    {
      id: 'synth',
      header: t('analysis.outcomes.columns.synth'),
      width: 'minmax(10rem, 2fr)',
      sortKey: 'synth_name',
      cell: (row) => (
        <span className="cell-title" title={row.synthId}>
          {row.synthName ?? <span className="mono">{row.synthId}</span>}
          {!row.synthFound && <span className="chip outcome-orphan">{t('analysis.outcomes.notInSynths')}</span>}
        </span>
      ),
    },
    {
      id: 'group',
      header: t('analysis.outcomes.columns.group'),
      width: 'minmax(7rem, 1fr)',
      cell: (row) => <span className="cell-text muted">{row.groupName ?? row.groupId ?? '—'}</span>,
    },
    rate('success', 'success_rate', (row) => row.successRate),
    rate('failed', 'failed_rate', (row) => row.failedRate),
    rate('didNotTry', 'did_not_try_rate', (row) => row.didNotTryRate),
    ...OBSERVABLE_KEYS.map(
      (key): DataColumn<OutcomeRow> => ({
        id: key,
        header: t(`analysis.observablesShort.${key}`),
        width: '5rem',
        align: 'end',
        cell: (row) => <span className="numeric muted">{format.fixed(row.observables[key], 2)}</span>,
      }),
    ),
  ];
}
