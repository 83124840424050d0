// The dialog while an export runs (progress, rate, time left, Cancel) and how it ended: the
// summary with Show in folder (desktop) or the download note (serve mode), a cancel, an error
// with Try again.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { ErrorNotice } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import type { ExportRunState } from './use-export-run';

type Running = Extract<ExportRunState, { phase: 'running' }>;
type Finished = Extract<ExportRunState, { phase: 'done' }>['outcome'];

/** Focus the main action of a view when it appears (the previous view's button is gone). */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

export function ExportProgress({ state, onCancel }: { state: Running; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const cancelRef = useFocusOnMount<HTMLButtonElement>();
  const { stage, progress } = state;
  const total = progress?.total;
  const fraction = stage === 'writing' && progress !== null && total !== undefined && total > 0 ? Math.min(1, progress.done / total) : null;

  let headline: string;
  if (stage === 'choosing') headline = t('export.choosing');
  else if (stage === 'printing') headline = t('export.printing');
  else if (progress === null || total === undefined) headline = t('export.preparing');
  else headline = t('export.progress', { done: format.integer(progress.done), total: format.integer(total) });

  const details: string[] = [];
  if (stage === 'writing' && progress?.rate !== undefined && progress.rate > 0) {
    details.push(t('export.rate', { rate: format.number(progress.rate, progress.rate < 10 ? 1 : 0) }));
    if (progress.etaMs !== undefined && progress.done < (total ?? 0)) {
      details.push(t('export.eta', { time: format.duration(Math.max(1, Math.ceil(progress.etaMs / 1000)) * 1000) }));
    }
  }
  // Choosing a file happens in the native dialog, printing cannot be stopped halfway: Cancel is for the writing.
  const cancellable = stage === 'writing';

  return (
    <>
      <div className="export-dialog__body export-run" aria-live="polite">
        <p className="export-run__headline">{headline}</p>
        <div
          className={`export-progress${fraction === null ? ' is-indeterminate' : ''}`}
          role="progressbar"
          aria-label={t('export.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={fraction === null ? undefined : (total ?? undefined)}
          aria-valuenow={fraction === null ? undefined : progress?.done}
          aria-valuetext={fraction === null ? headline : undefined}
        >
          <div className="export-progress__bar" style={fraction === null ? undefined : { width: `${(fraction * 100).toFixed(1)}%` }} />
        </div>
        <p className="export-run__details">{details.length > 0 ? details.join(' · ') : '\u00a0'}</p>
      </div>
      <footer className="export-dialog__footer">
        {cancellable && <p className="export-dialog__footnote">{t('export.cancelHint')}</p>}
        <button ref={cancelRef} type="button" className="button" disabled={!cancellable} onClick={onCancel}>
          {t('export.cancel')}
        </button>
      </footer>
    </>
  );
}

export function ExportDone({
  outcome,
  onShowInFolder,
  onAgain,
  onClose,
}: {
  outcome: Finished;
  onShowInFolder: ((path: string) => void) | undefined;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const closeRef = useFocusOnMount<HTMLButtonElement>();
  const { result } = outcome;
  // A PDF's size is not known here (the result describes the HTML it was printed from).
  const facts = [
    t('export.doneMessages', { count: result.messages, formatted: format.integer(result.messages) }),
    ...(outcome.kind === 'saved' && outcome.format === 'pdf' ? [] : [format.bytes(result.bytes)]),
    t('export.doneTook', { time: format.duration(result.elapsedMs) }),
  ];

  return (
    <>
      <div className="export-dialog__body export-done" role="status">
        <span className="export-done__icon" aria-hidden="true">
          <Icon name="check" size={20} />
        </span>
        <div className="export-done__text">
          <p className="export-done__title">{t('export.doneTitle', { count: result.transcripts, formatted: format.integer(result.transcripts) })}</p>
          <p className="export-done__facts">{facts.join(' · ')}</p>
          <p className="export-done__file">
            {outcome.kind === 'saved' ? (
              <>
                <span className="export-done__label">{t('export.savedTo')}</span>
                <span className="mono export-done__path" title={outcome.path}>
                  {outcome.path}
                </span>
              </>
            ) : (
              <>
                <span className="mono export-done__path">{outcome.fileName}</span>
                <span className="export-done__note">{t('export.downloaded')}</span>
              </>
            )}
          </p>
        </div>
      </div>
      <footer className="export-dialog__footer">
        <button type="button" className="button button--quiet export-dialog__secondary" onClick={onAgain}>
          {t('export.exportAgain')}
        </button>
        {outcome.kind === 'saved' && onShowInFolder && (
          <button type="button" className="button" onClick={() => onShowInFolder(outcome.path)}>
            <Icon name="folder" size={15} />
            {t('export.showInFolder')}
          </button>
        )}
        <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
          {t('export.close')}
        </button>
      </footer>
    </>
  );
}

export function ExportCancelled({ onBack, onClose }: { onBack: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const backRef = useFocusOnMount<HTMLButtonElement>();
  return (
    <>
      <div className="export-dialog__body export-ended" role="status">
        <p className="export-ended__title">{t('export.cancelledTitle')}</p>
        <p className="muted">{t('export.cancelledBody')}</p>
      </div>
      <footer className="export-dialog__footer">
        <button type="button" className="button" onClick={onClose}>
          {t('export.close')}
        </button>
        <button ref={backRef} type="button" className="button button--primary" onClick={onBack}>
          {t('export.back')}
        </button>
      </footer>
    </>
  );
}

export function ExportFailed({ error, onRetry, onBack, onClose }: { error: AppError; onRetry: () => void; onBack: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const retryRef = useFocusOnMount<HTMLButtonElement>();
  const headline = error.details?.step === 'pdf' ? t('export.pdfFailed') : error.code in CODE_HEADLINES ? undefined : t('export.errorTitle');
  return (
    <>
      <div className="export-dialog__body export-ended">
        <ErrorNotice error={error} {...(headline === undefined ? {} : { headline })} />
      </div>
      <footer className="export-dialog__footer">
        <button type="button" className="button button--quiet export-dialog__secondary" onClick={onBack}>
          {t('export.back')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('export.close')}
        </button>
        <button ref={retryRef} type="button" className="button button--primary" onClick={onRetry}>
          {t('export.retry')}
        </button>
      </footer>
    </>
  );
}

/** Codes whose own headline (ErrorNotice's) says more than "The export did not finish". */
const CODE_HEADLINES: Record<string, true> = {
  target_exists: true,
  permission_denied: true,
  disk_full: true,
  not_a_directory: true,
  unreachable: true,
  connection_lost: true,
  connection_changed: true,
  no_database: true,
  timeout: true,
  auth_failed: true,
};
