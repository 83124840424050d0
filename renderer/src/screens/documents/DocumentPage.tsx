// A document on its own page: back to where the researcher came from, then the document.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { BackButton, useEscapeGoesBack } from '../../ui/BackButton';
import { DocumentView } from './DocumentView';
import { documentTypeLabel } from './labels';
import { documentRoute } from './routes';

export function DocumentPage() {
  const { t } = useTranslation();
  const { documentId } = documentRoute.useParams();
  // The same query DocumentView runs (shared cache): only for the window title.
  const query = useQuery(apiQuery(useApiClient(), 'documents.get', { id: documentId }));
  const title = query.data ? `${documentTypeLabel(t, query.data.type)} — ${query.data.experimentName ?? query.data.experimentId ?? documentId}` : documentId;
  useDocumentTitle(title);
  const experimentId = query.data?.experimentId ?? null;
  useEscapeGoesBack(experimentId ? { to: '/experiments/$experimentId', params: { experimentId } } : { to: '/experiments' });

  return (
    <div className="page page--detail">
      <BackButton
        label={query.data?.experimentName ?? t('nav.experiments')}
        fallback={experimentId ? { to: '/experiments/$experimentId', params: { experimentId }, search: { tab: 'documents', doc: documentId } } : { to: '/experiments' }}
      />
      <DocumentView documentId={documentId} headingLevel={1} showExperiment missing={{ back: { to: '/experiments' }, label: t('common.backTo', { place: t('nav.experiments') }) }} />
    </div>
  );
}
