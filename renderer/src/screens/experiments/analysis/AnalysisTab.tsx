// The experiment page's Analysis tab: the analysis run (status, config, timings), outcome shares,
// the success-rate histogram, an observable against success rate, insight texts and the executive
// summary, the per-synth outcomes table, and the analysis_cache entries.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisRunDetail } from '../../../../../shared/contract/analysis';
import { useApiClient } from '../../../api/client-context';
import { apiQuery } from '../../../api/queries';
import { CopyButton } from '../../../ui/CopyButton';
import { EmptyState } from '../../../ui/feedback';
import { useFormatters } from '../../../ui/format';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { StatusChip } from '../../../ui/StatusChip';
import { Timestamp } from '../../../ui/Timestamp';
import { AnalysisCharts } from './AnalysisCharts';
import { AnalysisInsights } from './AnalysisInsights';
import { CacheBrowser } from './CacheBrowser';
import { OutcomesSection } from './OutcomesSection';
import './analysis.css';
import '../../../ui/card.css';

export function AnalysisTab({ experimentId }: { experimentId: string }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const options = apiQuery(client, 'analysis.get', { experimentId });
  const query = useQuery(options);

  return (
    <QueryBoundary query={query} lines={5} queryKey={options.queryKey}>
      {(run) =>
        run === null ? (
          <EmptyState title={t('analysis.none')}>
            <p>{t('analysis.noneExplained')}</p>
          </EmptyState>
        ) : (
          <AnalysisView run={run} />
        )
      }
    </QueryBoundary>
  );
}

function AnalysisView({ run }: { run: AnalysisRunDetail }) {
  const { t } = useTranslation();
  const hasOutcomes = run.outcomeCount !== 0;
  return (
    <div className="analysis stack">
      <RunSummary run={run} />
      {run.outcomeCount === null ? (
        <p className="muted">{t('analysis.charts.noTable')}</p>
      ) : hasOutcomes ? (
        <AnalysisCharts run={run} />
      ) : (
        <p className="muted">{t('analysis.charts.noOutcomes')}</p>
      )}
      <AnalysisInsights analysisId={run.id} />
      {run.outcomeCount !== null && hasOutcomes && <OutcomesSection analysisId={run.id} />}
      {run.cacheEntryCount !== null && <CacheBrowser analysisId={run.id} />}
    </div>
  );
}

function RunSummary({ run }: { run: AnalysisRunDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const config = run.config;
  return (
    <section className="analysis-run" aria-labelledby="analysis-run-title">
      <h2 className="visually-hidden" id="analysis-run-title">
        {t('analysis.run.title')}
      </h2>
      <dl className="meta-row">
        <Meta label={t('analysis.run.status')}>{run.status ? <StatusChip status={run.status} label={run.status} /> : '—'}</Meta>
        <Meta label={t('analysis.run.id')}>
          <span className="mono">{run.id}</span> <CopyButton text={run.id} />
        </Meta>
        {run.scenarioId && <Meta label={t('analysis.run.scenario')}>{run.scenarioId}</Meta>}
        <Meta label={t('analysis.run.started')}>
          <Timestamp value={run.startedAt} />
        </Meta>
        <Meta label={t('analysis.run.completed')}>
          <Timestamp value={run.completedAt} />
        </Meta>
        <Meta label={t('analysis.run.duration')}>
          <span className="numeric">{run.executionTimeSeconds === null ? '—' : format.duration(run.executionTimeSeconds * 1000)}</span>
        </Meta>
        <Meta label={t('analysis.run.synths')}>
          <span className="numeric">{format.integer(run.totalSynths ?? config?.nSynths)}</span>
        </Meta>
        {config && (
          <>
            <Meta label={t('analysis.run.executions')}>
              <span className="numeric">{format.integer(config.nExecutions)}</span>
            </Meta>
            <Meta label={t('analysis.run.sigma')}>
              <span className="numeric">{format.number(config.sigma, 3)}</span>
            </Meta>
            <Meta label={t('analysis.run.seed')}>
              <span className="numeric mono">{config.seed ?? '—'}</span>
            </Meta>
          </>
        )}
        <Meta label={t('analysis.run.outcomes')}>
          <span className="numeric">{format.integer(run.outcomeCount)}</span>
        </Meta>
        <Meta label={t('analysis.run.cacheEntries')}>
          <span className="numeric">{format.integer(run.cacheEntryCount)}</span>
        </Meta>
      </dl>
      {run.status !== null && run.status !== 'completed' && <p className="analysis-run__warning">{t('analysis.run.notCompleted', { status: run.status })}</p>}
    </section>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
