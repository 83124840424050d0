// One research execution: what ran (experiment, model, turns, when and for how long), how it went
// (synth and transcript counts), the context it was given, the documents written from it, the
// summaries older synth-lab versions stored beside it, and its transcripts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, type CSSProperties } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ExecutionDetail, PrfaqMetadata, TranscriptRow } from '../../../../shared/contract/research';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource, apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { BackButton, useEscapeGoesBack } from '../../ui/BackButton';
import { CopyButton } from '../../ui/CopyButton';
import { DataTable, type DataColumn } from '../../ui/DataTable';
import { EmptyState } from '../../ui/feedback';
import { useFormatters, type Formatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { JsonCellViewer } from '../../ui/JsonViewer';
import { Markdown } from '../../ui/Markdown';
import { QueryBoundary } from '../../ui/QueryBoundary';
import { StatusChip } from '../../ui/StatusChip';
import { Timestamp, timestampColumn } from '../../ui/Timestamp';
import { documentStatusLabel, documentTypeLabel } from '../documents/labels';
import { ExportButton } from '../export/ExportButton';
import { SelectionExport } from '../export/SelectionExport';
import { transcriptKeyOf, useTranscriptSelection } from '../export/transcript-selection';
import { ExecutionDuration } from './ExecutionDuration';
import { executionStatusLabel, executionTitle, transcriptStatusLabel } from './labels';
import { executionRoute } from './routes';
import './interviews.css';

const INTERVIEWS_LIST = { to: '/interviews' } as const;

export function ExecutionPage() {
  const { t } = useTranslation();
  const { execId } = executionRoute.useParams();
  const client = useApiClient();
  const options = apiQuery(client, 'research.execution', { execId });
  const query = useQuery(options);
  useDocumentTitle(query.data ? `${executionTitle(query.data.execution)} — ${execId}` : execId);
  useEscapeGoesBack(INTERVIEWS_LIST);

  return (
    <div className="page page--detail">
      <BackButton label={t('nav.interviews')} fallback={INTERVIEWS_LIST} />
      <QueryBoundary
        query={query}
        lines={6}
        queryKey={options.queryKey}
        missing={{ back: INTERVIEWS_LIST, label: t('common.backTo', { place: t('nav.interviews') }) }}
      >
        {(detail) => <ExecutionView detail={detail} />}
      </QueryBoundary>
    </div>
  );
}

function ExecutionView({ detail }: { detail: ExecutionDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { section } = executionRoute.useSearch();
  const { execution, legacy } = detail;
  const summary = legacy.summaryContent?.trim() ? legacy.summaryContent : null;

  // `?section=summary` (a Search result for the legacy summary) scrolls there once the page is drawn.
  useEffect(() => {
    if (section) document.getElementById(`execution-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section]);

  return (
    <article className="detail">
      <header className="detail__header">
        <h1 className="page__title">{executionTitle(execution)}</h1>
        <div className="detail__chips">
          <StatusChip status={execution.status} label={executionStatusLabel(t, execution.status)} />
          {execution.experimentStatus === 'deleted' && <span className="chip chip--deleted">{t('experiments.deleted')}</span>}
          {execution.experimentId === null && <span className="chip">{t('interviews.noExperiment')}</span>}
        </div>
        <dl className="meta-row">
          {execution.experimentId && (
            <div>
              <dt>{t('execution.experiment')}</dt>
              <dd>
                <Link to="/experiments/$experimentId" params={{ experimentId: execution.experimentId }} search={{ tab: 'interviews' }}>
                  {execution.experimentName ?? execution.experimentId}
                </Link>
              </dd>
            </div>
          )}
          {execution.topicName && (
            <div>
              <dt>{t('execution.topic')}</dt>
              <dd className="mono">{execution.topicName}</dd>
            </div>
          )}
          <div>
            <dt>{t('execution.started')}</dt>
            <dd>
              <Timestamp value={execution.startedAt} />
            </dd>
          </div>
          <div>
            <dt>{t('execution.completed')}</dt>
            <dd>
              <Timestamp value={execution.completedAt} />
            </dd>
          </div>
          <div>
            <dt>{t('execution.duration')}</dt>
            <dd>
              <ExecutionDuration startedAt={execution.startedAt} completedAt={execution.completedAt} status={execution.status} />
            </dd>
          </div>
          <div>
            <dt>{t('execution.model')}</dt>
            <dd className={execution.model ? 'mono' : 'muted'}>{execution.model ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('execution.maxTurns')}</dt>
            <dd className="numeric">{format.integer(execution.maxTurns)}</dd>
          </div>
        </dl>
        <dl className="meta-row">
          <div>
            <dt>{t('execution.synths')}</dt>
            <dd className="numeric">{format.integer(execution.synthCount)}</dd>
          </div>
          <div>
            <dt>{t('execution.successful')}</dt>
            <dd className="numeric">{format.integer(execution.successfulCount)}</dd>
          </div>
          <div>
            <dt>{t('execution.failed')}</dt>
            <dd className={`numeric${execution.failedCount ? ' interviews-failed-count' : ''}`}>{format.integer(execution.failedCount)}</dd>
          </div>
          <div>
            <dt>{t('execution.transcripts')}</dt>
            <dd className="numeric">
              {format.integer(execution.transcriptCount)}
              {detail.transcriptStatuses.length > 0 && (
                <span className="muted execution-statuses">
                  ({detail.transcriptStatuses.map((entry) => `${format.integer(entry.count)} ${transcriptStatusLabel(t, entry.status).toLowerCase()}`).join(', ')})
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('execution.id')}</dt>
            <dd className="mono">
              {execution.execId} <CopyButton text={execution.execId} />
            </dd>
          </div>
        </dl>
        {execution.transcriptCount > 0 && (
          <div className="export-actions">
            <Link to="/search" search={{ exec: execution.execId, kind: 'transcript' }} className="button">
              <Icon name="search" size={14} />
              {t('execution.searchTranscripts')}
            </Link>
            <ExportButton scope={{ kind: 'execution', execId: execution.execId }} page />
          </div>
        )}
      </header>

      <div className="stack">
        {execution.additionalContext && (
          <section className="prose-section">
            <h2 className="section-title">{t('execution.additionalContext')}</h2>
            <p className="prose prose--pre">{execution.additionalContext}</p>
          </section>
        )}

        <TranscriptsSection execId={execution.execId} count={execution.transcriptCount} />

        <section id="execution-documents">
          <h2 className="section-title">{t('execution.documents')}</h2>
          {detail.documents.length === 0 ? (
            <p className="muted">{t('execution.noDocuments')}</p>
          ) : (
            <ul className="execution-documents">
              {detail.documents.map((document) => (
                <li key={document.id}>
                  <Link to="/documents/$documentId" params={{ documentId: document.id }} className="execution-document">
                    <span className="execution-document__title">{documentTypeLabel(t, document.type)}</span>
                    <StatusChip status={document.status} label={documentStatusLabel(t, document.status)} />
                    <span className="muted">
                      {format.timestampCompact(document.generatedAt)}
                      {document.size ? ` · ${t('documents.characters', { count: document.size, formatted: format.integer(document.size) })}` : ''}
                    </span>
                    <span className="muted mono execution-document__link" title={t('execution.linkedByHint')}>
                      {document.linkedBy}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        {summary !== null && (
          <section id="execution-summary" className="legacy-section">
            <h2 className="section-title">{t('execution.legacySummary')}</h2>
            <p className="muted legacy-section__note">{t('execution.legacySummaryNote')}</p>
            <Markdown text={summary} className="markdown--sheet" headingOffset={2} />
          </section>
        )}

        {legacy.prfaq.length > 0 && (
          <section id="execution-prfaq" className="legacy-section">
            <h2 className="section-title">{t('execution.prfaq')}</h2>
            <p className="muted legacy-section__note">{t('execution.prfaqNote')}</p>
            {legacy.prfaq.map((prfaq, index) => (
              <LegacyPrfaq key={`${prfaq.execId}-${index}`} prfaq={prfaq} />
            ))}
          </section>
        )}
      </div>
    </article>
  );
}

function LegacyPrfaq({ prfaq }: { prfaq: PrfaqMetadata }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="legacy-prfaq">
      <div className="document__title-row">
        <h3 className="legacy-prfaq__headline">{prfaq.headline ?? <span className="muted">{t('execution.prfaqNoHeadline')}</span>}</h3>
        <StatusChip status={prfaq.status} label={documentStatusLabel(t, prfaq.status)} />
      </div>
      {prfaq.oneLiner && <p className="prose">{prfaq.oneLiner}</p>}
      <dl className="meta-row">
        <div>
          <dt>{t('execution.prfaqValidation')}</dt>
          <dd>{prfaq.validationStatus ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('execution.prfaqConfidence')}</dt>
          <dd className="numeric">{format.fixed(prfaq.confidenceScore, 2)}</dd>
        </div>
        <div>
          <dt>{t('execution.prfaqFaqCount')}</dt>
          <dd className="numeric">{format.integer(prfaq.faqCount)}</dd>
        </div>
        <div>
          <dt>{t('execution.model')}</dt>
          <dd className="mono">{prfaq.model ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('execution.started')}</dt>
          <dd>
            <Timestamp value={prfaq.startedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('documents.generated')}</dt>
          <dd>
            <Timestamp value={prfaq.generatedAt} />
          </dd>
        </div>
      </dl>
      {prfaq.errorMessage && (
        <div className="document__problem document__problem--failed" role="alert">
          <Icon name="alert" size={16} />
          <div>
            <p className="document__problem-title">{t('documents.errorTitle')}</p>
            <p>{prfaq.errorMessage}</p>
          </div>
        </div>
      )}
      {prfaq.markdownContent?.trim() && <Markdown text={prfaq.markdownContent} className="markdown--sheet" headingOffset={3} />}
      {prfaq.jsonContent !== null && (
        <details className="document__metadata">
          <summary>json_content</summary>
          <JsonCellViewer cell={prfaq.jsonContent} label="json_content" />
        </details>
      )}
    </div>
  );
}

const ROW_HEIGHT = 36;
const VISIBLE_ROWS = 12;

function TranscriptsSection({ execId, count }: { execId: string; count: number }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const source = apiPageSource(client, 'research.transcripts', { execId });
  const list = usePagedRows(source);
  const selection = useTranscriptSelection(list);
  const columns = useMemo(() => transcriptColumns(t, format), [t, format]);
  // As tall as its rows (up to a dozen), so a short list does not leave an empty box.
  const style = { '--embedded-table-rows': Math.max(1, Math.min(VISIBLE_ROWS, count)) } as CSSProperties;

  return (
    <section id="execution-transcripts">
      <div className="section-heading">
        <h2 className="section-title">{t('execution.transcriptsTitle')}</h2>
        <SelectionExport selection={selection} keyOf={transcriptKeyOf} />
      </div>
      {count === 0 && !list.firstPage?.rows.length ? (
        <EmptyState title={t('execution.noTranscripts')}>{t('execution.noTranscriptsHint')}</EmptyState>
      ) : (
        <div className="embedded-table" style={style}>
          <DataTable
            label={t('execution.transcriptsTitle')}
            columns={columns}
            list={list}
            rowHeight={ROW_HEIGHT}
            selection={selection.table}
            countLabel={(n) => t('execution.transcriptCount', { count: n, formatted: format.integer(n) })}
            onOpen={(row) => void navigate({ to: '/interviews/$execId/transcripts/$synthId', params: { execId: row.key.execId, synthId: row.key.synthId } })}
            onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
            empty={<EmptyState title={t('execution.noTranscripts')} />}
          />
        </div>
      )}
    </section>
  );
}

function transcriptColumns(t: TFunction, format: Formatters): DataColumn<TranscriptRow>[] {
  return [
    {
      id: 'synth',
      header: t('execution.transcriptColumns.synth'),
      width: 'minmax(14rem, 2fr)',
      cell: (row) => (
        <span className="cell-title" title={row.key.synthId}>
          {row.synthName ?? <span className="muted mono">{row.key.synthId}</span>}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('execution.transcriptColumns.status'),
      width: '8rem',
      cell: (row) => <StatusChip status={row.status} label={transcriptStatusLabel(t, row.status)} />,
    },
    {
      id: 'turns',
      header: t('execution.transcriptColumns.turns'),
      width: '5.5rem',
      align: 'end',
      cell: (row) => <span className="numeric">{format.integer(row.turnCount)}</span>,
    },
    {
      id: 'messages',
      header: t('execution.transcriptColumns.messages'),
      width: '6.5rem',
      align: 'end',
      cell: (row) => <span className={row.messageCount ? 'numeric' : 'numeric muted'}>{format.integer(row.messageCount)}</span>,
    },
    timestampColumn({ id: 'time', header: t('execution.transcriptColumns.time'), width: '11.5rem' }, (row) => row.timestamp, { t, format }),
    {
      id: 'synthId',
      header: t('execution.transcriptColumns.synthId'),
      width: 'minmax(6rem, 1fr)',
      cell: (row) => <span className="mono muted">{row.key.synthId}</span>,
    },
  ];
}
