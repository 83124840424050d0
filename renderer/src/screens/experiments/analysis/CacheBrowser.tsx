// The analysis_cache rows of an analysis: keys with kind, size and time, listed without their
// values (up to ~1 MB each); choosing a key loads that one value into a JSON viewer. The chosen key
// is in the address.
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CacheKeyInfo } from '../../../../../shared/contract/analysis';
import { useApiClient } from '../../../api/client-context';
import { apiQuery } from '../../../api/queries';
import { ErrorNotice, Skeleton } from '../../../ui/feedback';
import { useFormatters, type Formatters } from '../../../ui/format';
import { JsonCellViewer } from '../../../ui/JsonViewer';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { Timestamp } from '../../../ui/Timestamp';
import { experimentDetailRoute } from '../routes';
import '../../../ui/plain-table.css';

export function CacheBrowser({ analysisId }: { analysisId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const navigate = useNavigate({ from: experimentDetailRoute.fullPath });
  const { cache: selected } = experimentDetailRoute.useSearch();
  const keys = useQuery(apiQuery(client, 'analysis.cacheKeys', { analysisId }));
  const choose = (key: string | undefined): void => void navigate({ search: (prev) => ({ ...prev, cache: key }), replace: true, resetScroll: false });

  return (
    <section className="analysis-cache" aria-labelledby="analysis-cache-title">
      <h2 className="section-title" id="analysis-cache-title">
        {t('analysis.cache.title')}
      </h2>
      <p className="muted analysis-cache__intro">{t('analysis.cache.explained')}</p>
      {keys.isPending && <Skeleton lines={4} />}
      {keys.isError && <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />}
      {keys.data && keys.data.entries.length === 0 && <p className="muted">{t('analysis.cache.none')}</p>}
      {keys.data && keys.data.entries.length > 0 && (
        <div className="analysis-cache__layout">
          <div className="analysis-cache__keys">
            <table className="plain-table cache-table">
              <thead>
                <tr>
                  <th scope="col">{t('analysis.cache.key')}</th>
                  <th scope="col">{t('analysis.cache.kind')}</th>
                  <th scope="col" className="is-end">
                    {t('analysis.cache.size')}
                  </th>
                  <th scope="col">{t('analysis.cache.computed')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.entries.map((entry) => (
                  <CacheKeyRow key={entry.key} entry={entry} selected={entry.key === selected} onChoose={() => choose(entry.key === selected ? undefined : entry.key)} format={format} />
                ))}
              </tbody>
            </table>
            {keys.data.sizeMeasure === 'stored' && <p className="card__footnote">{t('analysis.cache.sizeStored')}</p>}
            {keys.data.truncated && <p className="card__footnote">{t('analysis.cache.truncated')}</p>}
          </div>
          <div className="analysis-cache__value">
            {selected === undefined ? <p className="muted analysis-cache__choose">{t('analysis.cache.choose')}</p> : <CacheValue analysisId={analysisId} cacheKey={selected} onClose={() => choose(undefined)} />}
          </div>
        </div>
      )}
    </section>
  );
}

function CacheKeyRow({ entry, selected, onChoose, format }: { entry: CacheKeyInfo; selected: boolean; onChoose: () => void; format: Formatters }) {
  const { t } = useTranslation();
  return (
    <tr className={selected ? 'is-selected' : undefined}>
      <td>
        <button type="button" className="cache-table__key mono" aria-pressed={selected} onClick={onChoose}>
          {entry.key}
        </button>
      </td>
      <td className="muted">{t(`analysis.cache.kinds.${entry.kind}`)}</td>
      <td className="is-end numeric">{bytes(t, format, entry.sizeBytes)}</td>
      <td>
        <Timestamp value={entry.computedAt} compact />
      </td>
    </tr>
  );
}

function CacheValue({ analysisId, cacheKey, onClose }: { analysisId: string; cacheKey: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const options = apiQuery(client, 'analysis.cacheEntry', { analysisId, key: cacheKey });
  // Large values: keep one in memory only while it is on screen.
  const query = useQuery({ ...options, gcTime: 30_000 });
  return (
    <div className="cache-value" aria-live="polite">
      <div className="cache-value__header">
        <span className="mono cache-value__key">{cacheKey}</span>
        {query.data && <Timestamp value={query.data.computedAt} compact />}
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('analysis.cache.close')}
        </button>
      </div>
      <QueryBoundary query={query} lines={6} queryKey={options.queryKey}>
        {(entry) => (
          <div className="stack cache-value__body">
            <JsonCellViewer cell={entry.data} label={t('analysis.cache.value')} />
            {entry.params && <JsonCellViewer cell={entry.params} label={t('analysis.cache.paramsValue')} />}
          </div>
        )}
      </QueryBoundary>
    </div>
  );
}

function bytes(t: TFunction, format: Formatters, size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return t('analysis.bytes.b', { value: format.integer(size) });
  if (size < 1024 * 1024) return t('analysis.bytes.kb', { value: format.number(size / 1024, 1) });
  return t('analysis.bytes.mb', { value: format.number(size / (1024 * 1024), 2) });
}
