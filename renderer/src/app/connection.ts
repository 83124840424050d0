// What database the backend has open, for the badge and for empty states (which offer demo data
// only where the app may write). Falls back to app.info when connection.current fails, so the
// badge can still say who answers.
import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../shared/api-client';
import type { CurrentConnection } from '../../../shared/contract/connection';
import type { DatabaseKind } from '../../../shared/capabilities';
import { useApiClient } from '../api/client-context';
import { apiQuery } from '../api/queries';

export const CONNECTION_QUERY_KEY = ['api', 'connection.current'] as const;

/** What database is open: every screen shows it (the badge), so main.tsx asks for it before the first render. */
export function connectionQuery(client: ApiClient) {
  return { ...apiQuery(client, 'connection.current', {}), staleTime: 5 * 60_000 };
}

export function useCurrentConnection() {
  return useQuery(connectionQuery(useApiClient()));
}

export function useAppInfo(enabled: boolean) {
  const client = useApiClient();
  return useQuery({ ...apiQuery(client, 'app.info', {}), enabled, staleTime: Infinity });
}

export type KindLabelKey = `connection.kind.${DatabaseKind}`;

export function kindLabelKey(kind: DatabaseKind): KindLabelKey {
  return `connection.kind.${kind}`;
}

/** The open database may receive the demo data (empty, or this app's own and writable). */
export function canLoadDemo(connection: CurrentConnection | undefined): boolean {
  return connection?.open === true && connection.appMayWrite && !connection.readOnly && (connection.kind === 'empty' || connection.kind === 'app');
}
