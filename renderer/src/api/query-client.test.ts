import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, untilQueriesSettle } from './query-client';

/** A promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('untilQueriesSettle', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves at once when nothing is fetching', async () => {
    const client = createQueryClient();
    expect(await settled(untilQueriesSettle(client, 60_000))).toBe(true);
  });

  it('waits for every query in flight, then resolves', async () => {
    const client = createQueryClient();
    const first = deferred<string>();
    const second = deferred<string>();
    void client.prefetchQuery({ queryKey: ['first'], queryFn: () => first.promise });
    void client.prefetchQuery({ queryKey: ['second'], queryFn: () => second.promise });
    const waiting = untilQueriesSettle(client, 60_000);
    first.resolve('one');
    expect(await settled(waiting)).toBe(false);
    second.resolve('two');
    expect(await settled(waiting)).toBe(true);
    expect(client.getQueryData(['second'])).toBe('two');
  });

  it('gives up waiting after the limit, leaving the query to finish on its own', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();
    const slow = deferred<string>();
    void client.prefetchQuery({ queryKey: ['slow'], queryFn: () => slow.promise });
    let done = false;
    void untilQueriesSettle(client, 200).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(199);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(client.isFetching()).toBe(1);
    slow.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(client.getQueryData(['slow'])).toBe('late');
  });
});
