// What the UI benchmark runs inside the page. Kept as source text: bench/ is compiled for Node
// (no DOM types), and this code only ever runs in Chromium. Each entry is a function expression,
// evaluated by Playwright with its argument.

/**
 * Init script, on every document: the moment (performance.now(), i.e. ms since navigation) the
 * experiments grid shows its first real row (the skeleton has no .data-table__row).
 */
export const MARK_FIRST_EXPERIMENT_ROW = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    if (marks.firstExperimentRow === undefined && document.querySelector('[role="grid"][aria-label="Experiments"] .data-table__row')) {
      marks.firstExperimentRow = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Clicks experiment row `index` and resolves with the ms until its detail page shows its heading. */
export const OPEN_EXPERIMENT = `async (index) => {
  const rows = document.querySelectorAll('[role="grid"][aria-label="Experiments"] .data-table__row');
  const row = rows[index];
  if (!row) throw new Error('no experiment row ' + index);
  const name = row.querySelector('.cell-title').textContent.trim();
  return await new Promise((resolve, reject) => {
    const started = performance.now();
    const shown = () => {
      const heading = document.querySelector('.detail__header h1');
      if (heading === null || heading.textContent.trim() !== name) return false;
      observer.disconnect();
      resolve(performance.now() - started);
      return true;
    };
    const observer = new MutationObserver(shown);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    row.click();
    if (!shown()) setTimeout(() => { observer.disconnect(); reject(new Error('the experiment did not open within 10 s')); }, 10000);
  });
}`;

/**
 * Flings through the synths grid, `viewports` screens per frame, waiting at the loaded end for the
 * next page, until the last synth or `maxMs`. Reports every frame interval, the DOM row count, and
 * the grid's height (a screen, in px).
 */
export const SCROLL_SYNTHS = `async ({ viewports, maxMs }) => {
  const grid = document.querySelector('[role="grid"][aria-label="Synths"]');
  if (!grid) throw new Error('no synths grid');
  const intervals = [];
  const domRows = [];
  let last = performance.now();
  let running = true;
  const tick = (now) => {
    intervals.push(now - last);
    last = now;
    domRows.push(grid.querySelectorAll('.data-table__row').length);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const started = performance.now();
  let waitingFrames = 0;
  while (performance.now() - started < maxMs) {
    const atEnd = grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 2;
    if (atEnd && grid.getAttribute('aria-rowcount') !== '-1') break;
    if (atEnd) waitingFrames += 1;
    else grid.scrollTop += grid.clientHeight * viewports;
    await nextFrame();
  }
  running = false;
  await nextFrame();
  const status = document.querySelector('.data-table__status');
  return {
    intervals,
    domRows,
    waitingFrames,
    elapsedMs: performance.now() - started,
    screenPx: grid.clientHeight,
    reachedEnd: grid.getAttribute('aria-rowcount') !== '-1',
    loaded: Number((status ? status.textContent : '').replace(/[^0-9]/g, '')) || 0,
  };
}`;

/** The tree viewer's ?perf=1 statistics (renderer/src/screens/explorations/tree/perf-stats.ts). */
export const TREE_STATS = `() => {
  const stats = window.__explorationTreeStats;
  return stats ? { nodeCount: stats.nodeCount, layoutMs: stats.layoutMs, drawMs: stats.drawMs, firstFrameAt: stats.firstFrameAt, frames: [...stats.frames] } : null;
}`;

/** An expression (waitForFunction's string form): the tree has drawn its first frame. */
export const TREE_DRAWN = `(window.__explorationTreeStats?.frames.length ?? 0) > 0`;
