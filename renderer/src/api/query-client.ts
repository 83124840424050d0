// The one QueryClient of the window. Every query function goes through the typed ApiClient, which
// rejects only with AppError, so components read `error.code` and `error.message` directly.
import { QueryClient } from '@tanstack/react-query';
import type { AppError, ErrorCode } from '../../../shared/errors';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
  }
}

// Retrying these cannot help: the same request would fail the same way.
const FINAL_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'bad_request',
  'unknown_method',
  'not_found',
  'cancelled',
  'auth_failed',
  'read_only',
  'foreign_schema',
  'no_database',
  'constraint_violation',
  'connection_changed',
]);

export function shouldRetry(failureCount: number, error: AppError): boolean {
  return failureCount < 1 && !FINAL_ERRORS.has(error.code);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Browsing data that rarely changes under us: keep pages warm while the researcher moves around.
        staleTime: 60_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Resolves once no query is fetching, or after `limitMs`, whichever comes first: the first render
 * waits this long for what the boot and the first screen's loaders asked for.
 */
export function untilQueriesSettle(queryClient: QueryClient, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() === 0) done();
    });
    if (queryClient.isFetching() === 0) done();
  });
}
