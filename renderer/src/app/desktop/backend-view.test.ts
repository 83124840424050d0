import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../../shared/desktop-bridge';
import { backendViewReducer, fileNameOf, INITIAL_BACKEND_VIEW, type BackendView } from './backend-view';

const starting = (generation: number): BackendStatus => ({ state: 'starting', generation });
const ready = (generation: number, warnings: string[] = []): BackendStatus => ({ state: 'ready', generation, warnings });
const restarting = (generation: number, attempt: number): BackendStatus => ({
  state: 'restarting',
  generation,
  exitCode: 1,
  attempt,
  delayMs: 250 * 2 ** (attempt - 1),
  message: 'The app’s data process stopped: it stopped unexpectedly (exit code 1). Restarting it…',
});
const stopped = (generation: number): BackendStatus => ({
  state: 'stopped',
  generation,
  exitCode: 1,
  message: 'The app’s data process stopped: it stopped unexpectedly (exit code 1). It stopped 6 times within 60 s, so it is not restarted automatically.',
});

function run(statuses: BackendStatus[], from: BackendView = INITIAL_BACKEND_VIEW): BackendView[] {
  const views: BackendView[] = [];
  let view = from;
  for (const status of statuses) {
    view = backendViewReducer(view, { type: 'status', status });
    views.push(view);
  }
  return views;
}

describe('the data process notice', () => {
  it('says nothing while the process starts and answers', () => {
    const views = run([starting(0), starting(1), ready(1)]);
    expect(views.map((view) => view.notice)).toEqual([null, null, null]);
    expect(views.at(-1)?.recoveries).toBe(0);
  });

  it('shows the restart with its attempt, keeps it while the new process starts, and clears it once ready', () => {
    const views = run([starting(1), ready(1), restarting(1, 1), starting(2), restarting(2, 2), starting(3), ready(3)]);
    expect(views.map((view) => view.notice)).toEqual([
      null,
      null,
      { kind: 'restarting', attempt: 1 },
      { kind: 'restarting', attempt: 1 },
      { kind: 'restarting', attempt: 2 },
      { kind: 'restarting', attempt: 2 },
      null,
    ]);
    // One recovery: the page refetches once, when the process answers again.
    expect(views.map((view) => view.recoveries)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('offers a manual restart once the process stopped, and follows it through', () => {
    const views = run([ready(5), stopped(6), starting(7), ready(7)]);
    expect(views[1]?.notice).toEqual({ kind: 'stopped', reason: (stopped(6) as { message: string }).message });
    expect(views[2]?.notice).toEqual({ kind: 'starting-again' });
    expect(views[3]?.notice).toBeNull();
    expect(views[3]?.recoveries).toBe(1);
  });

  it('ignores the supervisor’s “not started yet” placeholder', () => {
    expect(run([{ state: 'stopped', generation: 0, exitCode: null, message: 'Not started yet.' }])[0]).toEqual(INITIAL_BACKEND_VIEW);
  });

  it('shows startup warnings until dismissed; dismissing never hides a failure', () => {
    const [withWarnings] = run([ready(1, ['The default connection lab-pg could not be opened: the server did not answer.'])]);
    expect(withWarnings?.notice).toEqual({ kind: 'warnings', warnings: ['The default connection lab-pg could not be opened: the server did not answer.'] });
    expect(backendViewReducer(withWarnings as BackendView, { type: 'dismiss' }).notice).toBeNull();

    const [down] = run([stopped(2)]);
    expect(backendViewReducer(down as BackendView, { type: 'dismiss' })).toBe(down);
  });
});

describe('fileNameOf', () => {
  it('names the file of either kind of path', () => {
    expect(fileNameOf('/home/ana/synth-lab/output/synthlab.db')).toBe('synthlab.db');
    expect(fileNameOf('C:\\Users\\ana\\lab.sqlite')).toBe('lab.sqlite');
    expect(fileNameOf('lab.db')).toBe('lab.db');
    expect(fileNameOf('/')).toBe('/');
  });
});
