// What happened to a synth: its outcomes in each analysis (→ the experiment's Analysis tab) and its
// interview transcripts (→ the transcript in the Interviews screen). Both are keyset lists, usually
// short: the first page shows, "Load more" fetches the next.
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../shared/contract/paging';
import type { SynthOutcomeRow, SynthTranscriptRow } from '../../../../shared/contract/synths';
import type { AppError } from '../../../../shared/errors';
import { useApiClient } from '../../api/client-context';
import { apiPagesQuery } from '../../api/queries';
import { ErrorNotice, Skeleton } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { SharesBar } from '../../ui/charts/SharesBar';
import { StatusChip } from '../../ui/StatusChip';
import { Timestamp } from '../../ui/Timestamp';
import { ExportButton } from '../export/ExportButton';
import '../../ui/plain-table.css';

/** The Interviews screen's transcript page (coordinated by address: that screen owns the route). */
export function transcriptHref(execId: string, synthId: string): string {
  return `#/interviews/${encodeURIComponent(execId)}/transcripts/${encodeURIComponent(synthId)}`;
}

export function SynthActivity({ synthId }: { synthId: string }) {
  const client = useApiClient();
  const outcomes = useInfiniteQuery(apiPagesQuery(client, 'synths.outcomes', { id: synthId }));
  const transcripts = useInfiniteQuery(apiPagesQuery(client, 'synths.transcripts', { id: synthId }));
  return (
    <div className="synth-activity">
      <Outcomes query={outcomes} />
      <Transcripts query={transcripts} synthId={synthId} />
    </div>
  );
}

type FactsQuery<P> = UseInfiniteQueryResult<InfiniteData<P, string | null>, AppError>;

function Outcomes({ query }: { query: FactsQuery<Page<SynthOutcomeRow> & { available: boolean }> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = query.data?.pages.flatMap((page) => page.rows) ?? [];
  const available = query.data?.pages[0]?.available ?? true;
  return (
    <ActivitySection id="synth-outcomes" title={t('synths.outcomes.title')} query={query} count={rows.length}>
      {!available ? (
        <p className="muted">{t('synths.outcomes.noTable')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('synths.outcomes.none')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('synths.outcomes.experiment')}</th>
              <th scope="col">{t('synths.outcomes.analysis')}</th>
              <th scope="col">{t('synths.outcomes.started')}</th>
              <th scope="col" className="is-end">
                {t('synths.outcomes.success')}
              </th>
              <th scope="col" className="is-end">
                {t('synths.outcomes.failed')}
              </th>
              <th scope="col" className="is-end">
                {t('synths.outcomes.didNotTry')}
              </th>
              <th scope="col" className="plain-table__bar-column">
                <span className="visually-hidden">{t('synths.outcomes.success')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id ?? `${row.analysisId}`}>
                <td>
                  {row.experimentId ? (
                    <Link to="/experiments/$experimentId" params={{ experimentId: row.experimentId }} search={{ tab: 'analysis' }}>
                      {row.experimentName ?? row.experimentId}
                    </Link>
                  ) : (
                    <span className="muted">{t('synths.outcomes.noExperiment')}</span>
                  )}
                </td>
                <td title={row.analysisId}>{row.analysisStatus ? <StatusChip status={row.analysisStatus} label={row.analysisStatus} /> : <span className="mono muted">{row.analysisId}</span>}</td>
                <td className="plain-table__nowrap">
                  <Timestamp value={row.analysisStartedAt} compact />
                </td>
                <td className="is-end numeric">{format.percent(row.successRate, 0)}</td>
                <td className="is-end numeric">{format.percent(row.failedRate, 0)}</td>
                <td className="is-end numeric">{format.percent(row.didNotTryRate, 0)}</td>
                <td className="plain-table__bar-column">
                  <MiniShares row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ActivitySection>
  );
}

function MiniShares({ row }: { row: SynthOutcomeRow }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="mini-shares">
      <SharesBar
        legend={false}
        label={t('synths.outcomes.title')}
        segments={[
          { key: 'success', label: t('synths.outcomes.success'), value: row.successRate, display: format.percent(row.successRate, 0), tone: 'success' },
          { key: 'failed', label: t('synths.outcomes.failed'), value: row.failedRate, display: format.percent(row.failedRate, 0), tone: 'danger' },
          { key: 'didNotTry', label: t('synths.outcomes.didNotTry'), value: row.didNotTryRate, display: format.percent(row.didNotTryRate, 0), tone: 'neutral' },
        ]}
      />
    </div>
  );
}

function Transcripts({ query, synthId }: { query: FactsQuery<Page<SynthTranscriptRow> & { available: boolean }>; synthId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = query.data?.pages.flatMap((page) => page.rows) ?? [];
  const available = query.data?.pages[0]?.available ?? true;
  return (
    <ActivitySection
      id="synth-transcripts"
      title={t('synths.transcripts.title')}
      query={query}
      count={rows.length}
      actions={rows.length > 0 ? <ExportButton scope={{ kind: 'synth', synthId }} page /> : undefined}
    >
      {!available ? (
        <p className="muted">{t('synths.transcripts.noTable')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('synths.transcripts.none')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">{t('synths.transcripts.interview')}</th>
              <th scope="col">{t('synths.transcripts.experiment')}</th>
              <th scope="col">{t('synths.transcripts.status')}</th>
              <th scope="col" className="is-end">
                {t('synths.transcripts.turns')}
              </th>
              <th scope="col">{t('synths.transcripts.when')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.execId}/${row.synthId}`}>
                <td>
                  <a href={transcriptHref(row.execId, synthId)} title={t('synths.transcripts.open')}>
                    {row.topic ?? row.execId}
                  </a>
                  <div className="mono muted plain-table__sub">{row.execId}</div>
                </td>
                <td>
                  {row.experimentId ? (
                    <Link to="/experiments/$experimentId" params={{ experimentId: row.experimentId }}>
                      {row.experimentName ?? row.experimentId}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{row.status ? <StatusChip status={row.status} label={row.status} /> : <span className="muted">—</span>}</td>
                <td className="is-end numeric">{format.integer(row.turnCount)}</td>
                <td className="plain-table__nowrap">
                  <Timestamp value={row.timestamp} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ActivitySection>
  );
}

function ActivitySection<P>({
  id,
  title,
  query,
  count,
  actions,
  children,
}: {
  id: string;
  title: string;
  query: FactsQuery<P>;
  count: number;
  /** Beside the title (the transcripts' Export…). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="activity-section" aria-labelledby={id}>
      <div className="section-heading">
        <h2 className="section-title" id={id}>
          {title}
          {query.data !== undefined && count > 0 && <span className="section-title__count numeric">{format.integer(count)}{query.hasNextPage ? '+' : ''}</span>}
        </h2>
        {actions && <div className="section-heading__actions">{actions}</div>}
      </div>
      {query.isPending && query.fetchStatus === 'fetching' && <Skeleton lines={3} />}
      {query.isError && query.data === undefined && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data !== undefined && children}
      {query.isFetchNextPageError && <ErrorNotice compact error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && (
        <button type="button" className="button activity-section__more" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t('synths.loadMore')}
        </button>
      )}
    </section>
  );
}
