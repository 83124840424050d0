// One exploration: what it aimed for and how far it got (header), its tree (left to right, the
// winner's path — or the best node's when nothing won — highlighted), the open node's panel, and
// the highlighted path as a table of steps. The open node is in the address (`?node=`).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplorationDetail, ExplorationTree, TreeAnomalies } from '../../../../shared/contract/explorations';
import { parseTimestamp } from '../../../../shared/timestamps';
import { useApiClient } from '../../api/client-context';
import { apiQuery } from '../../api/queries';
import { useDocumentTitle } from '../../app/use-document-title';
import { BackButton, useEscapeGoesBack } from '../../ui/BackButton';
import { CopyButton } from '../../ui/CopyButton';
import { EmptyState } from '../../ui/feedback';
import { QueryBoundary } from '../../ui/QueryBoundary';
import { MISSING, useFormatters } from '../../ui/format';
import { Timestamp } from '../../ui/Timestamp';
import { BestRate, goalText, RunStatusChip } from './cells';
import { NodePanel } from './NodePanel';
import { PathSteps } from './PathSteps';
import { explorationDetailRoute } from './routes';
import { revealNode, ROW_HEIGHT, treeStructure } from './tree/layout';
import { useRateFormatter } from './tree/describe';
import { perfRequested } from './tree/perf-stats';
import { TreeViewer } from './tree/TreeViewer';
import './explorations.css';

/** As --node-panel-width in explorations.css. */
const NODE_PANEL_WIDTH = 384;

const EXPLORATIONS_LIST = { to: '/explorations' } as const;

export function ExplorationPage() {
  const { t } = useTranslation();
  const { explorationId } = explorationDetailRoute.useParams();
  const search = explorationDetailRoute.useSearch();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const detailOptions = apiQuery(client, 'explorations.get', { id: explorationId });
  const treeOptions = apiQuery(client, 'explorations.tree', { id: explorationId });
  const detail = useQuery(detailOptions);
  const tree = useQuery(treeOptions);
  useDocumentTitle(detail.data ? `${detail.data.experimentName ?? detail.data.id} · ${t('explorations.exploration')}` : explorationId);
  useEscapeGoesBack(EXPLORATIONS_LIST);

  // One Cancel (under the tree, the slow part) stops both calls, and one Load again restarts both.
  const cancel = (): void => {
    void queryClient.cancelQueries({ queryKey: detailOptions.queryKey });
    void queryClient.cancelQueries({ queryKey: treeOptions.queryKey });
  };
  const reload = (): void => void Promise.all([tree.refetch(), detail.refetch()]);

  return (
    <div className="page page--exploration">
      <BackButton label={t('nav.explorations')} fallback={EXPLORATIONS_LIST} />
      <QueryBoundary query={detail} lines={3} onReload={null} missing={{ back: EXPLORATIONS_LIST, label: t('common.backTo', { place: t('nav.explorations') }) }}>
        {(exploration) => <ExplorationHeader exploration={exploration} />}
      </QueryBoundary>
      {/* When both calls failed, the exploration's error above says it. */}
      {!(detail.isError && tree.isError) && (
        <QueryBoundary query={tree} lines={6} label={t('explorations.loadingTree')} loadingClassName="exploration-workspace exploration-workspace--loading" onCancel={cancel} onReload={reload}>
          {(loaded) => <Workspace key={loaded.explorationId} tree={loaded} detail={detail.data ?? null} selectedId={search.node ?? null} perf={perfRequested(search.perf)} />}
        </QueryBoundary>
      )}
    </div>
  );
}

function ExplorationHeader({ exploration }: { exploration: ExplorationDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const showRate = useRateFormatter();
  const { config } = exploration;
  const started = parseTimestamp(exploration.startedAt);
  const completed = parseTimestamp(exploration.completedAt);
  const durationMs = started && completed ? completed.epochMs - started.epochMs : null;
  const recordedDiffers = exploration.totalNodes !== null && exploration.totalNodes !== exploration.nodeCount;
  return (
    <header className="detail__header exploration-header">
      <div className="exploration-header__title">
        <h1 className="page__title">
          {exploration.experimentId && exploration.experimentName ? (
            <Link to="/experiments/$experimentId" params={{ experimentId: exploration.experimentId }} className="exploration-header__experiment">
              {exploration.experimentName}
            </Link>
          ) : (
            (exploration.experimentName ?? exploration.experimentId ?? t('explorations.noExperiment'))
          )}
        </h1>
        <RunStatusChip status={exploration.status} />
        {exploration.experimentDeleted && <span className="chip chip--deleted">{t('experiments.deleted')}</span>}
        <span className="mono muted exploration-header__id">
          {exploration.id} <CopyButton text={exploration.id} />
        </span>
      </div>
      <dl className="meta-row">
        <div>
          <dt>{t('explorations.columns.goal')}</dt>
          <dd className="numeric">{goalText(exploration.goal, format)}</dd>
        </div>
        <div>
          <dt>{t('explorations.columns.best')}</dt>
          <dd>
            <BestRate rate={exploration.bestSuccessRate} goal={exploration.goal} />
          </dd>
        </div>
        <div>
          <dt>{t('explorations.baseline')}</dt>
          <dd className="numeric" title={exploration.baselineAnalysis?.id ?? exploration.baselineAnalysisId ?? undefined}>
            {showRate(exploration.baselineAnalysis?.successRate ?? null)}
          </dd>
        </div>
        <div>
          <dt>{t('explorations.columns.nodes')}</dt>
          <dd className="numeric">
            {format.integer(exploration.nodeCount)}
            {recordedDiffers && <span className="muted">({t('explorations.recordedNodes', { count: exploration.totalNodes ?? 0 })})</span>}
          </dd>
        </div>
        <div>
          <dt>{t('explorations.columns.depth')}</dt>
          <dd className="numeric">
            {format.integer(exploration.currentDepth)}
            {config.maxDepth !== null && <span className="muted">/ {format.integer(config.maxDepth)}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('explorations.llmCalls')}</dt>
          <dd className="numeric">
            {format.integer(exploration.totalLlmCalls)}
            {config.maxLlmCalls !== null && <span className="muted">/ {format.integer(config.maxLlmCalls)}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('explorations.beamWidth')}</dt>
          <dd className="numeric">{format.integer(config.beamWidth)}</dd>
        </div>
        <div>
          <dt>{t('explorations.columns.started')}</dt>
          <dd>
            <Timestamp value={exploration.startedAt} />
          </dd>
        </div>
        <div>
          <dt>{t('explorations.duration')}</dt>
          <dd className="numeric">{durationMs !== null && durationMs >= 0 ? format.duration(durationMs) : exploration.completedAt ? <Timestamp value={exploration.completedAt} /> : MISSING}</dd>
        </div>
      </dl>
      <AnomaliesNotice anomalies={exploration.anomalies} />
    </header>
  );
}

function AnomaliesNotice({ anomalies }: { anomalies: TreeAnomalies }) {
  const { t } = useTranslation();
  const lines = [
    anomalies.orphans.length > 0 && t('explorations.anomalies.orphans', { count: anomalies.orphans.length }),
    anomalies.cycles.length > 0 && t('explorations.anomalies.cycles', { count: anomalies.cycles.length }),
    anomalies.extraRoots.length > 0 && t('explorations.anomalies.extraRoots', { count: anomalies.extraRoots.length }),
    anomalies.extraWinners.length > 0 && t('explorations.anomalies.extraWinners', { count: anomalies.extraWinners.length }),
    anomalies.duplicateIds.length > 0 && t('explorations.anomalies.duplicateIds', { count: anomalies.duplicateIds.length }),
    anomalies.nodesWithoutId > 0 && t('explorations.anomalies.nodesWithoutId', { count: anomalies.nodesWithoutId }),
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return null;
  return (
    <div className="notice expl-warning exploration-anomalies" role="note">
      <strong>{t('explorations.anomalies.title')}</strong>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

function Workspace({ tree, detail, selectedId, perf }: { tree: ExplorationTree; detail: ExplorationDetail | null; selectedId: string | null; perf: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: explorationDetailRoute.fullPath });
  const structure = useMemo(() => treeStructure(tree.nodes, tree.rootIndex), [tree]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const indexById = useMemo(() => {
    const map = new Map<string, number>();
    tree.nodes.id.forEach((id, index) => {
      if (!map.has(id)) map.set(id, index);
    });
    return map;
  }, [tree]);
  const highlightedPath = useMemo(() => (tree.highlight === 'winner' ? tree.winnerPath?.nodes : tree.bestPath?.nodes) ?? [], [tree]);
  const selected = selectedId === null ? null : (indexById.get(selectedId) ?? null);
  // A small tree gets a smaller canvas (the path table then shows without scrolling); a large one
  // the window's height. Leaves set a tidy tree's height.
  const naturalHeight = useMemo(() => {
    const leaves = tree.nodes.childCount.reduce((count, children) => count + (children === 0 ? 1 : 0), 0);
    return Math.round(Math.max(1, leaves) * ROW_HEIGHT * 1.15 + 120);
  }, [tree]);

  // A node opened from outside the tree (the path table, the address) must be drawn.
  const visibleCollapsed = useMemo(() => (selected === null ? collapsed : revealNode(structure, collapsed, selected)), [collapsed, selected, structure]);

  const select = useCallback(
    (index: number | null) => {
      const id = index === null ? undefined : tree.nodes.id[index];
      void navigate({ search: (prev) => ({ ...prev, node: id }), replace: true });
    },
    [navigate, tree],
  );
  const selectId = useCallback((id: string) => select(indexById.get(id) ?? null), [indexById, select]);

  // Esc closes the open node wherever the focus is (the tree, the panel, the path table); with no
  // node open it goes back, as on every detail page. Capture phase: before that page-wide handler.
  useEffect(() => {
    if (selected === null) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, dialog, [contenteditable="true"]')) return;
      event.preventDefault();
      select(null);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [selected, select]);

  const toggle = useCallback(
    (index: number) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (next.has(index)) next.delete(index);
        else next.add(index);
        return next;
      }),
    [],
  );

  if (tree.nodeCount === 0) {
    return (
      <EmptyState title={t('explorations.emptyTree')}>
        <p>{t('explorations.emptyTreeHint')}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <section
        className={`exploration-workspace${selected !== null ? ' has-panel' : ''}`}
        style={{ '--tree-natural-height': `${naturalHeight}px` } as CSSProperties}
        aria-label={t('explorations.treeSection')}
      >
        <TreeViewer
          tree={tree}
          structure={structure}
          collapsed={visibleCollapsed}
          onCollapsedChange={setCollapsed}
          highlightedPath={highlightedPath}
          selected={selected}
          onSelect={select}
          perf={perf}
          occludedRight={selected !== null ? NODE_PANEL_WIDTH : 0}
        />
        {selected !== null && (
          <NodePanel
            key={tree.nodes.id[selected]}
            nodeId={tree.nodes.id[selected]!}
            index={selected}
            tree={tree}
            collapsed={visibleCollapsed.has(selected)}
            onToggleCollapse={() => toggle(selected)}
            onSelectId={selectId}
            onClose={() => select(null)}
          />
        )}
      </section>
      <PathSteps tree={tree} detail={detail} selectedId={selectedId} onSelectId={selectId} />
    </>
  );
}
