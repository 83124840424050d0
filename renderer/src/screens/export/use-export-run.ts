// The dialog's run of an export as a small state machine: idle (the form) → running (choosing a
// file, writing with progress, printing a PDF) → done, cancelled or failed. Cancel aborts the call;
// closing the dialog while a run is going aborts it too.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../../shared/api';
import type { ExportCount } from '../../../../shared/contract/export';
import { AppError, isAppError } from '../../../../shared/errors';
import { runExport, type ExportEnvironment, type ExportOutcome, type ExportRequest, type ExportStage } from './run-export';

export type ExportRunState =
  | { phase: 'idle' }
  | { phase: 'running'; stage: ExportStage; progress: ProgressEvent | null; startedAt: number }
  | { phase: 'done'; outcome: Exclude<ExportOutcome, { kind: 'dismissed' }> }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: AppError };

export interface ExportRun {
  state: ExportRunState;
  start(request: ExportRequest, count: ExportCount | undefined): void;
  cancel(): void;
  /** Back to the form (after a cancel, a failure or a finished export). */
  reset(): void;
}

export function useExportRun(environment: ExportEnvironment): ExportRun {
  const [state, setState] = useState<ExportRunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const environmentRef = useRef(environment);
  environmentRef.current = environment;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback((request: ExportRequest, count: ExportCount | undefined) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    const current = (): boolean => controller.current === own;
    setState({ phase: 'running', stage: 'writing', progress: null, startedAt: Date.now() });
    runExport(environmentRef.current, request, count, {
      signal: own.signal,
      onStage: (stage) => {
        if (current()) setState((previous) => (previous.phase === 'running' ? { ...previous, stage } : previous));
      },
      onProgress: (progress) => {
        if (current()) setState((previous) => (previous.phase === 'running' ? { ...previous, progress } : previous));
      },
    }).then(
      (outcome) => {
        if (!current()) return;
        controller.current = null;
        setState(outcome.kind === 'dismissed' ? { phase: 'idle' } : { phase: 'done', outcome });
      },
      (error: unknown) => {
        if (!current()) return;
        controller.current = null;
        const appError = isAppError(error) ? error : new AppError('internal', error instanceof Error ? error.message : String(error));
        setState(appError.code === 'cancelled' || own.signal.aborted ? { phase: 'cancelled' } : { phase: 'failed', error: appError });
      },
    );
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
