// Every API method, called on the two kinds of database synth-lab itself wrote, answers (or
// refuses with a typed error) and leaves the database exactly as it was: the SQLite file's bytes
// (with its -wal) and PostgreSQL's row counts and content checksum.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../../shared/api';
import type { AppErrorValue, ErrorCode } from '../../../shared/errors';
import { SettingsStore } from '../settings/store';
import { copyTemplate, type TestDatabaseKind } from '../test-support/databases';
import { postgresSnapshot, sqliteFilesDigest } from '../test-support/fixtures/snapshot';
import { describePg } from '../test-support/pg-suite';
import { makeTempDir } from '../test-support/tmp';
import { createBackendDispatcher } from './index';
import { DatabaseSession } from './session';

type Params = Record<string, unknown>;
type Found = Record<string, string | undefined>;

interface Step {
  method: MethodName;
  /** Params from what earlier steps found; null when the database has nothing to ask about. */
  params: (found: Found) => Params | null;
  /** Remember ids from the result for later steps. */
  find?: (result: unknown, found: Found) => void;
  /** Typed errors this call may answer with on a foreign database instead of a result. */
  refusals?: ErrorCode[];
}

const first = (result: unknown, key = 'rows'): Record<string, unknown> | undefined =>
  ((result as Record<string, unknown>)[key] as Array<Record<string, unknown>> | undefined)?.[0];
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const rows = (result: unknown): Array<Record<string, unknown>> => ((result as Record<string, unknown>).rows as Array<Record<string, unknown>> | undefined) ?? [];

const temp = makeTempDir('slb-foreign-');
afterAll(() => temp.cleanup());

function steps(url: string): Step[] {
  return [
    { method: 'app.info', params: () => ({}) },
    { method: 'connection.current', params: () => ({}) },
    { method: 'connection.test', params: () => ({ url }) },
    { method: 'connection.switch', params: () => ({ url }) },
    { method: 'connection.saved.list', params: () => ({}) },
    {
      method: 'connection.saved.create',
      params: () => ({ name: 'fixture', url }),
      find: (result, found) => (found.savedId = str((result as Record<string, unknown>).id)),
    },
    { method: 'connection.saved.update', params: (f) => ({ id: f.savedId, name: 'fixture (renamed)' }) },
    { method: 'connection.saved.setDefault', params: (f) => ({ id: f.savedId }) },
    { method: 'connection.saved.delete', params: (f) => ({ id: f.savedId }) },
    { method: 'connection.createSqlite', params: () => ({ path: join(temp.dir, `new-${Date.now()}-${Math.random().toString(16).slice(2)}.db`), save: false }) },
    { method: 'connection.loadDemo', params: () => ({}), refusals: ['foreign_schema'] },
    { method: 'settings.get', params: () => ({}) },
    { method: 'settings.update', params: () => ({ theme: 'dark' }) },
    {
      method: 'experiments.list',
      params: () => ({ includeDeleted: true }),
      find: (result, found) => {
        // The experiment with the most to show: an analysis and documents.
        const score = (row: Record<string, unknown>): number => {
          const counts = row.counts as Record<string, number | null>;
          const analysis = row.analysis as { status?: string } | null;
          return (analysis?.status === 'completed' ? 100 : 0) + (counts.documents ?? 0) + (counts.interviews ?? 0) + (counts.explorations ?? 0);
        };
        const richest = [...rows(result)].sort((a, b) => score(b) - score(a))[0];
        found.experimentId = str(richest?.id);
      },
    },
    { method: 'experiments.list', params: () => ({ search: 'a', sort: 'name' }) },
    { method: 'experiments.get', params: (f) => (f.experimentId ? { id: f.experimentId } : null) },
    {
      method: 'analysis.get',
      params: (f) => (f.experimentId ? { experimentId: f.experimentId } : null),
      find: (result, found) => (found.analysisId = str((result as Record<string, unknown> | null)?.id) ?? found.analysisId),
    },
    {
      method: 'analysis.outcomes',
      params: (f) => (f.analysisId ? { analysisId: f.analysisId, sort: 'success_rate' } : null),
      find: (result, found) => (found.synthId = str(first(result)?.synthId) ?? found.synthId),
    },
    { method: 'analysis.charts', params: (f) => (f.analysisId ? { analysisId: f.analysisId, observable: 'digital_literacy' } : null) },
    {
      method: 'analysis.cacheKeys',
      params: (f) => (f.analysisId ? { analysisId: f.analysisId } : null),
      find: (result, found) => (found.cacheKey = str(first(result, 'entries')?.key)),
    },
    { method: 'analysis.cacheEntry', params: (f) => (f.analysisId && f.cacheKey ? { analysisId: f.analysisId, key: f.cacheKey } : null) },
    { method: 'analysis.insights', params: (f) => (f.analysisId ? { analysisId: f.analysisId } : null) },
    { method: 'synths.groups', params: () => ({}) },
    {
      method: 'synths.list',
      params: () => ({}),
      find: (result, found) => (found.synthId = str(first(result)?.id) ?? found.synthId),
    },
    { method: 'synths.list', params: () => ({ search: 'a', gender: 'feminino' }) },
    { method: 'synths.facets', params: () => ({}) },
    { method: 'synths.get', params: (f) => (f.synthId ? { id: f.synthId } : null) },
    { method: 'synths.outcomes', params: (f) => (f.synthId ? { id: f.synthId } : null) },
    { method: 'synths.transcripts', params: (f) => (f.synthId ? { id: f.synthId } : null) },
    {
      method: 'research.executions',
      params: () => ({}),
      find: (result, found) => (found.execId = str(rows(result).find((row) => Number(row.transcriptCount) > 0)?.execId)),
    },
    { method: 'research.executions', params: () => ({ search: 'a' }) },
    { method: 'research.execution', params: (f) => (f.execId ? { execId: f.execId } : null) },
    {
      method: 'research.transcripts',
      params: (f) => (f.execId ? { execId: f.execId } : null),
      find: (result, found) => (found.transcriptSynthId = str((first(result)?.key as Record<string, unknown> | undefined)?.synthId)),
    },
    { method: 'research.transcript', params: (f) => (f.execId && f.transcriptSynthId ? { execId: f.execId, synthId: f.transcriptSynthId } : null) },
    {
      method: 'documents.list',
      params: (f) => (f.experimentId ? { experimentId: f.experimentId } : null),
      find: (result, found) => (found.documentId = str(first(result)?.id)),
    },
    { method: 'documents.get', params: (f) => (f.documentId ? { id: f.documentId } : null) },
    { method: 'search.status', params: () => ({}) },
    { method: 'search.query', params: () => ({ text: 'preço' }) },
    { method: 'search.reindex', params: () => ({}), refusals: ['foreign_schema', 'read_only'] },
    {
      method: 'explorations.list',
      params: () => ({}),
      find: (result, found) => (found.explorationId = str(first(result)?.id)),
    },
    { method: 'explorations.list', params: () => ({ search: 'a' }) },
    { method: 'explorations.get', params: (f) => (f.explorationId ? { id: f.explorationId } : null) },
    {
      method: 'explorations.tree',
      params: (f) => (f.explorationId ? { id: f.explorationId } : null),
      find: (result, found) => (found.nodeId = str(((result as Record<string, unknown>).nodes as Record<string, unknown[]> | undefined)?.id?.[0])),
    },
    { method: 'explorations.node', params: (f) => (f.nodeId ? { id: f.nodeId } : null) },
    { method: 'insights.tables', params: () => ({}) },
    ...(['ChartInsights', 'SensitivityResults', 'RegionAnalyses', 'SimulationRuns', 'FeatureScorecards'] as const).flatMap((kind): Step[] => {
      const single = { ChartInsights: 'ChartInsight', SensitivityResults: 'SensitivityResult', RegionAnalyses: 'RegionAnalysis', SimulationRuns: 'SimulationRun', FeatureScorecards: 'FeatureScorecard' }[kind];
      return [
        { method: `insights.list${kind}` as MethodName, params: () => ({}), find: (result, found) => (found[kind] = str(first(result)?.id)) },
        { method: `insights.get${single}` as MethodName, params: (f) => ({ id: f[kind] ?? 'no_such_id' }), refusals: ['not_found'] },
      ];
    }),
    {
      method: 'tables.list',
      params: () => ({}),
    },
    { method: 'tables.rows', params: () => ({ table: 'transcripts' }), find: (result, found) => (found.rowKey = JSON.stringify(first(result)?.key)) },
    { method: 'tables.rows', params: () => ({ table: 'experiments', sort: { column: 'name', direction: 'desc' } }) },
    { method: 'tables.cell', params: (f) => (f.rowKey && f.rowKey !== 'undefined' ? { table: 'transcripts', key: JSON.parse(f.rowKey) as unknown, column: 'messages' } : null) },
    { method: 'tables.count', params: () => ({ table: 'synths' }) },
    { method: 'export.count', params: (f) => (f.experimentId ? { scope: { kind: 'experiment', experimentId: f.experimentId } } : null) },
    {
      method: 'export.transcripts',
      params: (f) =>
        f.execId ? { scope: { kind: 'execution', execId: f.execId }, format: 'csv', target: { kind: 'file', path: join(temp.dir, `export-${Date.now()}-${Math.random().toString(16).slice(2)}.csv`) } } : null,
    },
  ];
}

async function callEverything(url: string): Promise<{ called: Set<string>; skipped: string[]; failures: string[] }> {
  const session = new DatabaseSession();
  const settings = SettingsStore.inMemory();
  const dispatcher = createBackendDispatcher({ session, settings });
  const found: Found = {};
  const called = new Set<string>();
  const skipped: string[] = [];
  const failures: string[] = [];
  await session.switchTo(url);
  try {
    let n = 0;
    for (const step of steps(url)) {
      const params = step.params(found);
      if (params === null) {
        skipped.push(step.method);
        continue;
      }
      n += 1;
      const response = await dispatcher.dispatch({ id: `c${n}`, method: step.method, params });
      called.add(step.method);
      if (response.ok) {
        step.find?.(response.result, found);
        expect(JSON.stringify(response.result)).toBeDefined(); // plain, serialisable data
      } else if (!step.refusals?.includes(response.error.code)) {
        failures.push(`${step.method}: ${describeError(response.error)}`);
      }
    }
  } finally {
    await session.close();
  }
  return { called, skipped, failures };
}

function describeError(error: AppErrorValue): string {
  return `${error.code}: ${error.message}`;
}

function expectEveryMethodCalled(called: Set<string>, skipped: string[]): void {
  // A method the fixtures give nothing to ask about is a gap in the fixtures, not a pass.
  expect(skipped).toEqual([]);
  expect(Object.keys(api).filter((method) => !called.has(method))).toEqual([]);
}

function suite(kind: TestDatabaseKind, snapshot: (url: string) => Promise<unknown>): void {
  it('every method answers, and the database is unchanged', async () => {
    const { url, remove } = await copyTemplate(kind);
    try {
      const before = await snapshot(url);
      const { called, skipped, failures } = await callEverything(url);
      expect(failures).toEqual([]);
      expectEveryMethodCalled(called, skipped);
      expect(await snapshot(url)).toEqual(before);
    } finally {
      await remove();
    }
  });
}

describe('synth-lab SQLite v15 file', () => suite('synthlab-sqlite', async (url) => sqliteFilesDigest(url)));
describePg('synth-lab PostgreSQL database', () => suite('synthlab-postgres', (url) => postgresSnapshot(url)));
