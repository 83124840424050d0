// Search: words across every transcript message and document, narrowed by experiment, interview,
// speaker and kind. Results come a page at a time ("Load more"); on a database this app cannot
// index the search reads part of the data per page and says so. A running search can be cancelled.
import { infiniteQueryOptions, useInfiniteQuery, useQueryClient, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportScope } from '../../../../shared/contract/export';
import type { SearchPage as SearchPageResult } from '../../../../shared/contract/search';
import type { AppError } from '../../../../shared/errors';
import type { ApiClient } from '../../../../shared/api-client';
import { useApiClient } from '../../api/client-context';
import { useDocumentTitle } from '../../app/use-document-title';
import { EmptyState, ErrorNotice } from '../../ui/feedback';
import { useFormatters } from '../../ui/format';
import { Icon } from '../../ui/Icon';
import { useDebounced } from '../../ui/use-debounced';
import { ExportButton } from '../export/ExportButton';
import { searchExportScope } from '../export/scopes';
import { searchRoute, type SearchParams } from './routes';
import { SearchFilters } from './SearchFilters';
import { SearchHit } from './SearchHit';
import { SlowSearchNotice } from './SlowSearchNotice';
import './search.css';

/** What search.query is asked: the address's words and filters. */
function queryParams(search: SearchParams) {
  return {
    text: search.q ?? '',
    ...(search.experiment ? { experimentId: search.experiment } : {}),
    ...(search.exec ? { execId: search.exec } : {}),
    ...(search.speaker ? { speaker: search.speaker } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
  };
}

/** Keyset pages of search.query, typed as the whole SearchPage (mode, scan progress, order), not just rows. */
function searchPagesQuery(client: ApiClient, params: ReturnType<typeof queryParams>) {
  return infiniteQueryOptions<SearchPageResult, AppError, InfiniteData<SearchPageResult, string | null>, readonly unknown[], string | null>({
    queryKey: ['api-pages', 'search.query', params] as const,
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    queryFn: ({ pageParam, signal }) => client.call('search.query', pageParam === null ? params : { ...params, cursor: pageParam }, { signal }),
  });
}

/** Letters or digits: search.query only counts words, so punctuation alone would find nothing. */
function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function SearchPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: searchRoute.fullPath });
  const search = searchRoute.useSearch();
  const searchBox = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLOListElement>(null);
  useDocumentTitle(search.q ? `${search.q} — ${t('nav.search')}` : t('nav.search'));

  const [text, setText] = useState(search.q ?? '');
  const settledText = useDebounced(text.trim(), 350);
  // The address follows the box (replacing the entry: typing is not navigation)…
  useEffect(() => {
    if ((search.q ?? '') === settledText) return;
    void navigate({ search: (prev) => ({ ...prev, q: settledText === '' ? undefined : settledText }), replace: true });
  }, [settledText, search.q, navigate]);
  // …and the box follows the address (Back, a link from another page).
  useEffect(() => setText(search.q ?? ''), [search.q]);
  useEffect(() => searchBox.current?.focus(), []);

  const params = queryParams(search);
  const enabled = hasWords(params.text);
  const options = searchPagesQuery(client, params);
  const query = useInfiniteQuery({ ...options, enabled });
  const cancel = (): void => void queryClient.cancelQueries({ queryKey: options.queryKey });

  const setFilters = (next: Partial<SearchParams>): void => void navigate({ search: (prev) => ({ ...prev, ...next }) });

  // Arrows walk the results; Esc returns to the box; Enter opens (they are links).
  const onResultsKeyDown = (event: KeyboardEvent<HTMLOListElement>): void => {
    const links = [...(resultsRef.current?.querySelectorAll<HTMLElement>('.search-hit') ?? [])];
    const index = links.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : null;
    if (event.key === 'Escape') {
      event.preventDefault();
      searchBox.current?.focus();
      return;
    }
    if (next === null) return;
    event.preventDefault();
    if (next < 0) searchBox.current?.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  };

  return (
    <div className="page search-page">
      <header className="page__header">
        <h1 className="page__title">{t('nav.search')}</h1>
      </header>
      <form className="search-form" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="search-form__box">
          <Icon name="search" size={17} className="search-form__icon" />
          <input
            ref={searchBox}
            type="search"
            className="input search-form__input"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                // Enter searches now rather than after the pause.
                const now = text.trim();
                if (now !== (search.q ?? '')) void navigate({ search: (prev) => ({ ...prev, q: now === '' ? undefined : now }), replace: true });
              } else if (event.key === 'ArrowDown') {
                event.preventDefault();
                resultsRef.current?.querySelector<HTMLElement>('.search-hit')?.focus();
              }
            }}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
          />
        </div>
        <SearchFilters search={search} onChange={setFilters} />
      </form>

      {!enabled ? (
        <EmptyState title={params.text.trim() === '' ? t('search.prompt') : t('search.noWords')}>{t('search.promptHint')}</EmptyState>
      ) : (
        <SearchOutcome
          query={query}
          onCancel={cancel}
          text={params.text}
          resultsRef={resultsRef}
          onResultsKeyDown={onResultsKeyDown}
          filtered={Boolean(search.experiment || search.exec || search.speaker || search.kind)}
          onClearFilters={() => setFilters({ experiment: undefined, exec: undefined, speaker: undefined, kind: undefined })}
          exportScope={searchExportScope(params)}
        />
      )}
    </div>
  );
}

function SearchOutcome({
  query,
  onCancel,
  text,
  resultsRef,
  onResultsKeyDown,
  onClearFilters,
  filtered,
  exportScope,
}: {
  query: UseInfiniteQueryResult<InfiniteData<SearchPageResult, string | null>, AppError>;
  onCancel: () => void;
  text: string;
  resultsRef: RefObject<HTMLOListElement | null>;
  onResultsKeyDown: (event: KeyboardEvent<HTMLOListElement>) => void;
  onClearFilters: () => void;
  filtered: boolean;
  /** The transcripts these results are in (null when only documents are searched). */
  exportScope: ExportScope | null;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const pages = query.data?.pages ?? [];
  const hits = useMemo(() => pages.flatMap((page) => page.rows), [pages]);
  const last = pages.at(-1);
  const more = query.hasNextPage;
  const running = query.isFetching;

  if (query.isPending && query.fetchStatus === 'idle') {
    return (
      <div className="notice search-outcome__notice">
        <p>{t('search.cancelled')}</p>
        <button type="button" className="button" onClick={() => void query.refetch()}>
          {t('search.searchAgain')}
        </button>
      </div>
    );
  }
  if (query.isError && hits.length === 0) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <section className="search-outcome" aria-label={t('search.resultsLabel')} aria-busy={running}>
      <div className="search-outcome__status" aria-live="polite">
        {query.isPending ? (
          <span>{t('search.searching')}</span>
        ) : (
          <span>
            {more
              ? t('search.resultsSoFar', { count: hits.length, formatted: format.integer(hits.length) })
              : t('search.results', { count: hits.length, formatted: format.integer(hits.length) })}
          </span>
        )}
        {running && (
          <>
            <span className="spinner spinner--inline" aria-hidden="true" />
            <button type="button" className="button button--quiet" onClick={onCancel}>
              {t('search.cancel')}
            </button>
          </>
        )}
        {last?.order === 'position' && last.mode === 'index' && hits.length > 0 && <span className="muted search-outcome__order">{t('search.positionOrder')}</span>}
        {exportScope !== null && hits.length > 0 && (
          <span className="search-outcome__export">
            <ExportButton scope={exportScope} page />
          </span>
        )}
      </div>

      {last && last.mode === 'scan' && <SlowSearchNotice page={last} />}

      {!query.isPending && hits.length === 0 && !more && (
        <EmptyState
          title={t('search.noResults', { text })}
          actions={
            filtered ? (
              <button type="button" className="button" onClick={onClearFilters}>
                {t('search.clearFilters')}
              </button>
            ) : undefined
          }
        >
          {t('search.noResultsHint')}
        </EmptyState>
      )}

      {hits.length > 0 && (
        <ol ref={resultsRef} className="search-results" onKeyDown={onResultsKeyDown}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <SearchHit hit={hit} />
            </li>
          ))}
        </ol>
      )}

      {query.isFetchNextPageError && <ErrorNotice compact error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {more && !query.isPending && (
        <div className="search-outcome__more">
          <button type="button" className="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? t('search.searching') : last?.mode === 'scan' && last.rows.length === 0 ? t('search.keepSearching') : t('search.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
