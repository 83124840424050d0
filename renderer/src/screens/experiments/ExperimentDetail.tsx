// One experiment: what it tests (hypothesis, description, scorecard), its counts, and tabs. The
// Analysis, Interviews, Explorations and Documents tabs arrive with their screens; Overview,
// Interview guide and Raw JSON are here.
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SCORECARD_DIMENSIONS, type ExperimentDetail as Experiment, type ScorecardDimension } from '../../../../shared/contract/experiments';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { BackButton, useEscapeGoesBack } from '../../ui/BackButton';
import { CopyButton } from '../../ui/CopyButton';
import { useFormatters } from '../../ui/format';
import { JsonCellViewer, JsonViewer } from '../../ui/JsonViewer';
import { QueryBoundary } from '../../ui/QueryBoundary';
import { Tabs } from '../../ui/Tabs';
import { Timestamp } from '../../ui/Timestamp';
import { DocumentsTab } from '../documents/DocumentsTab';
import { ExperimentExplorations } from '../explorations/ExperimentExplorations';
import { ExportButton } from '../export/ExportButton';
import { ExperimentInterviewsTab } from '../interviews/ExperimentInterviewsTab';
import { experimentDetailRoute, type ExperimentTab } from './routes';
import { AnalysisTab } from './analysis/AnalysisTab';

const EXPERIMENTS_LIST = { to: '/experiments' } as const;

export function ExperimentDetail() {
  const { t } = useTranslation();
  const { experimentId } = experimentDetailRoute.useParams();
  const { tab = 'overview' } = experimentDetailRoute.useSearch();
  const client = useApiClient();
  const options = apiQuery(client, 'experiments.get', { id: experimentId });
  const query = useQuery(options);
  useDocumentTitle(query.data?.name ?? experimentId);
  useEscapeGoesBack(EXPERIMENTS_LIST);

  return (
    <div className="page page--detail">
      <BackButton label={t('nav.experiments')} fallback={EXPERIMENTS_LIST} />
      <QueryBoundary
        query={query}
        lines={5}
        queryKey={options.queryKey}
        missing={{ back: EXPERIMENTS_LIST, label: t('common.backTo', { place: t('nav.experiments') }) }}
      >
        {(experiment) => <ExperimentView experiment={experiment} tab={tab} />}
      </QueryBoundary>
    </div>
  );
}

function ExperimentView({ experiment, tab }: { experiment: Experiment; tab: ExperimentTab }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate({ from: experimentDetailRoute.fullPath });
  const { doc } = experimentDetailRoute.useSearch();
  const tabs: Array<{ id: ExperimentTab; label: string }> = [
    { id: 'overview', label: t('experiment.tabs.overview') },
    { id: 'analysis', label: t('analysis.tab') },
    { id: 'interviews', label: t('experiment.tabs.interviews') },
    { id: 'explorations', label: t('experiment.tabs.explorations') },
    { id: 'documents', label: t('experiment.tabs.documents') },
    { id: 'guide', label: t('experiment.tabs.guide') },
    { id: 'raw', label: t('experiment.tabs.raw') },
  ];
  return (
    <article className="detail">
      <header className="detail__header">
        <h1 className="page__title">{experiment.name ?? experiment.id}</h1>
        <div className="detail__chips">
          {experiment.status && experiment.status !== 'active' && experiment.status !== 'deleted' && <span className={`chip chip--status-${experiment.status}`}>{experiment.status}</span>}
          {experiment.deleted && <span className="chip chip--deleted">{t('experiments.deleted')}</span>}
          {experiment.synthGroup && <span className="chip">{t('experiment.synthGroup', { name: experiment.synthGroup.name ?? experiment.synthGroup.id })}</span>}
          {experiment.tags?.map((tag) => (
            <span key={tag.id} className="chip chip--tag">
              {tag.name ?? tag.id}
            </span>
          ))}
        </div>
        <dl className="meta-row">
          <div>
            <dt>{t('experiment.id')}</dt>
            <dd className="mono">
              {experiment.id} <CopyButton text={experiment.id} />
            </dd>
          </div>
          <div>
            <dt>{t('experiments.columns.created')}</dt>
            <dd>
              <Timestamp value={experiment.createdAt} />
            </dd>
          </div>
          <div>
            <dt>{t('experiment.updated')}</dt>
            <dd>
              <Timestamp value={experiment.updatedAt} />
            </dd>
          </div>
          <div>
            <dt>{t('experiments.columns.interviews')}</dt>
            <dd className="numeric">{format.integer(experiment.counts.interviews)}</dd>
          </div>
          <div>
            <dt>{t('experiment.transcripts')}</dt>
            <dd className="numeric">{format.integer(experiment.counts.transcripts)}</dd>
          </div>
          <div>
            <dt>{t('experiments.columns.explorations')}</dt>
            <dd className="numeric">{format.integer(experiment.counts.explorations)}</dd>
          </div>
          <div>
            <dt>{t('experiments.columns.documents')}</dt>
            <dd className="numeric">{format.integer(experiment.counts.documents)}</dd>
          </div>
        </dl>
        {(experiment.counts.transcripts ?? 0) > 0 && (
          <div className="export-actions">
            <ExportButton scope={{ kind: 'experiment', experimentId: experiment.id }} page />
          </div>
        )}
      </header>

      <Tabs
        label={t('experiment.tabsLabel')}
        tabs={tabs}
        selected={tab}
        onSelect={(id) => void navigate({ search: (prev) => ({ ...prev, tab: id === 'overview' ? undefined : id, doc: undefined }), replace: true })}
      >
        {tab === 'overview' && <Overview experiment={experiment} />}
        {tab === 'analysis' && <AnalysisTab experimentId={experiment.id} />}
        {tab === 'interviews' && <ExperimentInterviewsTab experimentId={experiment.id} expectedCount={experiment.counts.interviews} />}
        {tab === 'explorations' && <ExperimentExplorations experimentId={experiment.id} />}
        {tab === 'documents' && (
          <DocumentsTab
            experimentId={experiment.id}
            selectedId={doc}
            onSelect={(id) => void navigate({ search: (prev) => ({ ...prev, doc: id }), replace: true })}
          />
        )}
        {tab === 'guide' && <InterviewGuide experiment={experiment} />}
        {tab === 'raw' && (
          <div className="stack">
            <JsonViewer value={experiment.raw} label={t('experiment.rawRow')} />
            {experiment.scorecardData && <JsonCellViewer cell={experiment.scorecardData} label="scorecard_data" />}
          </div>
        )}
      </Tabs>
    </article>
  );
}

function Overview({ experiment }: { experiment: Experiment }) {
  const { t } = useTranslation();
  const scorecard = experiment.scorecard;
  return (
    <div className="stack">
      <section className="prose-section">
        <h2 className="section-title">{t('experiment.hypothesis')}</h2>
        <p className="prose">{experiment.hypothesis ?? <span className="muted">{t('experiment.none')}</span>}</p>
      </section>
      {experiment.description && (
        <section className="prose-section">
          <h2 className="section-title">{t('experiment.description')}</h2>
          <p className="prose">{experiment.description}</p>
        </section>
      )}
      <section>
        <h2 className="section-title">{t('experiment.scorecard')}</h2>
        {scorecard === null ? (
          <p className="muted">{t('experiment.noScorecard')}</p>
        ) : (
          <>
            {(scorecard.featureName || scorecard.scenario) && (
              <p className="muted">{[scorecard.featureName, scorecard.scenario].filter(Boolean).join(' · ')}</p>
            )}
            <div className="dimension-grid">
              {SCORECARD_DIMENSIONS.map((key) => (
                <DimensionCard key={key} label={t(`experiment.dimensions.${key}`)} dimension={scorecard.dimensions[key]} />
              ))}
            </div>
            {scorecard.justification && <p className="prose muted">{scorecard.justification}</p>}
          </>
        )}
      </section>
    </div>
  );
}

function DimensionCard({ label, dimension }: { label: string; dimension: ScorecardDimension | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const score = dimension?.score ?? null;
  const lower = dimension?.lowerBound ?? null;
  const upper = dimension?.upperBound ?? null;
  return (
    <div className="dimension-card">
      <div className="dimension-card__label">{label}</div>
      <div className="dimension-card__score numeric">{format.fixed(score, 2)}</div>
      <div className="dimension-card__bounds muted">
        {lower === null && upper === null ? t('experiment.noBounds') : t('experiment.bounds', { lower: format.fixed(lower, 2), upper: format.fixed(upper, 2) })}
      </div>
      {score !== null && (
        <div className="range-bar" aria-hidden="true">
          {lower !== null && upper !== null && (
            <span className="range-bar__band" style={{ left: `${clampPercent(lower)}%`, width: `${clampPercent(upper) - clampPercent(lower)}%` }} />
          )}
          <span className="range-bar__mark" style={{ left: `${clampPercent(score)}%` }} />
        </div>
      )}
    </div>
  );
}

/** Scorecard values are on a 0–1 scale in synth-lab. */
function clampPercent(value: number): number {
  return Math.max(0, Math.min(100, value * 100));
}

function InterviewGuide({ experiment }: { experiment: Experiment }) {
  const { t } = useTranslation();
  const guide = experiment.interviewGuide;
  if (guide === null) return <p className="muted">{t('experiment.noGuide')}</p>;
  const parts = [
    { label: t('experiment.guide.context'), text: guide.contextDefinition },
    { label: t('experiment.guide.questions'), text: guide.questions },
    { label: t('experiment.guide.examples'), text: guide.contextExamples },
  ];
  return (
    <div className="stack">
      {parts.map((part) => (
        <section key={part.label} className="prose-section">
          <h2 className="section-title">{part.label}</h2>
          <p className="prose prose--pre">{part.text ?? <span className="muted">{t('experiment.none')}</span>}</p>
        </section>
      ))}
    </div>
  );
}

