// A long keyset list as the tables read it: only the pages around the rows on screen are held.
// Each page is its own query (key: the list's key plus the page's cursor), observed while it is
// near the screen; a page scrolled far away loses its observer and TanStack Query drops it after
// FAR_PAGE_GC_MS, to be fetched again by its remembered cursor when the researcher comes back.
// The next page is asked for well before the screen reaches the end of the rows known, in the
// direction of the scroll, and pages asked for during a fling are larger. Nothing here is
// O(rows): a page arriving costs O(page).
import { hashKey, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useReducer, useRef } from 'react';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '../../../shared/contract/paging';
import type { AppError } from '../../../shared/errors';
import { PageChain } from './page-chain';
import type { PageSource } from './queries';

/** How long a page nobody looks at stays in memory (the first page keeps the client's default). */
const FAR_PAGE_GC_MS = 15_000;

/** The rows assumed on screen until the table says which are (a first page alone covers them). */
const FIRST_WINDOW = { first: 0, last: 20 };

/** Pages are asked for this far ahead of a fast scroll, in the time it takes to cover them… */
const LOOKAHEAD_MS = 500;
/** …but never more rows ahead than this (a jump is not a scroll speed). */
const MAX_AHEAD_ROWS = 10 * DEFAULT_PAGE_SIZE;
/** How long a fast scroll's pace is remembered once it slows down. */
const SPEED_MEMORY_MS = 1000;
/**
 * The size of a page asked for while the list is flung faster than a default page per
 * LOOKAHEAD_MS: a page arriving costs a render whatever its size, and a fling of five times
 * fewer, larger pages has five times fewer frames that also take a page in.
 */
const FLING_PAGE_SIZE = MAX_PAGE_SIZE;

export interface PagedRows<Row, P extends Page<Row> = Page<Row>> {
  /** Changes with the list itself (another search, sort or filter), not with its pages. */
  id: string;
  /** Rows known so far: those of every page seen, whether or not still held. */
  rowCount: number;
  /** The last page has been seen: rowCount is the length of the list. */
  complete: boolean;
  /** Row `index` of the list; undefined while its page is not here (a placeholder is drawn). */
  rowAt: (index: number) => Row | undefined;
  /** The first page as last seen (pages carry facts besides rows: columns, scan windows). */
  firstPage: P | undefined;
  /** The furthest page seen. */
  lastPage: P | undefined;
  /** Before any page arrived: the first one is on its way, was stopped (Cancel), or failed. */
  status: 'loading' | 'cancelled' | 'error' | 'ready';
  /** A page near the screen failed (with status 'error': the first one). */
  error: AppError | null;
  /** The next page is on its way (the screen has reached the rows known). */
  fetching: boolean;
  /** Asks again for the pages near the screen that failed or were stopped. */
  retry: () => void;
  /** The table reports the rows on screen; the pages around them are fetched and held. */
  showRows: (first: number, last: number) => void;
}

interface ListState<P> {
  id: string;
  chain: PageChain;
  firstPage: P | undefined;
  lastPage: P | undefined;
  window: { first: number; last: number };
  /** 1 scrolling down, -1 up: the pages ahead are fetched on that side. */
  direction: 1 | -1;
  /** Recent scroll pace in rows per millisecond, and when the screen last moved. */
  speed: number;
  movedAt: number;
  /** The pages the last render held, to tell whether a new window needs another render. */
  heldKey: string;
}

function newListState<P>(id: string): ListState<P> {
  return { id, chain: new PageChain(), firstPage: undefined, lastPage: undefined, window: FIRST_WINDOW, direction: 1, speed: 0, movedAt: 0, heldKey: '' };
}

/** The recent scroll pace, fading once the screen stops moving. */
function paceOf<P>(state: ListState<P>, now: number): number {
  return state.speed * Math.max(0, 1 - (now - state.movedAt) / SPEED_MEMORY_MS);
}

/**
 * Pages to hold: the screen, a screen behind it, and ahead (in the scroll's direction) two screens
 * or what the current pace covers in LOOKAHEAD_MS, whichever is more: a fling finds its pages there.
 */
function pagesToHold<P>(state: ListState<P>): number[] {
  const { first, last } = state.window;
  const screen = last - first + 1;
  const ahead = Math.max(2 * screen, Math.min(MAX_AHEAD_ROWS, Math.ceil(paceOf(state, performance.now()) * LOOKAHEAD_MS)));
  const [from, to] = state.direction > 0 ? [first - screen, last + ahead] : [first - ahead, last + screen];
  return state.chain.pagesFor(Math.max(0, from), to);
}

/** The size to ask a new page for: larger while the list is flung (a page once asked for keeps its size). */
function pageSizeNow<P>(state: ListState<P>): number {
  return paceOf(state, performance.now()) * LOOKAHEAD_MS > DEFAULT_PAGE_SIZE ? FLING_PAGE_SIZE : DEFAULT_PAGE_SIZE;
}

/** Where one page of a list lives in the query cache: the list's key, the page's cursor and size. */
function pageQueryKey<P extends Page<unknown>>(source: PageSource<P>, cursor: string | null, limit: number) {
  return [...source.queryKey, 'page', cursor, limit] as const;
}

/**
 * The query of a list's first page, exactly as usePagedRows asks for it: a route's loader prefetches
 * it, and the table finds its rows in the cache on its first render.
 */
export function firstPageQuery<P extends Page<unknown>>(source: PageSource<P>) {
  return {
    queryKey: pageQueryKey(source, null, DEFAULT_PAGE_SIZE),
    queryFn: ({ signal }: { signal: AbortSignal }) => source.fetchPage(null, signal, DEFAULT_PAGE_SIZE),
  };
}

/** The rows of one page type. */
type RowOfPage<P extends Page<unknown>> = P['rows'][number];

export function usePagedRows<P extends Page<unknown>>(source: PageSource<P>): PagedRows<RowOfPage<P>, P> {
  const queryClient = useQueryClient();
  const id = hashKey(source.queryKey);
  const stateRef = useRef<ListState<P> | null>(null);
  if (stateRef.current?.id !== id) stateRef.current = newListState<P>(id);
  const state = stateRef.current;
  const chain = state.chain;
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const wantedSize = pageSizeNow(state);
  const pageKey = (index: number) => pageQueryKey(source, chain.cursorOf(index) ?? null, chain.limitFor(index, wantedSize));

  // Pages already in the cache tell their sizes and next cursors before the pages to hold are
  // chosen, so the render a page arrives in already asks for the one after it. Idempotent: a
  // repeated render records nothing new.
  let held = pagesToHold(state);
  for (let grew = true; grew; ) {
    grew = false;
    for (const index of held) {
      const page = queryClient.getQueryData<P>(pageKey(index));
      if (page !== undefined && chain.record(index, page.rows.length, page.nextCursor)) grew = true;
    }
    if (grew) held = pagesToHold(state);
  }
  state.heldKey = held.join();

  // Only data and errors are read from these results (TanStack Query re-renders for what is read):
  // a page starting to fetch costs no render.
  const results = useQueries({
    queries: held.map((index) => {
      const cursor = chain.cursorOf(index) ?? null;
      const limit = chain.limitFor(index, wantedSize);
      return {
        queryKey: pageKey(index),
        queryFn: ({ signal }: { signal: AbortSignal }) => source.fetchPage(cursor, signal, limit),
        ...(index === 0 ? {} : { gcTime: FAR_PAGE_GC_MS }),
      };
    }),
  });
  const pages = new Map<number, P>();
  results.forEach((result, position) => {
    const index = held[position] as number;
    const page = result.data;
    if (page === undefined) return;
    pages.set(index, page);
    if (index === 0) state.firstPage = page;
    if (index === chain.knownPages - 1) state.lastPage = page;
  });

  const showRows = useCallback((first: number, last: number) => {
    const current = stateRef.current;
    if (current === null || (current.window.first === first && current.window.last === last)) return;
    if (first !== current.window.first) {
      const now = performance.now();
      const pace = Math.abs(first - current.window.first) / Math.max(1, now - current.movedAt);
      current.speed = Math.max(pace, paceOf(current, now));
      current.movedAt = now;
      current.direction = first > current.window.first ? 1 : -1;
    }
    current.window = { first, last };
    if (pagesToHold(current).join() !== current.heldKey) rerender();
  }, []);

  const firstResult = held[0] === 0 ? results[0] : undefined;
  let status: PagedRows<RowOfPage<P>, P>['status'] = 'ready';
  if (chain.knownPages === 0 && firstResult !== undefined) {
    if (firstResult.isError) status = 'error';
    else if (firstResult.isPending) status = firstResult.fetchStatus === 'idle' ? 'cancelled' : 'loading';
  }
  const error = results.find((result) => result.error !== null)?.error ?? null;
  const frontier = held.indexOf(chain.knownPages);
  return {
    id,
    rowCount: chain.knownRows,
    complete: chain.complete,
    rowAt: (index) => {
      const page = chain.pageOfRow(index);
      return pages.get(page)?.rows[index - chain.startOf(page)];
    },
    firstPage: state.firstPage,
    lastPage: state.lastPage,
    status,
    error,
    fetching: frontier >= 0 && error === null,
    retry: () => {
      for (const result of results) if (result.isError || (result.isPending && result.fetchStatus === 'idle')) void result.refetch();
    },
    showRows,
  };
}
