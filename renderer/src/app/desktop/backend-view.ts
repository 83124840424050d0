// What the window says about the desktop app's data process (the backend in its utility
// process), as a pure reducer over the statuses main sends: nothing while all is well, a calm
// notice while it restarts, a notice with Restart once it has given up, startup warnings once it
// is ready. It also counts recoveries, so the page knows when to refetch what it shows (answers
// cached before a crash may come from another database: a restart reopens the last SQLite file,
// or the default connection).
import type { BackendStatus } from '../../../../shared/desktop-bridge';

export type BackendNotice =
  /** It died and restarts by itself; `attempt` counts restarts within the supervisor's window. */
  | { kind: 'restarting'; attempt: number }
  /** Started again by hand (the Restart button or the Help menu). */
  | { kind: 'starting-again' }
  /** It kept dying: no automatic restart until the user asks. */
  | { kind: 'stopped'; reason: string }
  /** Ready, with startup problems worth knowing (a default connection that failed …). */
  | { kind: 'warnings'; warnings: string[] };

export interface BackendView {
  notice: BackendNotice | null;
  /** The process died since it was last ready. */
  outage: boolean;
  /** Ready-after-an-outage count: each increase means the page should refetch. */
  recoveries: number;
}

export type BackendAction = { type: 'status'; status: BackendStatus } | { type: 'dismiss' };

export const INITIAL_BACKEND_VIEW: BackendView = { notice: null, outage: false, recoveries: 0 };

export function backendViewReducer(view: BackendView, action: BackendAction): BackendView {
  if (action.type === 'dismiss') return view.notice?.kind === 'warnings' ? { ...view, notice: null } : view;
  const { status } = action;
  switch (status.state) {
    case 'restarting':
      return { ...view, notice: { kind: 'restarting', attempt: status.attempt }, outage: true };
    case 'stopped':
      // Generation 0 is the supervisor before its first start, not a failure.
      if (status.generation === 0) return view;
      return { ...view, notice: { kind: 'stopped', reason: status.message }, outage: true };
    case 'starting':
      if (view.notice?.kind === 'stopped') return { ...view, notice: { kind: 'starting-again' } };
      return view;
    case 'ready':
      return {
        notice: status.warnings.length > 0 ? { kind: 'warnings', warnings: status.warnings } : null,
        outage: false,
        recoveries: view.outage ? view.recoveries + 1 : view.recoveries,
      };
  }
}

/** The file's name in a path of either kind (`/home/ana/lab.db`, `C:\data\lab.db`), for notices. */
export function fileNameOf(path: string): string {
  const name = path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return name === '' ? path : name;
}
