// Progress of an export: done/total, transcripts per second and the time left, at most a few times
// a second (each event crosses a transport; fifty thousand of them would cost more than the work).
import type { ProgressUpdate } from '../../../shared/api';

const EVERY_MS = 200;

export interface ProgressMeter {
  tick(done: number): void;
  finish(done: number): void;
}

export function createProgressMeter(total: number, report: ((update: ProgressUpdate) => void) | undefined, now: () => number = () => performance.now()): ProgressMeter {
  const started = now();
  let last = Number.NEGATIVE_INFINITY;
  const send = (done: number): void => {
    if (report === undefined) return;
    const at = now();
    last = at;
    const seconds = (at - started) / 1000;
    const update: ProgressUpdate = { done, total, message: 'transcripts' };
    if (seconds > 0 && done > 0) {
      const rate = done / seconds;
      update.rate = Math.round(rate * 10) / 10;
      update.etaMs = Math.max(0, Math.round(((total - done) / rate) * 1000));
    }
    report(update);
  };
  if (report !== undefined) report({ done: 0, total, message: 'transcripts' });
  return {
    tick(done) {
      if (report !== undefined && now() - last >= EVERY_MS) send(done);
    },
    finish(done) {
      send(done);
    },
  };
}
