// analysis_cache: chart data per key (0.3–1 MB per analysis), `insight_<chart>` rows and the
// `executive_summary` row. Listing keys never loads the values: their size comes from the row
// header (SQLite octet_length) or the stored datum (PostgreSQL pg_column_size).
import { hasColumn } from '../../../../shared/capabilities';
import type { AnalysisInsights, CacheEntry, CacheEntryKind, CacheKeyList, ExecutiveSummary, Insight } from '../../../../shared/contract/analysis';
import { AppError } from '../../../../shared/errors';
import { isRecord, readJsonCell, stringAt } from '../json-cells';
import type { ActiveDatabase } from '../session';
import { columnOrNull, toNumber, toText } from '../query-support';
import { assertAnalysisExists } from './run';

const INSIGHT_PREFIX = 'insight_';
const EXECUTIVE_SUMMARY_KEY = 'executive_summary';
/** A real analysis has a few dozen keys; the bound only guards against odd databases. */
const MAX_KEYS = 1000;
/** Insight rows are small JSON objects; the bound guards against odd databases. */
const MAX_INSIGHTS = 200;

export function cacheEntryKind(key: string): CacheEntryKind {
  if (key === EXECUTIVE_SUMMARY_KEY) return 'executive_summary';
  return key.startsWith(INSIGHT_PREFIX) ? 'insight' : 'chart';
}

function hasCache(db: ActiveDatabase): boolean {
  return hasColumn(db.capabilities, 'analysis_cache', 'analysis_id') && hasColumn(db.capabilities, 'analysis_cache', 'cache_key');
}

export async function listCacheKeys(db: ActiveDatabase, analysisId: string): Promise<CacheKeyList> {
  await assertAnalysisExists(db, analysisId);
  const { capabilities } = db;
  const sizeMeasure = capabilities.engine === 'sqlite' ? 'text' : 'stored';
  if (!hasCache(db)) return { analysisId, sizeMeasure, entries: [], truncated: false };
  const knex = db.handle.knex;
  const hasData = hasColumn(capabilities, 'analysis_cache', 'data');
  const size = !hasData ? 'NULL' : capabilities.engine === 'sqlite' ? 'octet_length(c.data)' : 'pg_column_size(c.data)';
  const params = hasColumn(capabilities, 'analysis_cache', 'params') ? '(c.params IS NOT NULL)' : '(1 = 0)';
  const rows = (await knex
    .select(
      knex.raw(
        `c.cache_key AS cache_key, ${size} AS size_bytes, ${columnOrNull(capabilities, 'analysis_cache', 'c', 'computed_at')} AS computed_at, CASE WHEN ${params} THEN 1 ELSE 0 END AS has_params`,
      ),
    )
    .from('analysis_cache as c')
    .where('c.analysis_id', analysisId)
    .orderBy('c.cache_key')
    .limit(MAX_KEYS + 1)) as Array<{ cache_key: unknown; size_bytes: unknown; computed_at: unknown; has_params: unknown }>;
  return {
    analysisId,
    sizeMeasure,
    entries: rows.slice(0, MAX_KEYS).map((row) => {
      const key = toText(row.cache_key) ?? '';
      return { key, kind: cacheEntryKind(key), sizeBytes: toNumber(row.size_bytes), computedAt: toText(row.computed_at), hasParams: toNumber(row.has_params) === 1 };
    }),
    truncated: rows.length > MAX_KEYS,
  };
}

export async function readCacheEntry(db: ActiveDatabase, analysisId: string, key: string): Promise<CacheEntry> {
  await assertAnalysisExists(db, analysisId);
  const notFound = new AppError('not_found', `The analysis ${analysisId} has no cached "${key}".`, { analysisId, key });
  if (!hasCache(db)) throw notFound;
  const { capabilities } = db;
  const knex = db.handle.knex;
  const row = (await knex
    .select(
      knex.raw(
        ['data', 'params', 'computed_at'].map((column) => `${columnOrNull(capabilities, 'analysis_cache', 'c', column)} AS ${column}`).join(', '),
      ),
    )
    .from('analysis_cache as c')
    .where({ 'c.analysis_id': analysisId, 'c.cache_key': key })
    .first()) as { data: unknown; params: unknown; computed_at: unknown } | undefined;
  if (row === undefined) throw notFound;
  return {
    analysisId,
    key,
    kind: cacheEntryKind(key),
    computedAt: toText(row.computed_at),
    data: readJsonCell(row.data),
    params: row.params === null || row.params === undefined ? null : readJsonCell(row.params),
  };
}

export async function readInsights(db: ActiveDatabase, analysisId: string): Promise<AnalysisInsights> {
  await assertAnalysisExists(db, analysisId);
  if (!hasCache(db) || !hasColumn(db.capabilities, 'analysis_cache', 'data')) return { analysisId, insights: [], executiveSummary: null };
  const { capabilities } = db;
  const knex = db.handle.knex;
  // Only the insight and summary rows: the chart rows (up to 1 MB each) are never read here.
  const rows = (await knex
    .select(knex.raw(`c.cache_key AS cache_key, c.data AS data, ${columnOrNull(capabilities, 'analysis_cache', 'c', 'computed_at')} AS computed_at`))
    .from('analysis_cache as c')
    .where('c.analysis_id', analysisId)
    .where((keys) => keys.where('c.cache_key', EXECUTIVE_SUMMARY_KEY).orWhereRaw(`c.cache_key LIKE ? ESCAPE '\\'`, ['insight\\_%']))
    .orderBy('c.cache_key')
    .limit(MAX_INSIGHTS + 1)) as Array<{ cache_key: unknown; data: unknown; computed_at: unknown }>;

  const insights: Insight[] = [];
  let executiveSummary: ExecutiveSummary | null = null;
  for (const row of rows) {
    const key = toText(row.cache_key) ?? '';
    const data = readJsonCell(row.data);
    const value = data.ok && isRecord(data.value) ? data.value : {};
    const computedAt = toText(row.computed_at);
    if (key === EXECUTIVE_SUMMARY_KEY) {
      executiveSummary = toExecutiveSummary(value, data, computedAt);
    } else if (key.startsWith(INSIGHT_PREFIX) && insights.length < MAX_INSIGHTS) {
      insights.push({
        key,
        chartType: stringAt(value, ['chart_type']) ?? key.slice(INSIGHT_PREFIX.length),
        summary: stringAt(value, ['summary']),
        status: stringAt(value, ['status']),
        model: stringAt(value, ['model']),
        computedAt,
        data,
      });
    }
  }
  return { analysisId, insights, executiveSummary };
}

/** Keys of the summary object that are bookkeeping, not text for a reader. */
const SUMMARY_META_KEYS = new Set(['analysis_id', 'status', 'model', 'markdown', 'recommendations', 'included_chart_types', 'generation_timestamp', 'generated_at']);

/** synth-lab's sections in reading order; other text keys follow (jsonb does not keep key order). */
const SUMMARY_SECTION_ORDER = ['overview', 'explainability', 'segmentation', 'edge_cases'];

function sectionRank(key: string): number {
  const rank = SUMMARY_SECTION_ORDER.indexOf(key);
  return rank === -1 ? SUMMARY_SECTION_ORDER.length : rank;
}

function toExecutiveSummary(value: Record<string, unknown>, data: ExecutiveSummary['data'], computedAt: string | null): ExecutiveSummary {
  const sections = Object.entries(value)
    .flatMap(([key, text]) => (!SUMMARY_META_KEYS.has(key) && typeof text === 'string' && text.trim() !== '' ? [{ key, text }] : []))
    .sort((a, b) => sectionRank(a.key) - sectionRank(b.key));
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  return {
    computedAt,
    status: stringAt(value, ['status']),
    model: stringAt(value, ['model']),
    markdown: stringAt(value, ['markdown']) ?? (data.ok && typeof data.value === 'string' ? data.value : null),
    sections,
    recommendations: strings(value.recommendations),
    includedChartTypes: strings(value.included_chart_types),
    data,
  };
}
