// What a detail page shows around its record while the call for it runs, the same on every page:
// a skeleton (with Cancel once the call takes a while), "Cancelled" with Load again, the error
// inline with Retry, and for a record that is not there, the message with a way back instead of a
// Retry that cannot help. Once the record is here, the children draw it.
import { useQueryClient, type FetchStatus, type QueryKey } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import type { BackTarget } from './BackButton';
import { EmptyState, ErrorNotice, Skeleton, SlowCallNotice } from './feedback';

/** What the boundary reads of a query (useQuery's result). */
export interface BoundaryQuery<Data> {
  data: Data | undefined;
  error: AppError | null;
  fetchStatus: FetchStatus;
  refetch: () => Promise<unknown>;
}

export interface QueryBoundaryProps<Data> {
  query: BoundaryQuery<Data>;
  /** Lines of the skeleton drawn while loading, and its accessible label. */
  lines: number;
  label?: string;
  /** Class of the box around the skeleton, where the page reserves the record's room. */
  loadingClassName?: string;
  /** Cancel (offered after a while) stops the calls under this key… */
  queryKey?: QueryKey;
  /** …or does this instead; no Cancel without either. */
  onCancel?: () => void;
  /** Load again after a Cancel (default: the query again); null when another part of the page offers it. */
  onReload?: (() => void) | null;
  /** A record that is not there (not_found): the page to go back to, or what to draw instead (default: like any error). */
  missing?: { back: BackTarget; label: string } | ((error: AppError) => ReactNode);
  children: (data: Data) => ReactNode;
}

export function QueryBoundary<Data>({ query, lines, label, loadingClassName, queryKey, onCancel, onReload, missing, children }: QueryBoundaryProps<Data>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const retry = (): void => void query.refetch();
  if (query.data !== undefined) {
    // A refetch that failed leaves what was read before on screen, under the error.
    return (
      <>
        {query.error && <ErrorNotice error={query.error} onRetry={retry} />}
        {children(query.data)}
      </>
    );
  }
  const { error } = query;
  if (error) {
    if (error.code !== 'not_found' || missing === undefined) return <ErrorNotice error={error} onRetry={retry} />;
    if (typeof missing === 'function') return missing(error);
    return (
      <EmptyState
        title={t('errors.notFound')}
        actions={
          <Link {...missing.back} className="button">
            {missing.label}
          </Link>
        }
      >
        <p>{error.message}</p>
      </EmptyState>
    );
  }
  if (query.fetchStatus === 'idle') {
    if (onReload === null) return null;
    return (
      <div className="notice">
        <p>{t('table.cancelled')}</p>
        <button type="button" className="button" onClick={onReload ?? retry}>
          {t('common.loadAgain')}
        </button>
      </div>
    );
  }
  const cancel = onCancel ?? (queryKey === undefined ? undefined : () => void queryClient.cancelQueries({ queryKey }));
  return (
    <div className={loadingClassName}>
      <Skeleton lines={lines} {...(label === undefined ? {} : { label })} />
      {cancel && <SlowCallNotice onCancel={cancel} />}
    </div>
  );
}
