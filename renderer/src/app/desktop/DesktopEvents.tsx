// The page's side of the desktop app's bridge (shared/desktop-bridge.ts): menu commands, files
// dropped on the window or opened with the app, and the data process's status. Renders a thin
// notice bar under the top bar; never covers or replaces the screen, so the window is never blank
// while the data process restarts. In serve mode there is no bridge and this renders nothing.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useEffectEvent, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desktopBridgeOf, type DesktopBridge, type DesktopCommand } from '../../../../shared/desktop-bridge';
import { AppError, isAppError } from '../../../../shared/errors';
import { useApiClient } from '../../api/client-context';
import { Icon } from '../../ui/Icon';
import { backendViewReducer, fileNameOf, INITIAL_BACKEND_VIEW, type BackendNotice } from './backend-view';
import './desktop-notices.css';

/**
 * Dispatched on `window` when the desktop menu's File → Export Transcripts… is chosen. The export
 * UI listens for it (renderer/README.md); nothing else needs to know where the command came from.
 */
export const EXPORT_TRANSCRIPTS_EVENT = 'synthlab:export-transcripts';

/** What a command started: opening or creating a SQLite file, and how that ended. */
type TaskNotice =
  | { kind: 'busy'; text: string }
  | { kind: 'failed'; headline: string; error: AppError }
  | { kind: 'done'; text: string };

const DONE_NOTICE_MS = 8_000;

export function DesktopEvents() {
  const bridge = useMemo(() => (typeof window === 'undefined' ? undefined : desktopBridgeOf(window)), []);
  return bridge === undefined ? null : <DesktopNotices bridge={bridge} />;
}

function DesktopNotices({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [view, dispatch] = useReducer(backendViewReducer, INITIAL_BACKEND_VIEW, (initial) =>
    backendViewReducer(initial, { type: 'status', status: bridge.backendStatus() }),
  );
  const [task, setTask] = useState<TaskNotice | null>(null);
  const [restartError, setRestartError] = useState<string | null>(null);

  useEffect(() => bridge.onBackendStatus((status) => dispatch({ type: 'status', status })), [bridge]);

  // Back after a crash: what the screens hold may be stale or from the database a restart
  // reopened; refetch it all (as after a switch of connection).
  useEffect(() => {
    if (view.recoveries > 0) void queryClient.resetQueries();
  }, [view.recoveries, queryClient]);

  useEffect(() => {
    if (task?.kind !== 'done') return;
    const timer = window.setTimeout(() => setTask((current) => (current === task ? null : current)), DONE_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [task]);

  /** After the open database changed: land on Experiments, then forget every cached answer. */
  const showNewDatabase = async (): Promise<void> => {
    await navigate({ to: '/experiments' });
    await queryClient.resetQueries();
  };

  // An effect event: the subscription below stays put, and each command sees the latest render.
  const run = useEffectEvent(async (command: DesktopCommand): Promise<void> => {
    switch (command.type) {
      case 'open-sqlite': {
        const name = fileNameOf(command.path);
        setTask({ kind: 'busy', text: t('desktop.opening', { name }) });
        try {
          await client.call('connection.switch', { fields: { engine: 'sqlite', path: command.path } });
        } catch (error) {
          setTask({ kind: 'failed', headline: t('desktop.openFailed', { name }), error: asAppError(error) });
          return;
        }
        setTask(null);
        await showNewDatabase();
        return;
      }
      case 'create-sqlite': {
        const name = fileNameOf(command.path);
        setTask({ kind: 'busy', text: t('desktop.creating', { name }) });
        let createdPath: string;
        try {
          createdPath = (await client.call('connection.createSqlite', { path: command.path, save: true, switch: true })).path;
        } catch (error) {
          setTask({ kind: 'failed', headline: t('desktop.createFailed', { name }), error: asAppError(error) });
          return;
        }
        setTask({ kind: 'done', text: t('connections.notices.createdAndOpened', { path: createdPath }) });
        await showNewDatabase();
        return;
      }
      case 'connect-postgres':
        await navigate({ to: '/settings', search: { add: 'postgres' } });
        return;
      case 'open-settings':
        await navigate({ to: '/settings', search: {} });
        return;
      case 'export-transcripts':
        window.dispatchEvent(new CustomEvent(EXPORT_TRANSCRIPTS_EVENT));
        return;
    }
  });
  useEffect(() => bridge.onCommand((command) => void run(command)), [bridge]);

  const restart = (): void => {
    setRestartError(null);
    bridge.restartBackend().catch((error: unknown) => setRestartError(asAppError(error).message));
  };

  return (
    <div className="desktop-notices" data-testid="desktop-notices">
      {view.notice && <BackendNoticeBar notice={view.notice} restartError={restartError} onRestart={restart} onDismiss={() => dispatch({ type: 'dismiss' })} />}
      {task && <TaskNoticeBar task={task} onDismiss={() => setTask(null)} />}
    </div>
  );
}

function BackendNoticeBar({
  notice,
  restartError,
  onRestart,
  onDismiss,
}: {
  notice: BackendNotice;
  restartError: string | null;
  onRestart: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'restarting':
      return (
        <div className="desktop-notice desktop-notice--info" role="status">
          <span className="spinner" aria-hidden="true" />
          <p className="desktop-notice__text">
            {t('desktop.restarting', { attempt: notice.attempt })} <span className="desktop-notice__hint">{t('desktop.restartingHint')}</span>
          </p>
        </div>
      );
    case 'starting-again':
      return (
        <div className="desktop-notice desktop-notice--info" role="status">
          <span className="spinner" aria-hidden="true" />
          <p className="desktop-notice__text">{t('desktop.startingAgain')}</p>
        </div>
      );
    case 'stopped':
      return (
        <div className="desktop-notice desktop-notice--danger" role="alert">
          <Icon name="alert" size={16} className="desktop-notice__icon" />
          <div className="desktop-notice__text">
            <p>{t('desktop.stopped')}</p>
            <p className="desktop-notice__hint">{restartError === null ? notice.reason : t('desktop.restartFailed', { message: restartError })}</p>
          </div>
          <button type="button" className="button button--primary" onClick={onRestart}>
            {t('desktop.restart')}
          </button>
        </div>
      );
    case 'warnings':
      return (
        <div className="desktop-notice desktop-notice--warning" role="status">
          <Icon name="alert" size={16} className="desktop-notice__icon" />
          <div className="desktop-notice__text">
            <p>{t('desktop.warnings', { count: notice.warnings.length })}</p>
            {notice.warnings.map((warning) => (
              <p key={warning} className="desktop-notice__hint">
                {warning}
              </p>
            ))}
          </div>
          <DismissButton onDismiss={onDismiss} />
        </div>
      );
  }
}

function TaskNoticeBar({ task, onDismiss }: { task: TaskNotice; onDismiss: () => void }) {
  switch (task.kind) {
    case 'busy':
      return (
        <div className="desktop-notice desktop-notice--info" role="status">
          <span className="spinner" aria-hidden="true" />
          <p className="desktop-notice__text">{task.text}</p>
        </div>
      );
    case 'done':
      return (
        <div className="desktop-notice desktop-notice--success" role="status">
          <p className="desktop-notice__text">{task.text}</p>
          <DismissButton onDismiss={onDismiss} />
        </div>
      );
    case 'failed':
      return (
        <div className="desktop-notice desktop-notice--danger" role="alert">
          <Icon name="alert" size={16} className="desktop-notice__icon" />
          <div className="desktop-notice__text">
            <p>{task.headline}</p>
            <p className="desktop-notice__hint">{task.error.message}</p>
          </div>
          <DismissButton onDismiss={onDismiss} />
        </div>
      );
  }
}

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet desktop-notice__dismiss" aria-label={t('desktop.dismiss')} title={t('desktop.dismiss')} onClick={onDismiss}>
      <Icon name="close" size={14} />
    </button>
  );
}

function asAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('internal', error instanceof Error ? error.message : String(error));
}
