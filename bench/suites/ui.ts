// Issue 4's speed figures: the UI in Debian's Chromium (Playwright) against `serve` on the large
// demo: the experiments page from navigation, opening an experiment, the synths table flung end to
// end, the 5,000-node tree's layout and first draw, and its frames under pan and zoom.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable, REPO_ROOT } from '../../e2e/support/environment';
import { startServe, type ServedApp } from '../../e2e/support/serve';
import { percentiles, ms, type Percentiles } from '../api/timing';
import { benchSqlite } from '../datasets';
import { table } from '../report';
import type { BenchSuite } from '../suite';
import { MARK_FIRST_EXPERIMENT_ROW, OPEN_EXPERIMENT, SCROLL_SYNTHS, TREE_DRAWN, TREE_STATS } from '../ui/probes';

const FIRST_RENDER_MS = 500;
const OPEN_MS = 300;
const FRAME_MS = 16;
const TREE_MS = 1000;
const LOADS = 10;
const SCROLL_LIMIT_MS = 300_000;
/** The second scroll: a hard trackpad fling's pace (a quarter of a screen per frame), for this long. */
const FAST_SCROLL_VIEWPORTS = 0.25;
const FAST_SCROLL_MS = 10_000;
/**
 * The headroom row: the two-screens fling again, for this long, with the renderer's main thread
 * slowed this many times (CDP's CPU throttling), a stand-in for a machine that much slower or busier.
 */
const HEADROOM_SLOWDOWN = 2;
const HEADROOM_MS = 15_000;

interface ScrollFigures {
  intervals: number[];
  domRows: number[];
  waitingFrames: number;
  elapsedMs: number;
  /** The grid's height: one screen of rows, in px. */
  screenPx: number;
  reachedEnd: boolean;
  loaded: number;
}

interface TreeStats {
  nodeCount: number;
  layoutMs: number;
  drawMs: number;
  firstFrameAt: number | null;
  frames: number[];
}

interface UiFigures {
  engine: string;
  firstRender: Percentiles;
  firstRenderCold: number;
  open: Percentiles;
  /** Flung two screens per frame, end to end. */
  scroll: ScrollFigures;
  /** A quarter of a screen per frame, for FAST_SCROLL_MS. */
  fastScroll: ScrollFigures;
  /** Two screens per frame for HEADROOM_MS, the main thread slowed HEADROOM_SLOWDOWN times. */
  slowedScroll: ScrollFigures;
  tree: TreeStats;
  panZoomFrames: Percentiles & { max: number };
}

/** Runs one of the probes' functions in the page with `arg` (a string expression, called there). */
function callProbe<Result>(page: Page, source: string, arg?: unknown): Promise<Result> {
  return page.evaluate<Result>(`(${source})(${arg === undefined ? '' : JSON.stringify(arg)})`);
}

async function gotoFresh(page: Page, url: string): Promise<void> {
  // A hash change alone would not reload the document.
  await page.goto('about:blank');
  await page.goto(url);
}

async function firstRenders(page: Page, server: ServedApp): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS + 1; i += 1) {
    await gotoFresh(page, `${server.url}#/experiments`);
    await page.waitForFunction('window.__benchMarks && window.__benchMarks.firstExperimentRow !== undefined', undefined, { timeout: 30_000 });
    times.push(await page.evaluate<number>('window.__benchMarks.firstExperimentRow'));
  }
  return times;
}

async function openings(page: Page, server: ServedApp): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < LOADS; index += 1) {
    await gotoFresh(page, `${server.url}#/experiments`);
    await page.locator('[role="grid"][aria-label="Experiments"] .data-table__row').nth(index).waitFor();
    times.push(await callProbe<number>(page, OPEN_EXPERIMENT, index));
  }
  return times;
}

/**
 * Scrolls the synths grid from the top, `viewports` screens per frame, for at most `maxMs` or to its
 * end; with `slowdown`, the page's main thread runs that many times slower meanwhile.
 */
async function scrollSynths(page: Page, server: ServedApp, viewports: number, maxMs: number, slowdown = 1): Promise<ScrollFigures> {
  await gotoFresh(page, `${server.url}#/synths`);
  await page.locator('[role="grid"][aria-label="Synths"] .data-table__row').first().waitFor({ timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    return await callProbe<ScrollFigures>(page, SCROLL_SYNTHS, { viewports, maxMs });
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

async function treeFigures(page: Page, server: ServedApp, explorationId: string): Promise<{ tree: TreeStats; panZoom: number[] }> {
  await gotoFresh(page, `${server.url}#/explorations/${explorationId}?perf=1`);
  await page.waitForFunction(TREE_DRAWN, undefined, { timeout: 60_000 });
  const tree = (await callProbe<TreeStats | null>(page, TREE_STATS))!;
  const canvas = page.getByRole('application', { name: /Exploration tree/ }).locator('canvas').first();
  const box = (await canvas.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Drag across the canvas, then zoom in and out with the wheel.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  for (let step = 1; step <= 60; step += 1) await page.mouse.move(centre.x + Math.sin(step / 6) * 200, centre.y + step * 3, { steps: 2 });
  await page.mouse.up();
  for (let step = 0; step < 40; step += 1) await page.mouse.wheel(0, step < 20 ? -120 : 120);
  await page.waitForTimeout(300);
  const after = await callProbe<TreeStats | null>(page, TREE_STATS);
  if (after === null) throw new Error('the tree viewer stopped publishing its statistics during pan and zoom');
  return { tree, panZoom: after.frames.slice(tree.frames.length) };
}

function largestExploration(sqlitePath: string): string {
  const db = new Database(sqlitePath, { readonly: true });
  try {
    const row = db.prepare('SELECT exploration_id FROM scenario_nodes GROUP BY exploration_id ORDER BY count(*) DESC LIMIT 1').get() as { exploration_id: string };
    return row.exploration_id;
  } finally {
    db.close();
  }
}

async function measure(engine: string, databaseUrl: string, explorationId: string, scratchDir: string, log: (line: string) => void): Promise<UiFigures> {
  const server = await startServe(databaseUrl, { scratchDir });
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
  try {
    // The app's CSP forbids eval; Playwright's string probes need it (the page's own code does not).
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US', bypassCSP: true });
    await page.addInitScript(MARK_FIRST_EXPERIMENT_ROW);
    log(`  ${engine}: experiments page, ${LOADS + 1} loads`);
    const renders = await firstRenders(page, server);
    log(`  ${engine}: opening ${LOADS} experiments`);
    const opens = await openings(page, server);
    log(`  ${engine}: synths table, end to end`);
    const scroll = await scrollSynths(page, server, 2, SCROLL_LIMIT_MS);
    log(`  ${engine}: synths table, scrolled fast for ${FAST_SCROLL_MS / 1000} s`);
    const fastScroll = await scrollSynths(page, server, FAST_SCROLL_VIEWPORTS, FAST_SCROLL_MS);
    log(`  ${engine}: synths table, two screens per frame for ${HEADROOM_MS / 1000} s, main thread ${HEADROOM_SLOWDOWN}× slower`);
    const slowedScroll = await scrollSynths(page, server, 2, HEADROOM_MS, HEADROOM_SLOWDOWN);
    log(`  ${engine}: exploration tree ${explorationId}`);
    const { tree, panZoom } = await treeFigures(page, server, explorationId);
    return {
      engine,
      firstRender: percentiles(renders.slice(1)),
      firstRenderCold: renders[0]!,
      open: percentiles(opens),
      scroll,
      fastScroll,
      slowedScroll,
      tree,
      panZoomFrames: { ...percentiles(panZoom), max: Math.max(...panZoom) },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const yes = (met: boolean): string => (met ? 'yes' : '**no**');

/** A scroll's frame figures: p50, p95 / max, and whether frames kept to FRAME_MS with a constant DOM (with the late frames and the p95 of each quarter of the run: whether frames slow down as rows accumulate). */
function scrollCells(scroll: ScrollFigures): [string, string, string] {
  const intervals = percentiles(scroll.intervals);
  const late = scroll.intervals.filter((interval) => interval > FRAME_MS * 1.5).length;
  const rows = domRowRange(scroll);
  const quarter = Math.ceil(scroll.intervals.length / 4);
  const byQuarter = [0, 1, 2, 3].map((index) => ms(percentiles(scroll.intervals.slice(index * quarter, (index + 1) * quarter)).p95)).join(' / ');
  return [
    ms(intervals.p50),
    `${ms(intervals.p95)} / ${ms(Math.max(...scroll.intervals))}`,
    `${yes(intervals.p95 <= FRAME_MS * 1.1 && rows.max - rows.min <= 20)} (${late} of ${scroll.intervals.length} frame intervals over ${FRAME_MS * 1.5} ms; p95 by quarter of the run: ${byQuarter})`,
  ];
}

function domRowRange(scroll: ScrollFigures): { min: number; max: number } {
  return { min: Math.min(...scroll.domRows), max: Math.max(...scroll.domRows) };
}

function section(figures: UiFigures): string {
  const { scroll, fastScroll, slowedScroll, tree } = figures;
  const [p50, p95, met] = scrollCells(scroll);
  const [fastP50, fastP95, fastMet] = scrollCells(fastScroll);
  const rows = domRowRange(scroll);
  const fastRows = domRowRange(fastScroll);
  const [slowedP50, slowedP95, slowedMet] = scrollCells(slowedScroll);
  // At 60 frames a second.
  const pxPerSecond = (viewports: number): string => `${Math.round((viewports * scroll.screenPx * 60) / 1000).toLocaleString('en')}k px/s`;
  const treeTotal = tree.layoutMs + tree.drawMs;
  return [
    `### ${figures.engine}`,
    table(
      ['measure', 'p50', 'p95 / max', 'target', 'met'],
      [
        [`experiments page, navigation → first row (${LOADS} warm loads; cold: ${ms(figures.firstRenderCold)})`, ms(figures.firstRender.p50), ms(figures.firstRender.p95), `< ${FIRST_RENDER_MS} ms`, yes(figures.firstRender.p95 < FIRST_RENDER_MS)],
        [`opening an experiment, click → its heading (${LOADS} experiments)`, ms(figures.open.p50), ms(figures.open.p95), `< ${OPEN_MS} ms`, yes(figures.open.p95 < OPEN_MS)],
        [
          `synths table flung end to end, two screens per frame (${pxPerSecond(2)}): ${scroll.loaded.toLocaleString('en')} synths${scroll.reachedEnd ? '' : ' (stopped at the time limit)'} in ${(scroll.elapsedMs / 1000).toFixed(1)} s, ${scroll.intervals.length.toLocaleString('en')} frames (${scroll.waitingFrames} waiting for a page); DOM rows ${rows.min}–${rows.max}`,
          p50,
          p95,
          `frames < ${FRAME_MS} ms, DOM rows constant`,
          met,
        ],
        [
          `synths table scrolled fast for ${FAST_SCROLL_MS / 1000} s, a quarter of a screen per frame (${pxPerSecond(FAST_SCROLL_VIEWPORTS)}, a hard trackpad fling): ${fastScroll.loaded.toLocaleString('en')} synths loaded, ${fastScroll.intervals.length.toLocaleString('en')} frames; DOM rows ${fastRows.min}–${fastRows.max}`,
          fastP50,
          fastP95,
          `frames < ${FRAME_MS} ms, DOM rows constant`,
          fastMet,
        ],
        [
          `headroom: the same two screens per frame for ${HEADROOM_MS / 1000} s with the renderer's main thread ${HEADROOM_SLOWDOWN}× slower (CDP CPU throttling; a machine that much slower or busier): ${slowedScroll.intervals.length.toLocaleString('en')} frames`,
          slowedP50,
          slowedP95,
          `frames < ${FRAME_MS} ms (for reference: the target is the row above)`,
          slowedMet,
        ],
        [
          `${tree.nodeCount.toLocaleString('en')}-node tree: layout ${ms(tree.layoutMs)} + first draw ${ms(tree.drawMs)}; on screen ${tree.firstFrameAt === null ? '?' : ms(tree.firstFrameAt)} after navigation`,
          ms(treeTotal),
          '',
          `< ${TREE_MS} ms`,
          yes(treeTotal < TREE_MS),
        ],
        [
          `tree pan and zoom: ${figures.panZoomFrames.runs} frames drawn`,
          ms(figures.panZoomFrames.p50),
          `${ms(figures.panZoomFrames.p95)} / ${ms(figures.panZoomFrames.max)}`,
          `< ${FRAME_MS} ms`,
          yes(figures.panZoomFrames.p95 < FRAME_MS),
        ],
      ],
    ),
  ].join('\n\n');
}

async function buildRenderer(): Promise<void> {
  await promisify(execFile)('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
}

export const uiSuite: BenchSuite = {
  name: 'ui',
  title: 'UI in Chromium (serve mode)',
  async run({ scale, log }) {
    const loadBefore = loadavg().map((value) => value.toFixed(2)).join(' / ');
    // The UI's figures are the renderer's and the transport's; the engines are compared by the api suite.
    const sqlitePath = await benchSqlite(scale, log);
    log('building the renderer…');
    await buildRenderer();
    const explorationId = largestExploration(sqlitePath);
    const scratchDir = mkdtempSync(join(tmpdir(), 'slb-bench-ui-'));
    const sections: string[] = [];
    try {
      sections.push(section(await measure('SQLite', sqlitePath, explorationId, scratchDir, log)));
    } finally {
      rmSync(scratchDir, { recursive: true, force: true });
    }
    const loadAfter = loadavg().map((value) => value.toFixed(2)).join(' / ');
    return [
      `\`synthlab-browser serve\` on the \`demo --scale ${scale}\` SQLite database, the renderer as \`electron-vite build\` makes it, Debian's Chromium through Playwright (1440×900, headless). Times are the page's own \`performance.now()\`: from navigation start, or from the click. Frames: the intervals between animation frames while the synths grid is scrolled by setting its scrollTop in every frame, two screens per frame end to end, then a quarter of a screen per frame from the top, then two screens per frame again with the page's main thread slowed ${HEADROOM_SLOWDOWN}× (60 Hz is 16.7 ms; a missed frame shows as ~33 ms); the tree viewer's own draw time per frame (\`?perf=1\`). Load average (1/5/15 min) at the start: ${loadBefore}; at the end: ${loadAfter} (a shared 2-core machine, where the browser, the server and the database share the cores).`,
      ...sections,
    ].join('\n\n');
  },
};
