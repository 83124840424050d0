// One generated document: what it is (type of either era, status, when, which model), where it
// came from (the interview, exploration or analysis it summarises), its error when generation
// failed or stopped part-way, and its markdown rendered (GFM) or as source.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/documents';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { CopyButton } from '../../ui/CopyButton';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { JsonCellViewer } from '../../ui/JsonViewer';
import { Markdown } from '../../ui/Markdown';
import { QueryBoundary, type QueryBoundaryProps } from '../../ui/QueryBoundary';
import { StatusChip } from '../../ui/StatusChip';
import { Timestamp } from '../../ui/Timestamp';
import { documentStatusLabel, documentTypeLabel, isInProgress } from './labels';
import './documents.css';

export interface DocumentViewProps {
  documentId: string;
  /** The document's own page titles it with an h1; inside a tab it is a section (h2). */
  headingLevel: 1 | 2;
  /** Inside the experiment page the experiment is already known; on its own page it is linked. */
  showExperiment: boolean;
  /** A document that is not there: the way back (its own page has one; in a tab the list is beside it). */
  missing?: QueryBoundaryProps<DocumentDetail>['missing'];
}

export function DocumentView({ documentId, headingLevel, showExperiment, missing }: DocumentViewProps) {
  const client = useApiClient();
  const options = apiQuery(client, 'documents.get', { id: documentId });
  const query = useQuery(options);
  return (
    <QueryBoundary query={query} lines={8} queryKey={options.queryKey} {...(missing ? { missing } : {})}>
      {(document) => <DocumentBody document={document} headingLevel={headingLevel} showExperiment={showExperiment} />}
    </QueryBoundary>
  );
}

function DocumentBody({ document, headingLevel, showExperiment }: { document: DocumentDetail; headingLevel: 1 | 2; showExperiment: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [view, setView] = useState<'rendered' | 'source'>('rendered');
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const markdown = document.markdown ?? '';
  const hasText = markdown.trim() !== '';
  const { source } = document;

  return (
    <article className="document" aria-label={documentTypeLabel(t, document.type)}>
      <header className="document__header">
        <div className="document__title-row">
          <Heading className={headingLevel === 1 ? 'page__title' : 'document__title'}>{documentTypeLabel(t, document.type)}</Heading>
          <StatusChip status={document.status} label={documentStatusLabel(t, document.status)} />
          <span className="chip">{t(`documents.categories.${document.category}`)}</span>
        </div>
        <dl className="meta-row">
          {showExperiment && (
            <div>
              <dt>{t('documents.experiment')}</dt>
              <dd>
                {document.experimentId ? (
                  <Link to="/experiments/$experimentId" params={{ experimentId: document.experimentId }} search={{ tab: 'documents', doc: document.id }}>
                    {document.experimentName ?? document.experimentId}
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('documents.generated')}</dt>
            <dd>
              <Timestamp value={document.generatedAt} />
            </dd>
          </div>
          <div>
            <dt>{t('documents.model')}</dt>
            <dd>{document.model ?? <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>{t('documents.size')}</dt>
            <dd className="numeric">{document.size === null ? '—' : t('documents.characters', { count: document.size, formatted: format.integer(document.size) })}</dd>
          </div>
          {(source.execId ?? (document.category === 'research' ? source.sourceId : null)) && (
            <div>
              <dt>{t('documents.sourceInterview')}</dt>
              <dd>
                <Link to="/interviews/$execId" params={{ execId: (source.execId ?? source.sourceId) as string }} className="mono">
                  {source.execId ?? source.sourceId}
                </Link>
              </dd>
            </div>
          )}
          {source.explorationId && (
            <div>
              <dt>{t('documents.sourceExploration')}</dt>
              <dd>
                <Link to="/explorations/$explorationId" params={{ explorationId: source.explorationId }} className="mono">
                  {source.explorationId}
                </Link>
              </dd>
            </div>
          )}
          {source.analysisId && (
            <div>
              <dt>{t('documents.sourceAnalysis')}</dt>
              <dd className="mono">{source.analysisId}</dd>
            </div>
          )}
          <div>
            <dt>{t('documents.id')}</dt>
            <dd className="mono">
              {document.id}
              {document.type && <span className="muted document__stored-type">· {document.type}</span>}
            </dd>
          </div>
        </dl>
      </header>

      {document.errorMessage && (
        <div className={`document__problem document__problem--${document.status === 'partial' ? 'partial' : 'failed'}`} role="alert">
          <Icon name="alert" size={16} />
          <div>
            <p className="document__problem-title">{document.status === 'partial' ? t('documents.partialTitle') : t('documents.errorTitle')}</p>
            <p>{document.errorMessage}</p>
          </div>
        </div>
      )}

      {hasText ? (
        <>
          <div className="document__toolbar">
            <div className="segmented" role="radiogroup" aria-label={t('documents.viewLabel')}>
              {(['rendered', 'source'] as const).map((option) => (
                <label key={option} className={`segmented__option${view === option ? ' is-selected' : ''}`}>
                  <input type="radio" name={`document-view-${document.id}`} checked={view === option} onChange={() => setView(option)} />
                  {t(`documents.view.${option}`)}
                </label>
              ))}
            </div>
            <CopyButton text={markdown} label={t('documents.copyMarkdown')} />
          </div>
          {view === 'rendered' ? <Markdown text={markdown} className="markdown--sheet" headingOffset={headingLevel} /> : <pre className="document__source">{markdown}</pre>}
        </>
      ) : (
        <p className="document__empty muted">
          {isInProgress(document.status)
            ? t('documents.inProgress', { status: documentStatusLabel(t, document.status) })
            : t('documents.noText')}
        </p>
      )}

      {document.metadata !== null && (
        <details className="document__metadata">
          <summary>{t('documents.metadata')}</summary>
          <JsonCellViewer cell={document.metadata} label="metadata" />
        </details>
      )}
    </article>
  );
}
