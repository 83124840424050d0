// Interviews on every kind of database: the executions list and its filters, an execution's page,
// and a transcript read as a conversation. What the page shows is compared with the API's own
// answers (research.*): the normalized messages, their speakers, internal notes, find counts.
import { timestampDuration } from '../../shared/timestamps';
import { DATABASE_KINDS, expect, test, type AppDriver } from '../support/fixtures';
import type { ServedApp } from '../support/serve';
import { allPages } from '../support/api-pages';

interface ExecutionRow {
  execId: string;
  experimentId: string | null;
  experimentName: string | null;
  topicName: string | null;
  status: string | null;
  startedAt: string | null;
  completedAt: string | null;
  transcriptCount: number;
}

interface ExecutionDetail {
  execution: ExecutionRow & { additionalContext: string | null; synthCount: number | null; model: string | null };
  documents: Array<{ id: string; type: string | null }>;
  legacy: { summaryContent: string | null; prfaq: Array<{ headline: string | null }> };
}

interface TranscriptRow {
  key: { execId: string; synthId: string };
  synthName: string | null;
}

interface Message {
  index: number;
  role: 'interviewer' | 'synth';
  text: string;
  internalNotes: string | null;
}

interface TranscriptDetail {
  key: { execId: string; synthId: string };
  id: string | null;
  synthName: string | null;
  synth: { nome: string | null } | null;
  messages: Message[];
  rawJson: string | null;
}

/** The transcript with the most internal notes among the first executions (notes make the toggles testable). */
async function richTranscript(app: AppDriver, server: ServedApp, executions: ExecutionRow[]): Promise<TranscriptDetail> {
  let best: TranscriptDetail | null = null;
  for (const execution of executions.filter((row) => row.transcriptCount > 0).slice(0, 4)) {
    const transcripts = await allPages<TranscriptRow>(app, server, 'research.transcripts', { execId: execution.execId });
    for (const row of transcripts.slice(0, 5)) {
      const detail = await app.api<TranscriptDetail>(server, 'research.transcript', row.key);
      const notes = (t: TranscriptDetail) => t.messages.filter((m) => m.internalNotes !== null).length;
      if (best === null || notes(detail) > notes(best)) best = detail;
    }
  }
  if (best === null) throw new Error('no transcript to read');
  return best;
}

/** Case- and accent-insensitive occurrences, counted independently of the app's own code. */
function countOccurrences(texts: string[], needle: string): number {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const folded = fold(needle);
  return texts.reduce((sum, text) => sum + (fold(text).split(folded).length - 1), 0);
}

function titleOf(row: ExecutionRow): string {
  return row.experimentName ?? row.topicName ?? row.execId;
}

for (const kind of DATABASE_KINDS) {
  test.describe(`on ${kind}`, () => {
    test('the executions list shows research.executions; sort and status filter narrow it; a row opens the execution', async ({ app, page }) => {
      const server = await app.open(kind, '/interviews');
      const executions = await allPages<ExecutionRow>(app, server, 'research.executions', {});
      expect(executions.length, `${kind} has interviews`).toBeGreaterThan(0);
      const grid = page.getByRole('grid', { name: 'Interview executions' });
      const rows = grid.locator('.data-table__row');
      const execIds = () => rows.locator('.data-table__cell:last-child').allInnerTexts();

      await expect(rows.first()).toBeVisible();
      await expect(page.locator('.data-table__status')).toHaveText(`${executions.length} interview${executions.length === 1 ? '' : 's'}`);
      expect((await execIds()).slice(0, 8)).toEqual(executions.slice(0, 8).map((row) => row.execId));
      await app.screenshot(`interviews-${kind}`);

      // Oldest first: the header flips the API's order and the address keeps it.
      await grid.getByRole('button', { name: 'Started' }).click();
      await expect(page).toHaveURL(/dir=asc/);
      const ascending = await allPages<ExecutionRow>(app, server, 'research.executions', { order: 'asc' });
      await expect(rows.first().locator('.data-table__cell:last-child')).toHaveText(ascending[0]?.execId ?? '');

      // One status: the list is what the API answers for it.
      const status = executions.find((row) => row.status === 'completed')?.status ?? (executions[0]?.status as string);
      const statusLabel = { completed: 'Completed', failed: 'Failed', pending: 'Pending', running: 'Running', generating_summary: 'Writing summary' }[status] ?? status;
      await page.getByRole('group', { name: 'Show interviews by status' }).getByRole('button', { name: statusLabel, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`status=${status}`));
      const filtered = await allPages<ExecutionRow>(app, server, 'research.executions', { status: [status], order: 'asc' });
      await expect(page.locator('.data-table__status')).toHaveText(`${filtered.length} interview${filtered.length === 1 ? '' : 's'}`);
      await expect(rows.locator('.status-chip')).toHaveText(Array(Math.min(filtered.length, await rows.count())).fill(statusLabel));

      // A row opens its execution page: meta, duration, documents, legacy texts, transcripts.
      const target = filtered.find((row) => row.transcriptCount > 0) ?? (filtered[0] as ExecutionRow);
      await rows.filter({ hasText: target.execId }).click();
      await expect(page).toHaveURL(new RegExp(`#/interviews/${encodeURIComponent(target.execId)}$`));
      const detail = await app.api<ExecutionDetail>(server, 'research.execution', { execId: target.execId });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleOf(detail.execution));
      await expect(page.locator('dt', { hasText: 'Execution id' }).locator('xpath=following-sibling::dd[1]')).toContainText(detail.execution.execId);
      const duration = timestampDuration(detail.execution.startedAt, detail.execution.completedAt);
      const durationCell = page.locator('dt', { hasText: 'Duration' }).locator('xpath=following-sibling::dd[1]');
      if (detail.execution.completedAt === null) await expect(durationCell).toHaveText(/not finished|—/);
      else if (duration !== null && duration.ms < 0) await expect(durationCell).toHaveText('ends before start');
      else if (duration !== null && !duration.comparable) await expect(durationCell).toHaveText(/^≈ /);
      else if (duration !== null) await expect(durationCell).not.toHaveText(/≈|ends before/);
      if (detail.execution.additionalContext) await expect(page.getByText(detail.execution.additionalContext)).toBeVisible();
      await expect(page.locator('.execution-document')).toHaveCount(detail.documents.length);
      const transcripts = await allPages<TranscriptRow>(app, server, 'research.transcripts', { execId: target.execId });
      const transcriptGrid = page.getByRole('grid', { name: 'Transcripts' });
      if (transcripts.length > 0) {
        await expect(transcriptGrid.locator('.data-table__row')).toHaveCount(Math.min(transcripts.length, 20));
        await expect(transcriptGrid.locator('.data-table__row .cell-title').first()).toHaveText(transcripts[0]?.synthName ?? transcripts[0]?.key.synthId ?? '');
      }
      await app.screenshot(`execution-${kind}`);
    });

    test('a transcript reads as the API’s normalized conversation, with notes, find, raw JSON and copy', async ({ app, page, context }) => {
      const server = await app.open(kind, '/interviews');
      const executions = await allPages<ExecutionRow>(app, server, 'research.executions', {});
      const transcript = await richTranscript(app, server, executions);
      const { execId, synthId } = transcript.key;
      const synthName = transcript.synthName ?? transcript.synth?.nome ?? synthId;

      // From the execution page, as a researcher gets there.
      await app.goto(server, `/interviews/${encodeURIComponent(execId)}`);
      await page.getByRole('grid', { name: 'Transcripts' }).locator('.data-table__row', { hasText: synthId }).click();
      await expect(page).toHaveURL(new RegExp(`#/interviews/${encodeURIComponent(execId)}/transcripts/${encodeURIComponent(synthId)}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Interview with ${synthName}`);

      // Every normalized message, in order, with its speaker and unwrapped text.
      const messages = page.locator('.message');
      await expect(messages).toHaveCount(transcript.messages.length);
      expect(await messages.evaluateAll((items) => items.map((item) => item.getAttribute('data-role')))).toEqual(transcript.messages.map((m) => m.role));
      const shownTexts = await page.locator('.message__text').evaluateAll((items) => items.map((item) => item.textContent));
      expect(shownTexts).toEqual(transcript.messages.map((m) => (m.text.trim() === '' ? 'Empty message' : m.text)));
      const speakers = await page.locator('.message__speaker').allInnerTexts();
      expect(speakers).toEqual(transcript.messages.map((m) => (m.role === 'interviewer' ? 'Interviewer' : synthName)));
      await expect(page.locator('dt', { hasText: 'Transcript id' }).locator('xpath=following-sibling::dd[1]')).toHaveText(transcript.id ?? 'none');

      // Internal notes: folded, then one, then all.
      const withNotes = transcript.messages.filter((m) => m.internalNotes !== null);
      await expect(page.locator('.message__notes')).toHaveCount(0);
      if (withNotes.length > 0) {
        const first = withNotes[0] as Message;
        await page.locator(`#message-${first.index}`).getByRole('button', { name: 'Internal notes' }).click();
        await expect(page.locator('.message__notes')).toHaveCount(1);
        await expect(page.locator(`#message-${first.index} .message__notes-text`)).toHaveText(first.internalNotes as string);
        await page.getByRole('button', { name: /^Show (all \d+ internal notes|the internal note)$/ }).click();
        await expect(page.locator('.message__notes')).toHaveCount(withNotes.length);
        expect(await page.locator('.message__notes-text').allInnerTexts()).toEqual(withNotes.map((m) => (m.internalNotes as string).trim()));
        await app.screenshot(`transcript-notes-${kind}`);
        await page.getByRole('button', { name: 'Hide internal notes' }).click();
        await expect(page.locator('.message__notes')).toHaveCount(0);
      } else {
        await expect(page.getByText('No internal notes')).toBeVisible();
      }

      // Find: a word of the synth's, counted across the shown texts ignoring case and accents.
      const words = transcript.messages.filter((m) => m.role === 'synth').flatMap((m) => m.text.match(/\p{L}{6,}/gu) ?? []);
      const word = words[0] ?? (transcript.messages[0]?.text.match(/\p{L}{3,}/u)?.[0] as string);
      const expectedMatches = countOccurrences(transcript.messages.map((m) => m.text), word);
      const find = page.getByRole('searchbox', { name: 'Find in transcript' });
      await page.keyboard.press('Control+f');
      await expect(find).toBeFocused();
      await find.fill(word.toUpperCase());
      await expect(page.locator('mark.find-match')).toHaveCount(expectedMatches);
      await expect(page.locator('.find-bar__count')).toHaveText(`1 of ${expectedMatches}`);
      await expect(page.locator('mark.find-match.is-current')).toBeInViewport();
      if (expectedMatches > 1) {
        await find.press('Enter');
        await expect(page.locator('.find-bar__count')).toHaveText(`2 of ${expectedMatches}`);
        await expect(page.locator('mark.find-match[data-match="1"]')).toHaveClass(/is-current/);
        await find.press('Shift+Enter');
        await expect(page.locator('.find-bar__count')).toHaveText(`1 of ${expectedMatches}`);
      }
      await app.screenshot(`transcript-${kind}`);
      await find.fill('zzqx-nowhere');
      await expect(page.locator('.find-bar__count')).toHaveText('No matches');
      await find.press('Escape');
      await expect(find).toHaveValue('');

      // Copy: the whole conversation as Markdown.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      await page.getByRole('button', { name: 'Copy Markdown' }).click();
      await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
      const copied = await page.evaluate<string>('navigator.clipboard.readText()');
      expect(copied.startsWith(`# Interview with ${synthName}`)).toBe(true);
      for (const message of transcript.messages) {
        const speaker = message.role === 'interviewer' ? 'Interviewer' : synthName;
        expect(copied).toContain(`**${speaker}:** ${message.text.trim() === '' ? '_Empty message_' : message.text}`);
      }

      // Raw JSON: the messages cell as stored.
      await page.getByRole('radiogroup', { name: 'Show as' }).getByText('Raw JSON').click();
      await expect(page.getByRole('radio', { name: 'Raw JSON' })).toBeChecked();
      await expect(page).toHaveURL(/view=raw/);
      await expect(page.locator('.message')).toHaveCount(0);
      if (transcript.rawJson !== null) {
        await page.getByRole('button', { name: 'Raw', exact: true }).click();
        const raw = await page.locator('.json-viewer__raw').textContent();
        expect(JSON.parse(raw ?? 'null')).toEqual(JSON.parse(transcript.rawJson));
      }
      await app.screenshot(`transcript-raw-${kind}`);

      // ?message=N scrolls to that message and marks it.
      const last = transcript.messages.at(-1) as Message;
      await app.goto(server, `/interviews/${encodeURIComponent(execId)}/transcripts/${encodeURIComponent(synthId)}?message=${last.index}`);
      await expect(page.locator(`#message-${last.index}`)).toHaveClass(/is-target/);
      await expect(page.locator(`#message-${last.index} .message__bubble`)).toBeInViewport();
    });
  });
}

test('synth-lab v15 transcripts (NULL ids, {role, content}, JSON-wrapped text) show exactly the API’s messages', async ({ app, page }) => {
  const server = await app.open('synthlab-sqlite', '/interviews');
  const executions = await allPages<ExecutionRow>(app, server, 'research.executions', {});
  let checked = 0;
  for (const execution of executions.filter((row) => row.transcriptCount > 0)) {
    for (const row of await allPages<TranscriptRow>(app, server, 'research.transcripts', { execId: execution.execId })) {
      const detail = await app.api<TranscriptDetail>(server, 'research.transcript', row.key);
      expect(detail.id, 'v15 never filled transcripts.id').toBeNull();
      await app.goto(server, `/interviews/${encodeURIComponent(row.key.execId)}/transcripts/${encodeURIComponent(row.key.synthId)}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Interview with');
      if (detail.messages.length === 0) {
        await expect(page.getByText('This transcript has no messages.')).toBeVisible();
      } else {
        await expect(page.locator('.message')).toHaveCount(detail.messages.length);
        const texts = await page.locator('.message__text').evaluateAll((items) => items.map((item) => item.textContent));
        expect(texts).toEqual(detail.messages.map((m) => (m.text.trim() === '' ? 'Empty message' : m.text)));
        // No JSON envelope survives where the API unwrapped one.
        for (const [index, message] of detail.messages.entries()) {
          if (!message.text.trim().startsWith('{')) expect(texts[index]).not.toMatch(/^\{"message"/);
        }
      }
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(3);
});

test('the legacy summary_content and prfaq_metadata of a v15 execution are rendered', async ({ app, page }) => {
  const server = await app.open('synthlab-sqlite', '/interviews');
  const executions = await allPages<ExecutionRow>(app, server, 'research.executions', {});
  let found = false;
  for (const execution of executions) {
    const detail = await app.api<ExecutionDetail>(server, 'research.execution', { execId: execution.execId });
    if (!detail.legacy.summaryContent?.trim() || detail.legacy.prfaq.length === 0) continue;
    found = true;
    await app.goto(server, `/interviews/${encodeURIComponent(execution.execId)}?section=summary`);
    const summary = page.locator('#execution-summary');
    await expect(summary.getByRole('heading', { name: 'Summary stored with the interview' })).toBeVisible();
    if (detail.legacy.summaryContent.includes('|---')) await expect(summary.locator('table')).toBeVisible();
    await expect(summary).toBeInViewport();
    const prfaq = page.locator('#execution-prfaq');
    for (const entry of detail.legacy.prfaq) if (entry.headline) await expect(prfaq.getByRole('heading', { name: entry.headline, level: 3 })).toBeVisible();
    await app.screenshot('execution-legacy-synthlab-sqlite');
    break;
  }
  expect(found, 'the v15 fixture has an execution with both legacy texts').toBe(true);
});
