// Every row of a keyset-paged API method, read through the served app's HTTP API page by page.
import type { AppDriver } from './fixtures';
import type { ServedApp } from './serve';

interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
}

export async function allPages<Row>(app: AppDriver, server: ServedApp, method: string, params: Record<string, unknown>): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const page: KeysetPage<Row> = await app.api<KeysetPage<Row>>(server, method, { ...params, ...(cursor ? { cursor } : {}) });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}
