// The export dialog: what is exported (export.count), the format and its options, then the run
// with its progress, and how it ended. A native modal <dialog>: the page behind is inert (focus
// stays inside), Esc closes it, except while an export runs (Cancel stops it first).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope } from '../../../../shared/contract/export';
import { desktopBridgeOf } from '../../../../shared/desktop-bridge';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { Icon } from '../../ui/Icon';
import { ExportForm, type ExportChoices } from './ExportForm';
import { ExportCancelled, ExportDone, ExportFailed, ExportProgress } from './ExportOutcome';
import { DEFAULT_FORMAT, isFormatAvailable } from './formats';
import { clickDownloadLink, type ExportEnvironment } from './run-export';
import { useExportRun } from './use-export-run';
import './export.css';

export function ExportDialog({ scopes, onClose }: { scopes: ExportScope[]; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bridge = desktopBridgeOf(window);
  const desktop = bridge !== undefined;
  const environment: ExportEnvironment = { client, bridge, startDownload: clickDownloadLink };
  const run = useExportRun(environment);

  const [scopeIndex, setScopeIndex] = useState(0);
  const scope = scopes[scopeIndex] ?? scopes[0];
  const [choices, setChoices] = useState<ExportChoices>({ format: DEFAULT_FORMAT, includeInternalNotes: false, csvBom: false });
  const count = useQuery({ ...apiQuery(client, 'export.count', { scope: scope as ExportScope }), enabled: scope !== undefined, retry: false });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The first choice rather than the close button, which showModal would focus.
    dialog?.querySelector<HTMLInputElement>('input[type="radio"]:checked:not(:disabled)')?.focus();
  }, []);

  const running = run.state.phase === 'running';
  const close = (): void => {
    if (!running) onClose();
  };

  const start = (): void => {
    if (scope === undefined || !isFormatAvailable(choices.format, desktop)) return;
    run.start({ scope, ...choices }, count.data);
  };

  let body;
  switch (run.state.phase) {
    case 'idle':
      body = (
        <ExportForm
          scopes={scopes}
          scopeIndex={scopeIndex}
          onScopeIndex={setScopeIndex}
          count={count}
          choices={choices}
          onChoices={setChoices}
          desktop={desktop}
          onSubmit={start}
          onClose={close}
        />
      );
      break;
    case 'running':
      body = <ExportProgress state={run.state} onCancel={run.cancel} />;
      break;
    case 'done':
      body = (
        <ExportDone
          outcome={run.state.outcome}
          onShowInFolder={bridge === undefined ? undefined : (path) => bridge.showInFolder(path)}
          onAgain={run.reset}
          onClose={close}
        />
      );
      break;
    case 'cancelled':
      body = <ExportCancelled onBack={run.reset} onClose={close} />;
      break;
    case 'failed':
      body = <ExportFailed error={run.state.error} onRetry={start} onBack={run.reset} onClose={close} />;
      break;
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog-surface export-dialog"
      aria-labelledby={titleId}
      aria-busy={running || undefined}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) close();
      }}
    >
      <header className="export-dialog__header">
        <h2 id={titleId} className="export-dialog__title">
          {t('export.title')}
        </h2>
        {!running && (
          <button type="button" className="button button--quiet export-dialog__close" aria-label={t('export.close')} title={t('export.close')} onClick={close}>
            <Icon name="close" size={16} />
          </button>
        )}
      </header>
      {body}
    </dialog>
  );
}
