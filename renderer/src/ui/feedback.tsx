// Loading, failure and emptiness, the same everywhere: skeletons while a call runs (with a Cancel
// once it takes a while), errors inline with Retry, empty states that say what to do next.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { Icon } from './Icon';

export function Skeleton({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-label={label ?? t('common.loading')}>
      {Array.from({ length: lines }, (_, index) => (
        <div key={index} className="skeleton__line" />
      ))}
    </div>
  );
}

/** Appears after `delayMs` of waiting, so quick calls never flash it. */
export function SlowCallNotice({ onCancel, delayMs = 1200 }: { onCancel: () => void; delayMs?: number }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setVisible(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);
  if (!visible) return null;
  return (
    <div className="slow-call" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('common.stillWorking')}</span>
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/** Error codes with a researcher-facing headline of their own; others use the generic one. */
const HEADLINES = {
  cancelled: 'errors.cancelled',
  unreachable: 'errors.unreachable',
  connection_lost: 'errors.connectionLost',
  connection_changed: 'errors.connectionChanged',
  not_found: 'errors.notFound',
  timeout: 'errors.timeout',
  auth_failed: 'errors.authFailed',
  no_database: 'errors.noDatabase',
  unknown_method: 'errors.unknownMethod',
  target_exists: 'errors.targetExists',
  permission_denied: 'errors.permissionDenied',
  disk_full: 'errors.diskFull',
  not_a_directory: 'errors.notADirectory',
} as const;

/** `headline` replaces the one of the error's code where the screen knows better ("The PDF could not be made"). */
export function ErrorNotice({ error, onRetry, compact = false, headline: ownHeadline }: { error: AppError; onRetry?: () => void; compact?: boolean; headline?: string }) {
  const { t } = useTranslation();
  const headline = ownHeadline ?? t(error.code in HEADLINES ? HEADLINES[error.code as keyof typeof HEADLINES] : 'errors.generic');
  const details = error.details === undefined ? null : JSON.stringify(error.details, null, 2);
  return (
    <div className={`error-notice${compact ? ' error-notice--compact' : ''}`} role="alert">
      <Icon name="alert" size={18} className="error-notice__icon" />
      <div className="error-notice__body">
        <p className="error-notice__headline">{headline}</p>
        <p className="error-notice__message">{error.message}</p>
        {details !== null && !compact && (
          <details className="error-notice__details">
            <summary>{t('errors.details', { code: error.code })}</summary>
            <pre>{details}</pre>
          </details>
        )}
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__body">{children}</div>}
      {actions && <div className="empty-state__actions">{actions}</div>}
    </div>
  );
}
