// Exporting transcripts from the UI, in serve mode (downloads) and with a stand-in for the desktop
// app's bridge (files chosen in a "native" dialog, Show in folder, PDF). What arrives is parsed and
// compared with what the page shows and with the API's own answers: a CSV holds every message of
// the transcript on screen, the HTML export opens in Chromium and shows every message, JSONL holds
// one line per transcript of the execution, the search or the picked rows.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Locator, Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test, type AppDriver, type DatabaseKind } from '../support/fixtures';
import type { ServedApp } from '../support/serve';
import { allPages } from '../support/api-pages';
import type { ExportCount } from '../../shared/contract/export';

interface ExecutionRow {
  execId: string;
  experimentId: string | null;
  transcriptCount: number;
}

interface TranscriptRow {
  key: { execId: string; synthId: string };
  synthName: string | null;
}

interface Message {
  index: number;
  role: 'interviewer' | 'synth';
  text: string;
}

interface TranscriptDetail {
  key: { execId: string; synthId: string };
  messages: Message[];
}

/** What the dialog says it exports, in English (export.subject in the screen's messages). */
function whatLine(count: ExportCount): string {
  const { kind, name, execId } = count.subject;
  const lines: Record<ExportCount['subject']['kind'], string> = {
    transcript: `Transcript of ${name}, ${execId}`,
    execution: `Interview ${execId}`,
    experiment: `Experiment ${name}`,
    synth: `Synth ${name}`,
    search: `Search “${name}”`,
    selection: 'Selected transcripts',
    all: 'All transcripts',
  };
  return lines[kind];
}

interface JsonlTranscript {
  execId: string;
  synthId: string;
  messages: Array<{ role: string; text: string }>;
}

/** An execution with at least three transcripts (the selection picks two), and its transcripts. */
async function anExecution(app: AppDriver, server: ServedApp): Promise<{ execution: ExecutionRow; transcripts: TranscriptRow[] }> {
  const executions = await allPages<ExecutionRow>(app, server, 'research.executions', {});
  for (const execution of executions.filter((row) => row.transcriptCount >= 3)) {
    const transcripts = await allPages<TranscriptRow>(app, server, 'research.transcripts', { execId: execution.execId });
    if (transcripts.length >= 3) return { execution, transcripts };
  }
  throw new Error('no execution with three transcripts');
}

/** The transcript with the most messages among the first ones of an execution. */
async function aTranscript(app: AppDriver, server: ServedApp, transcripts: TranscriptRow[]): Promise<TranscriptDetail> {
  let best: TranscriptDetail | null = null;
  for (const row of transcripts.slice(0, 4)) {
    const detail = await app.api<TranscriptDetail>(server, 'research.transcript', row.key);
    if (best === null || detail.messages.length > best.messages.length) best = detail;
  }
  if (best === null || best.messages.length === 0) throw new Error('no transcript with messages');
  return best;
}

const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export transcripts' });

/** Opens the dialog from the page's Export… button and waits for the count. */
async function openExport(page: Page, from: Locator = page.locator('#main')): Promise<Locator> {
  await from.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/^\d[\d,]* transcripts? from \d[\d,]* interviews?$/)).toBeVisible();
  return dialog;
}

/** Picks a format, starts the export and waits for the browser's download and the summary. */
async function download(page: Page, dialog: Locator, format: string): Promise<Download> {
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  const arriving = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await arriving;
  await expect(dialog.getByText(/^Exported \d[\d,]* transcripts?$/)).toBeVisible();
  await expect(dialog.getByText(/The link works only once/)).toBeVisible();
  return file;
}

async function text(file: Download): Promise<string> {
  return readFileSync(await file.path(), 'utf8');
}

function jsonLines(content: string): JsonlTranscript[] {
  return content
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonlTranscript);
}

/** Case- and accent-insensitive, as the app's search reads words. */
function fold(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const unixLines = (value: string): string => value.replace(/\r\n?/g, '\n');

/** "12 transcripts from 3 interviews", as the dialog says it. */
function countText(count: ExportCount): string {
  const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count.transcripts, 'transcript')} from ${plural(count.executions, 'interview')}`;
}

const KINDS: DatabaseKind[] = ['demo-sqlite', 'demo-postgres', 'synthlab-sqlite'];

for (const kind of KINDS) {
  test.describe(`export on ${kind}`, () => {
    test('a transcript exports to CSV holding every message shown, and to HTML that shows every message in Chromium', async ({ app, page }, testInfo) => {
      const server = await app.open(kind);
      const { transcripts } = await anExecution(app, server);
      const transcript = await aTranscript(app, server, transcripts);
      const { execId, synthId } = transcript.key;
      await app.goto(server, `/interviews/${encodeURIComponent(execId)}/transcripts/${encodeURIComponent(synthId)}`);
      await expect(page.locator('.message')).toHaveCount(transcript.messages.length);
      const shownRoles = await page.locator('.message').evaluateAll((items) => items.map((item) => item.getAttribute('data-role')));
      const shownTexts = await page.locator('.message__text').evaluateAll((items) => items.map((item) => item.textContent ?? ''));

      if (kind === 'demo-sqlite') await app.screenshot('export-transcript-page');

      // CSV, marked as UTF-8 for Excel: one row per message, in the order shown.
      let dialog = await openExport(page);
      await expect(dialog.getByText('1 transcript from 1 interview')).toBeVisible();
      await dialog.getByRole('radio', { name: 'CSV', exact: true }).check();
      await dialog.getByRole('checkbox', { name: 'Mark the file as UTF-8 for Excel' }).check();
      const csvFile = await download(page, dialog, 'CSV');
      expect(csvFile.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await text(csvFile);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parse(csv, { bom: true, columns: true, skip_empty_lines: false }) as Array<Record<string, string>>;
      expect(rows.map((row) => row.speaker)).toEqual(shownRoles);
      expect(rows.map((row) => row.text)).toEqual(transcript.messages.map((message) => message.text));
      // What the page shows is the same text (an empty message is shown as a placeholder).
      rows.forEach((row, index) => {
        if ((row.text ?? '').trim() !== '') expect(unixLines(row.text ?? '')).toBe(unixLines(shownTexts[index] ?? ''));
      });
      expect(new Set(rows.map((row) => `${row.exec_id}/${row.synth_id}`))).toEqual(new Set([`${execId}/${synthId}`]));
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      await expect(dialog).toBeHidden();

      // HTML: opened from disk in Chromium, every message is there, in order, with its speaker's role.
      dialog = await openExport(page);
      const htmlFile = await download(page, dialog, 'HTML');
      const htmlPath = testInfo.outputPath(htmlFile.suggestedFilename());
      await htmlFile.saveAs(htmlPath);
      const reader = await page.context().newPage();
      await reader.goto(pathToFileURL(htmlPath).href);
      const messages = reader.locator('article.transcript .message');
      await expect(messages).toHaveCount(transcript.messages.length);
      for (const [index, message] of transcript.messages.entries()) {
        const shown = messages.nth(index);
        await expect(shown).toBeVisible();
        expect(await shown.getAttribute('data-role')).toBe(message.role);
        expect(unixLines((await shown.locator(':scope > .text').textContent()) ?? '')).toBe(unixLines(message.text));
      }
      await reader.close();
    });

    test('an execution, its picked rows and a search export as JSONL with one line per transcript', async ({ app, page }) => {
      const server = await app.open(kind);
      const { execution, transcripts } = await anExecution(app, server);
      await app.goto(server, `/interviews/${encodeURIComponent(execution.execId)}`);

      // The whole execution, from the page's header.
      let dialog = await openExport(page, page.locator('.detail__header'));
      const executionCount = await app.api<ExportCount>(server, 'export.count', { scope: { kind: 'execution', execId: execution.execId } });
      expect(executionCount.transcripts).toBe(transcripts.length);
      await expect(dialog.getByText(whatLine(executionCount))).toBeVisible();
      let lines = jsonLines(await text(await download(page, dialog, 'JSON Lines')));
      expect(lines).toHaveLength(transcripts.length);
      expect(new Set(lines.map((line) => line.synthId))).toEqual(new Set(transcripts.map((row) => row.key.synthId)));
      expect(new Set(lines.map((line) => line.execId))).toEqual(new Set([execution.execId]));
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // Rows picked in the table: a checkbox, then Ctrl-click on another row.
      const grid = page.getByRole('grid', { name: 'Transcripts' });
      const [first, second] = [transcripts[0] as TranscriptRow, transcripts[1] as TranscriptRow];
      await grid.getByRole('checkbox', { name: `Select ${first.synthName ?? first.key.synthId}` }).check();
      await grid.locator('.data-table__row').filter({ hasText: second.synthName ?? second.key.synthId }).first().click({ modifiers: ['ControlOrMeta'] });
      await expect(page).toHaveURL(new RegExp(`/interviews/${encodeURIComponent(execution.execId)}$`));
      await expect(page.getByText('2 transcripts selected')).toBeVisible();
      if (kind === 'demo-sqlite') await app.screenshot('export-execution-selection');
      await page.getByRole('button', { name: 'Export 2 selected' }).click();
      dialog = exportDialog(page);
      await expect(dialog.getByText('2 transcripts from 1 interview')).toBeVisible();
      lines = jsonLines(await text(await download(page, dialog, 'JSON Lines')));
      expect(lines.map((line) => line.synthId).sort()).toEqual([first.key.synthId, second.key.synthId].sort());
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await expect(page.getByText(/transcripts? selected/)).toHaveCount(0);
      // Shift picks a range, from the row picked last.
      const rowBoxes = grid.locator('.data-table__row').getByRole('checkbox');
      await rowBoxes.nth(0).check();
      await rowBoxes.nth(2).click({ modifiers: ['Shift'] });
      await expect(page.getByText('3 transcripts selected')).toBeVisible();
      await page.getByRole('button', { name: 'Clear selection' }).click();

      // A search: every transcript with a matching message, and only those.
      const transcript = await aTranscript(app, server, transcripts);
      const word = transcript.messages.flatMap((message) => message.text.match(/\p{L}{7,}/gu) ?? [])[0] as string;
      await app.goto(server, `/search?q=${encodeURIComponent(word)}`);
      await expect(page.getByText(/^\d[\d,]* results?( so far)?$/)).toBeVisible();
      const searchCount = await app.api<ExportCount>(server, 'export.count', { scope: { kind: 'search', text: word } });
      expect(searchCount.transcripts).toBeGreaterThan(0);
      if (kind === 'demo-sqlite') await app.screenshot('export-search');
      dialog = await openExport(page, page.getByRole('region', { name: 'Search results' }));
      await expect(dialog.getByText(whatLine(searchCount))).toBeVisible();
      lines = jsonLines(await text(await download(page, dialog, 'JSON Lines')));
      expect(lines).toHaveLength(searchCount.transcripts);
      expect(new Set(lines.map((line) => `${line.execId}/${line.synthId}`)).size).toBe(lines.length);
      expect(lines.map((line) => `${line.execId}/${line.synthId}`)).toContain(`${transcript.key.execId}/${transcript.key.synthId}`);
      for (const line of lines) expect(line.messages.some((message) => fold(message.text).includes(fold(word)))).toBe(true);
    });
  });
}

for (const kind of ['demo-sqlite', 'synthlab-sqlite'] as const) {
  test(`on ${kind}, the experiment, synth and Tables pages export what they show`, async ({ app, page }) => {
    const server = await app.open(kind);
    const { execution, transcripts } = await anExecution(app, server);

    // The experiment, from its header: every interview's transcripts.
    if (execution.experimentId !== null) {
      await app.goto(server, `/experiments/${encodeURIComponent(execution.experimentId)}`);
      const count = await app.api<ExportCount>(server, 'export.count', { scope: { kind: 'experiment', experimentId: execution.experimentId } });
      const dialog = await openExport(page, page.locator('.detail__header'));
      await expect(dialog.getByText(whatLine(count))).toBeVisible();
      await expect(dialog.getByText(countText(count))).toBeVisible();
      if (kind === 'demo-sqlite') await app.screenshot('export-experiment');
      const lines = jsonLines(await text(await download(page, dialog, 'JSON Lines')));
      expect(lines).toHaveLength(count.transcripts);
      expect(lines.map((line) => line.execId)).toContain(execution.execId);
      await dialog.getByRole('button', { name: 'Close' }).last().click();
    }

    // A synth's transcripts, from its page's Transcripts section, as one JSON file.
    const synthId = (transcripts[0] as TranscriptRow).key.synthId;
    await app.goto(server, `/synths/${encodeURIComponent(synthId)}`);
    const synthCount = await app.api<ExportCount>(server, 'export.count', { scope: { kind: 'synth', synthId } });
    const section = page.getByRole('region', { name: /^Interview transcripts/ });
    await expect(section.getByRole('button', { name: 'Export…' })).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    if (kind === 'demo-sqlite') await app.screenshot('export-synth');
    let dialog = await openExport(page, section);
    await expect(dialog.getByText(countText(synthCount))).toBeVisible();
    const json = JSON.parse(await text(await download(page, dialog, 'JSON'))) as JsonlTranscript[];
    expect(json).toHaveLength(synthCount.transcripts);
    expect(new Set(json.map((transcript) => transcript.synthId))).toEqual(new Set([synthId]));
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    // The Tables browser's transcripts table: rows picked with their checkboxes.
    await app.goto(server, '/tables/transcripts');
    const grid = page.getByRole('grid', { name: 'Rows of transcripts' });
    const boxes = grid.locator('.data-table__row').getByRole('checkbox', { name: /^Select / });
    await expect(boxes.first()).toBeVisible();
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    const picked = await Promise.all([0, 2].map(async (index) => ((await boxes.nth(index).getAttribute('aria-label')) ?? '').replace(/^Select /, '')));
    await expect(page.getByText('2 transcripts selected')).toBeVisible();
    if (kind === 'demo-sqlite') await app.screenshot('export-tables-selection');
    await page.getByRole('button', { name: 'Export 2 selected' }).click();
    dialog = exportDialog(page);
    await expect(dialog.getByText(/^2 transcripts from [12] interviews?$/)).toBeVisible();
    const lines = jsonLines(await text(await download(page, dialog, 'JSON Lines')));
    expect(lines.map((line) => line.synthId).sort()).toEqual(picked.sort());
  });
}

/**
 * A stalled export for the progress and cancel views: export.transcripts answers with progress
 * events and then waits until the page gives up on it. The rest of the API is the real backend.
 */
const STALLED_EXPORT = `(() => {
  const realFetch = window.fetch.bind(window);
  const stall = { enabled: true, calls: 0, aborted: 0 };
  window.__stalledExport = stall;
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    if (!stall.enabled || !url.endsWith('/api/export.transcripts')) return realFetch(input, init);
    stall.calls += 1;
    const signal = init && init.signal;
    const encoder = new TextEncoder();
    const body = new ReadableStream({
      start(controller) {
        const progress = (data) => controller.enqueue(encoder.encode('event: progress\\ndata: ' + JSON.stringify(data) + '\\n\\n'));
        progress({ id: 'stalled', done: 0, total: 4542, message: 'transcripts' });
        progress({ id: 'stalled', done: 1873, total: 4542, message: 'transcripts', rate: 812.4, etaMs: 3300 });
        if (signal) signal.addEventListener('abort', () => {
          stall.aborted += 1;
          controller.error(new DOMException('The export was cancelled.', 'AbortError'));
        });
      },
    });
    return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }));
  };
})();`;

async function stall(page: Page, enabled: boolean): Promise<void> {
  await page.evaluate(`window.__stalledExport.enabled = ${String(enabled)}`);
}

const DISK_FULL = {
  ok: false,
  error: { code: 'disk_full', message: 'There is no space left on the disk to write the export. Free some space, or choose another disk.' },
};

/** The dialog in each of its states, with screenshots; run in light and in dark. */
async function dialogStates(app: AppDriver, page: Page, suffix: string): Promise<void> {
  await page.addInitScript(STALLED_EXPORT);
  const server = await app.open('demo-sqlite');
  const { execution } = await anExecution(app, server);
  await app.goto(server, `/interviews/${encodeURIComponent(execution.execId)}`);

  // The form: what, format, options; the count arrives after a skeleton. Focus is inside.
  const dialog = await openExport(page, page.locator('.detail__header'));
  await expect(dialog.getByRole('radio', { name: 'Markdown', exact: true })).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'PDF', exact: true })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: 'Markdown folder', exact: true })).toBeDisabled();
  await expect(dialog.getByText('Desktop app only')).toHaveCount(2);
  await dialog.getByRole('radio', { name: 'CSV', exact: true }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Mark the file as UTF-8 for Excel' })).toBeVisible();
  await app.screenshot(`export-dialog-idle${suffix}`);

  // Running: the bar, how many of how many, the rate and the time left; Cancel stops it and nothing is downloaded.
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await dialog.getByRole('button', { name: 'Download' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '1873');
  await expect(bar).toHaveAttribute('aria-valuemax', '4542');
  await expect(dialog.getByText('Exported 1,873 of 4,542 transcripts')).toBeVisible();
  await expect(dialog.getByText('812 transcripts/s · about 4 s left')).toBeVisible();
  // An export in progress is not closed by Esc: Cancel is the way out.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await app.screenshot(`export-dialog-progress${suffix}`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('The export was cancelled')).toBeVisible();
  await expect(dialog.getByText('Nothing was saved.')).toBeVisible();
  expect(await page.evaluate('window.__stalledExport.aborted')).toBe(1);
  await app.screenshot(`export-dialog-cancelled${suffix}`);

  // A failure: in words, with Try again, which then works.
  await stall(page, false);
  await page.route('**/api/export.transcripts', (route) => route.fulfill({ status: 507, contentType: 'application/json', body: JSON.stringify(DISK_FULL) }));
  await dialog.getByRole('button', { name: 'Back to the options' }).click();
  await expect(dialog.getByRole('radio', { name: 'CSV', exact: true })).toBeChecked();
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The disk is full');
  await expect(dialog.getByRole('alert')).toContainText(DISK_FULL.error.message);
  await app.screenshot(`export-dialog-error${suffix}`);
  await page.unroute('**/api/export.transcripts');
  const arriving = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Try again' }).click();
  const file = await arriving;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  await expect(dialog.getByText(/^Exported \d+ transcripts?$/)).toBeVisible();
  await app.screenshot(`export-dialog-done${suffix}`);
  expect(downloads).toBe(1);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.detail__header').getByRole('button', { name: 'Export…' })).toBeFocused();
}

test('the export dialog: form, progress, cancel, error and done', async ({ app, page }) => {
  await dialogStates(app, page, '');
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  test('the export dialog: form, progress, cancel, error and done', async ({ app, page }) => {
    await dialogStates(app, page, '-dark');
  });
});

// ---- the desktop app, with a stand-in for the preload's bridge ----------------------------------

/** `window.synthlab` as the preload defines it, with `send` going to serve mode's HTTP API; the test plays the main process. */
const STAND_IN_BRIDGE = `(() => {
  const commandListeners = new Set();
  const calls = { choose: [], shown: [], printed: [] };
  const answers = { targets: [] };
  window.__desktop = {
    calls,
    answers,
    command(command) {
      for (const listener of [...commandListeners]) listener(command);
    },
  };
  window.synthlab = {
    appVersion: '0.0.0-test',
    platform: 'linux',
    async send(request) {
      const response = await fetch('/api/' + encodeURIComponent(request.method), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(request.params ?? {}),
        credentials: 'same-origin',
      });
      const body = await response.json();
      return body.ok ? { id: request.id, ok: true, result: body.result } : { id: request.id, ok: false, error: body.error };
    },
    cancel() {},
    onCommand(listener) {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    },
    onBackendStatus() {
      return () => undefined;
    },
    backendStatus: () => ({ state: 'ready', generation: 1, warnings: [] }),
    restartBackend: async () => undefined,
    allowWeakSecretStorage: async () => false,
    async chooseExportTarget(request) {
      calls.choose.push(request);
      return answers.targets.length > 0 ? answers.targets.shift() : null;
    },
    showInFolder(path) {
      calls.shown.push(path);
    },
    async printHtmlToPdf(request) {
      calls.printed.push(request);
    },
  };
})();`;

interface BridgeCalls {
  choose: Array<{ format: string; suggestedName: string }>;
  shown: string[];
  printed: Array<{ htmlPath: string; pdfPath: string }>;
}

const bridgeCalls = (page: Page): Promise<BridgeCalls> => page.evaluate('JSON.parse(JSON.stringify(window.__desktop.calls))') as Promise<BridgeCalls>;
const nextTarget = (page: Page, path: string | null): Promise<unknown> => page.evaluate(`window.__desktop.answers.targets.push(${JSON.stringify(path)})`);

test('in the desktop app: the save dialog chooses the file, Show in folder, PDF through the HTML export, and File → Export transcripts…', async ({ app, page }, testInfo) => {
  await page.addInitScript(STAND_IN_BRIDGE);
  const server = await app.open('demo-sqlite');
  const { execution, transcripts } = await anExecution(app, server);
  await app.goto(server, `/interviews/${encodeURIComponent(execution.execId)}`);
  const count = await app.api<ExportCount>(server, 'export.count', { scope: { kind: 'execution', execId: execution.execId } });

  // Every format is offered, PDF and the Markdown folder too.
  let dialog = await openExport(page, page.locator('.detail__header'));
  await expect(dialog.getByText('Desktop app only')).toHaveCount(0);
  await expect(dialog.getByRole('radio', { name: 'PDF', exact: true })).toBeEnabled();

  // Closing the save dialog without a choice returns to the form.
  await dialog.getByRole('radio', { name: 'CSV', exact: true }).check();
  await nextTarget(page, null);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('radio', { name: 'CSV', exact: true })).toBeChecked();
  expect((await bridgeCalls(page)).choose).toEqual([{ format: 'csv', suggestedName: count.suggestedFileNames.csv }]);

  // A chosen file is written there (replacing what was there: the save dialog asked), then shown in its folder.
  const csvPath = testInfo.outputPath('chosen.csv');
  await nextTarget(page, csvPath);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByText(`Exported ${transcripts.length} transcripts`)).toBeVisible();
  await expect(dialog.getByText(csvPath)).toBeVisible();
  await app.screenshot('export-dialog-done-desktop');
  const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Array<Record<string, string>>;
  expect(new Set(rows.map((row) => row.synth_id))).toEqual(new Set(transcripts.map((row) => row.key.synthId)));
  await dialog.getByRole('button', { name: 'Show in folder' }).click();
  expect((await bridgeCalls(page)).shown).toEqual([csvPath]);

  // PDF: the HTML export is written beside the PDF, then the main process prints it.
  await dialog.getByRole('button', { name: 'Export again' }).click();
  await dialog.getByRole('radio', { name: 'PDF', exact: true }).check();
  const pdfPath = join(testInfo.outputPath(), 'report.pdf');
  await nextTarget(page, pdfPath);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByText(`Exported ${transcripts.length} transcripts`)).toBeVisible();
  const calls = await bridgeCalls(page);
  expect(calls.choose.at(-1)).toEqual({ format: 'pdf', suggestedName: count.suggestedFileNames.html?.replace(/\.html$/, '.pdf') });
  const htmlPath = join(testInfo.outputPath(), '.report.pdf.print.html');
  expect(calls.printed).toEqual([{ htmlPath, pdfPath }]);
  expect(existsSync(htmlPath)).toBe(true);
  expect(readFileSync(htmlPath, 'utf8').match(/<article class="transcript"/g)).toHaveLength(transcripts.length);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  // File → Export transcripts…: this page's interview first, everything as the other choice.
  await page.evaluate(`window.__desktop.command({ type: 'export-transcripts' })`);
  dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  const scopes = dialog.getByRole('radiogroup', { name: 'Export' });
  await expect(scopes.getByRole('radio', { name: 'This interview' })).toBeChecked();
  await expect(dialog.getByText(whatLine(count))).toBeVisible();
  await scopes.getByText('Everything').click();
  await expect(scopes.getByRole('radio', { name: 'Everything' })).toBeChecked();
  const everything = await app.api<ExportCount>(server, 'export.count', { scope: { kind: 'all' } });
  await expect(dialog.getByText(whatLine(everything))).toBeVisible();
  await expect(dialog.getByText(new RegExp(`^${everything.transcripts.toLocaleString('en-US')} transcripts from`))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });
  test('the dialog speaks Portuguese', async ({ app, page }) => {
    const server = await app.open('demo-sqlite');
    const { execution } = await anExecution(app, server);
    await app.goto(server, `/interviews/${encodeURIComponent(execution.execId)}`);
    await page.locator('.detail__header').getByRole('button', { name: 'Exportar…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportar transcrições' });
    await expect(dialog.getByText(/^\d+ transcrições de 1 entrevista$/)).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Pasta Markdown', exact: true })).toBeDisabled();
    await app.screenshot('export-dialog-idle-pt-BR');
  });
});
