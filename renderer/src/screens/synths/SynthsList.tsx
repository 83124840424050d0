// The synths list: search over name and description, one-value facet filters with counts, sort by
// name or creation; every choice lives in the address. A row opens the synth.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SynthFacet, SynthGroupList, SynthListRow, SynthSort } from '../../../../shared/contract/synths';
import { useApiClient } from '../../api/client-context';
import { usePagedRows } from '../../api/paged-rows';
import { apiPageSource, apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { DataTable, type DataColumn, type SortState } from '../../ui/DataTable';
import { EmptyState } from '../../ui/feedback';
import { MISSING, useFormatters, type Formatters } from '../../ui/format';
import { timestampColumn } from '../../ui/Timestamp';
import { useDebounced } from '../../ui/use-debounced';
import { useSlashFocus } from '../../ui/use-slash-focus';
import { EmptyDatabase } from '../shared/EmptyDatabase';
import { FacetPanel } from './FacetPanel';
import { synthsListRoute } from './routes';
import { activeFacetCount, defaultDirection, facetSelection, FACET_SEARCH_KEY, filtersOf, synthsListParams, type SynthListParams } from './search';
import './synths.css';

export function SynthsList() {
  const { t } = useTranslation();
  const client = useApiClient();
  const navigate = useNavigate({ from: synthsListRoute.fullPath });
  const search = synthsListRoute.useSearch();
  const searchBox = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('nav.synths'));

  const params = synthsListParams(search);
  const [text, setText] = useState(search.q ?? '');
  const settledText = useDebounced(text.trim(), 220);

  // The address follows the search box (replacing the entry: typing is not navigation)…
  useEffect(() => {
    if ((search.q ?? '') === settledText) return;
    void navigate({ search: (prev) => ({ ...prev, q: settledText === '' ? undefined : settledText }), replace: true });
  }, [settledText, search.q, navigate]);
  // …and the box follows the address (Back, a palette jump).
  useEffect(() => setText(search.q ?? ''), [search.q]);

  useSlashFocus(searchBox);

  const filters = filtersOf(search);
  const facets = useQuery({ ...apiQuery(client, 'synths.facets', filters), placeholderData: keepPreviousData });
  const groups = useQuery(apiQuery(client, 'synths.groups', {}));

  const filtering = Boolean(search.q) || activeFacetCount(search) > 0;

  const setFacet = (facet: SynthFacet, value: string | null | undefined): void => {
    void navigate({ search: (prev) => ({ ...prev, [FACET_SEARCH_KEY[facet]]: value }) });
  };
  const clearAll = (): void => {
    // The search text leaves the address through the box's debounce, like any edit of the box.
    setText('');
    void navigate({ search: (prev) => ({ sort: prev.sort, dir: prev.dir, q: prev.q }) });
  };

  return (
    <div className="page page--list synths-page">
      <header className="page__header">
        <h1 className="page__title">{t('nav.synths')}</h1>
        <MatchedCount matched={facets.data?.matched} sampled={facets.data?.sampled ?? false} />
        <div className="toolbar" role="search">
          <input
            ref={searchBox}
            className="input input--search"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                document.querySelector<HTMLElement>('.synths-page .data-table__scroller')?.focus();
              }
            }}
            placeholder={t('synths.searchPlaceholder')}
            aria-label={t('synths.searchLabel')}
          />
          {filtering && (
            <button type="button" className="button button--quiet" onClick={clearAll}>
              {t('synths.clearFilters')}
            </button>
          )}
        </div>
      </header>
      <div className="synths-layout">
        <FacetPanel facets={facets} groups={groups.data} selection={(facet) => facetSelection(search, facet)} onChange={setFacet} />
        <div className="synths-layout__main">
          {search.group !== undefined && <GroupBanner groupId={search.group} groups={groups.data} />}
          <SynthsTable params={params} filtering={filtering} onClearAll={clearAll} onEscape={() => searchBox.current?.focus()} />
        </div>
      </div>
    </div>
  );
}

/**
 * The synths grid and its scan note. Its own component: a page arriving re-renders the grid, not
 * the facets and the header beside it (a fling takes pages in every few frames).
 */
function SynthsTable({ params, filtering, onClearAll, onEscape }: { params: SynthListParams; filtering: boolean; onClearAll: () => void; onEscape: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: synthsListRoute.fullPath });
  const source = apiPageSource(client, 'synths.list', params);
  const list = usePagedRows(source);
  const columns = useMemo(() => synthColumns(t, format), [t, format]);
  const lastPage = list.lastPage;
  const scanning = lastPage?.scan.partial === true && !list.complete;
  const sortState: SortState = { key: params.sort, direction: params.direction };
  return (
    <>
      {scanning && lastPage && (
        <p className="synths-scan-note" role="status">
          <span className="spinner spinner--inline" aria-hidden="true" />
          {t('synths.scanPartial', { window: format.integer(lastPage.scan.window) })}
        </p>
      )}
      <DataTable
        label={t('nav.synths')}
        columns={columns}
        list={list}
        countLabel={(n) => t('synths.count', { count: n, formatted: format.integer(n) })}
        sort={sortState}
        defaultDirection={defaultDirection}
        onSortChange={(next) =>
          void navigate({
            search: (prev) => ({
              ...prev,
              sort: next.key === 'name' ? undefined : (next.key as SynthSort),
              dir: next.direction === defaultDirection(next.key) ? undefined : next.direction,
            }),
          })
        }
        onOpen={(row) => void navigate({ to: '/synths/$synthId', params: { synthId: row.id } })}
        onEscape={onEscape}
        onCancel={() => void queryClient.cancelQueries({ queryKey: source.queryKey })}
        empty={
          filtering ? (
            <EmptyState
              title={t('synths.noMatch')}
              actions={
                <button type="button" className="button" onClick={onClearAll}>
                  {t('synths.clearFilters')}
                </button>
              }
            >
              <p>{t('synths.noMatchHint')}</p>
            </EmptyState>
          ) : (
            <EmptyDatabase what={t('synths.emptyWhat')} />
          )
        }
      />
    </>
  );
}

function MatchedCount({ matched, sampled }: { matched: number | undefined; sampled: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (matched === undefined) return null;
  return (
    <span className="synths-matched muted" aria-live="polite">
      {sampled ? t('synths.matchedSampled', { formatted: format.integer(matched) }) : t('synths.matched', { count: matched, formatted: format.integer(matched) })}
    </span>
  );
}

/** The chosen group in words: its name, description and size (synths.groups). */
function GroupBanner({ groupId, groups }: { groupId: string | null; groups: SynthGroupList | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (groups === undefined) return null;
  if (groupId === null) {
    return (
      <div className="group-banner">
        <span className="group-banner__name">{t('synths.facets.noGroup')}</span>
        <span className="muted">{t('synths.groups.ungroupedCount', { count: groups.ungroupedCount, formatted: format.integer(groups.ungroupedCount) })}</span>
      </div>
    );
  }
  const group = groups.groups.find((candidate) => candidate.id === groupId);
  const unknown = groups.unknownGroups.find((candidate) => candidate.id === groupId);
  const count = group?.synthCount ?? unknown?.synthCount ?? 0;
  return (
    <div className="group-banner">
      <span className="group-banner__name">{group?.name ?? (unknown ? t('synths.facets.unknownGroup', { id: groupId }) : groupId)}</span>
      <span className="mono muted group-banner__id">{groupId}</span>
      <span className="muted">{t('synths.groups.synthCount', { count, formatted: format.integer(count) })}</span>
      {group?.description && <p className="group-banner__description">{group.description}</p>}
    </div>
  );
}

function synthColumns(t: TFunction, format: Formatters): DataColumn<SynthListRow>[] {
  // Plain text where the value is there: a cell with no element of its own is less to draw.
  const orDash = (value: string | null): ReactNode => value || <span className="muted">{MISSING}</span>;
  const location = (row: SynthListRow): string | null => [row.city, row.state].filter(Boolean).join(', ') || null;
  return [
    {
      id: 'name',
      header: t('synths.columns.name'),
      width: 'minmax(10.5rem, 1.6fr)',
      sortKey: 'name',
      // No avatar here: its own element and box cost a row more to draw than the name beside it (the
      // synth's page shows it).
      className: 'cell-title',
      title: (row) => row.descricao,
      cell: (row) => row.nome ?? <span className="muted mono">{row.id}</span>,
    },
    { id: 'age', header: t('synths.columns.age'), width: '3.5rem', align: 'end', className: 'numeric', cell: (row) => format.integer(row.age) },
    { id: 'gender', header: t('synths.columns.gender'), width: '6rem', title: (row) => row.gender, cell: (row) => orDash(row.gender) },
    { id: 'location', header: t('synths.columns.location'), width: 'minmax(8.5rem, 1fr)', title: location, cell: (row) => orDash(location(row)) },
    { id: 'occupation', header: t('synths.columns.occupation'), width: 'minmax(7rem, 1fr)', title: (row) => row.occupation, cell: (row) => orDash(row.occupation) },
    { id: 'group', header: t('synths.columns.group'), width: 'minmax(7rem, 1fr)', title: (row) => row.groupName ?? row.groupId, cell: (row) => orDash(row.groupName ?? row.groupId) },
    { id: 'version', header: t('synths.columns.version'), width: '5rem', className: 'mono', cell: (row) => orDash(row.version) },
    timestampColumn({ id: 'created', header: t('synths.columns.created'), width: '11rem', sortKey: 'created' }, (row) => row.createdAt, { t, format }),
  ];
}
