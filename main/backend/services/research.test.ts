// research.* on the four kinds of test database, through the dispatcher. Expected values come from
// raw SQL written here or from the fixtures' known content, never from the code under test.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SortDirection } from '../../../shared/contract/paging';
import type { ExecutionRow, TranscriptRow } from '../../../shared/contract/research';
import { openTestDatabase, type TestDatabase, type TestDatabaseKind } from '../test-support/databases';
import { SYNTHLAB_POSTGRES_IDS } from '../test-support/fixtures/synthlab-postgres';
import { prfaqMarkdown, researchSummaryMarkdown, roleInterview, speakerInterview, trickyInterview } from '../test-support/fixtures/synthlab-content';
import { SYNTHLAB_SQLITE_V15_IDS } from '../test-support/fixtures/synthlab-sqlite-v15';
import { describePg } from '../test-support/pg-suite';
import { apiCaller, type ApiCaller } from './experiments/api-caller';

type RawRow = Record<string, unknown>;

async function rawRows(knex: Knex, sql: string, bindings: readonly unknown[] = []): Promise<RawRow[]> {
  const result = (await knex.raw(sql, bindings as Knex.RawBinding[])) as RawRow[] | { rows: RawRow[] };
  return Array.isArray(result) ? result : result.rows;
}

async function allExecutionPages(api: ApiCaller, params: { experimentId?: string; status?: string[]; includeDeletedExperiments?: boolean; order?: SortDirection; search?: string }, limit: number): Promise<ExecutionRow[]> {
  const rows: ExecutionRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 500; page += 1) {
    const result = await api.call('research.executions', { ...params, limit, ...(cursor === undefined ? {} : { cursor }) });
    expect(result.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...result.rows);
    if (result.nextCursor === null) return rows;
    expect(result.rows.length).toBe(limit);
    cursor = result.nextCursor;
  }
  throw new Error('paging did not end');
}

async function allTranscriptPages(api: ApiCaller, execId: string, limit: number): Promise<TranscriptRow[]> {
  const rows: TranscriptRow[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 500; page += 1) {
    const result = await api.call('research.transcripts', { execId, limit, ...(cursor === undefined ? {} : { cursor }) });
    rows.push(...result.rows);
    if (result.nextCursor === null) return rows;
    cursor = result.nextCursor;
  }
  throw new Error('paging did not end');
}

/** Messages as a JSON array, read from the raw cell (PostgreSQL json/jsonb arrive parsed). */
function rawArray(cell: unknown): unknown[] | null {
  const value: unknown = typeof cell === 'string' ? JSON.parse(cell) : cell;
  return Array.isArray(value) ? value : null;
}

function suite(kind: TestDatabaseKind): void {
  let database: TestDatabase;
  let api: ApiCaller;
  let knex: Knex;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    api = apiCaller(database.session);
    knex = database.db.handle.knex;
  });
  afterAll(async () => database?.cleanup());

  async function transcriptCounts(): Promise<Map<string, number>> {
    const rows = await rawRows(knex, 'SELECT exec_id, COUNT(*) AS n FROM transcripts GROUP BY exec_id');
    return new Map(rows.map((row) => [String(row.exec_id), Number(row.n)]));
  }

  /** The execution with the most transcripts. */
  async function busiestExecution(): Promise<string> {
    const rows = await rawRows(knex, 'SELECT exec_id, COUNT(*) AS n FROM transcripts GROUP BY exec_id ORDER BY COUNT(*) DESC, exec_id LIMIT 1');
    return String(rows[0]!.exec_id);
  }

  describe('research.executions', () => {
    it.each(['desc', 'asc'] as const)('pages by started_at %s like raw SQL, hiding soft-deleted experiments, with counts and names', async (order) => {
      const expected = await rawRows(
        knex,
        `SELECT e.exec_id, e.experiment_id, x.name AS experiment_name, e.status FROM research_executions e LEFT JOIN experiments x ON x.id = e.experiment_id
         WHERE x.status IS NULL OR x.status <> 'deleted' ORDER BY e.started_at ${order}, e.exec_id ${order}`,
      );
      const rows = await allExecutionPages(api, { order }, 3);
      expect(rows.map((row) => row.execId)).toEqual(expected.map((row) => String(row.exec_id)));
      expect(rows.map((row) => row.experimentName)).toEqual(expected.map((row) => (row.experiment_name === null ? null : String(row.experiment_name))));
      const counts = await transcriptCounts();
      expect(rows.map((row) => row.transcriptCount)).toEqual(rows.map((row) => counts.get(row.execId) ?? 0));
      expect(rows.map((row) => row.status)).toEqual(expected.map((row) => String(row.status)));
    });

    it('shows executions of deleted experiments when asked', async () => {
      const expected = await rawRows(knex, 'SELECT exec_id FROM research_executions ORDER BY started_at DESC, exec_id DESC');
      const rows = await allExecutionPages(api, { includeDeletedExperiments: true }, 50);
      expect(rows.map((row) => row.execId)).toEqual(expected.map((row) => String(row.exec_id)));
    });

    it('lists one experiment, and filters by status, like raw SQL', async () => {
      const [busiest] = await rawRows(knex, 'SELECT experiment_id FROM research_executions WHERE experiment_id IS NOT NULL GROUP BY experiment_id ORDER BY COUNT(*) DESC, experiment_id LIMIT 1');
      const experimentId = String(busiest!.experiment_id);
      const ofExperiment = await rawRows(knex, 'SELECT exec_id FROM research_executions WHERE experiment_id = ? ORDER BY started_at DESC, exec_id DESC', [experimentId]);
      expect((await allExecutionPages(api, { experimentId }, 2)).map((row) => row.execId)).toEqual(ofExperiment.map((row) => String(row.exec_id)));

      const [common] = await rawRows(knex, 'SELECT status FROM research_executions GROUP BY status ORDER BY COUNT(*) DESC, status LIMIT 1');
      const status = String(common!.status);
      const withStatus = await rawRows(knex, 'SELECT exec_id FROM research_executions WHERE status IN (?, ?) ORDER BY started_at ASC, exec_id ASC', [status, 'no-such-status']);
      const rows = await allExecutionPages(api, { status: [status, 'no-such-status'], includeDeletedExperiments: true, order: 'asc' }, 4);
      expect(rows.map((row) => row.execId)).toEqual(withStatus.map((row) => String(row.exec_id)));
      expect(withStatus.length).toBeGreaterThan(0);
    });

    it('finds executions by the start of their id, or text in their topic or experiment name, case aside, like a plain reading of the rows', async () => {
      const everything = await rawRows(
        knex,
        'SELECT e.exec_id, e.topic_name, x.name AS experiment_name FROM research_executions e LEFT JOIN experiments x ON x.id = e.experiment_id ORDER BY e.started_at DESC, e.exec_id DESC',
      );
      const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).toLowerCase());
      const matching = (search: string): string[] => {
        const needle = search.trim().toLowerCase();
        return everything
          .filter((row) => text(row.exec_id).startsWith(needle) || text(row.topic_name).includes(needle) || text(row.experiment_name).includes(needle))
          .map((row) => String(row.exec_id));
      };
      const found = async (search: string): Promise<string[]> =>
        (await allExecutionPages(api, { search, includeDeletedExperiments: true }, 2)).map((row) => row.execId);

      // A piece of a topic in other case; a piece of an experiment name; an id's first characters.
      const topic = everything.map((row) => text(row.topic_name)).find((name) => /[a-z]{5}/.test(name));
      const experiment = everything.map((row) => text(row.experiment_name)).find((name) => /[a-z]{5}/.test(name));
      const topicPiece = /[a-z]{5}/.exec(topic ?? '')?.[0];
      const experimentPiece = /[a-z]{5}/.exec(experiment ?? '')?.[0];
      const idStart = String(everything[0]!.exec_id).slice(0, 6);
      for (const search of [topicPiece?.toUpperCase(), experimentPiece, ` ${idStart} `].filter((piece) => piece !== undefined)) {
        const expected = matching(search);
        expect(expected.length, search).toBeGreaterThan(0);
        expect(await found(search)).toEqual(expected);
      }
      expect(topicPiece ?? experimentPiece).toBeDefined();
      // LIKE's wildcards are plain characters; the middle of an id is not its start.
      expect(await found('%')).toEqual(matching('%'));
      expect(await found('_')).toEqual(matching('_'));
      const middle = String(everything[0]!.exec_id).slice(3, 9);
      expect(await found(middle)).toEqual(matching(middle));
      // Soft-deleted experiments' executions stay hidden unless asked for.
      const live = await allExecutionPages(api, { search: idStart }, 50);
      expect(live.every((row) => row.experimentStatus !== 'deleted')).toBe(true);
    });

    it('answers an empty page for an experiment without executions, and refuses bad params', async () => {
      expect(await api.call('research.executions', { experimentId: 'exp_nao_existe' })).toEqual({ rows: [], nextCursor: null });
      for (const params of [{ limit: 0 }, { status: [] }, { order: 'newest' }, { experimentId: '' }, { sort: 'name' }, { search: 'x'.repeat(201) }]) {
        expect((await api.fail('research.executions', params)).code).toBe('bad_request');
      }
      const ascending = await api.call('research.executions', { order: 'asc', limit: 1 });
      expect(ascending.nextCursor).not.toBeNull();
      // A cursor made for one order is refused by the other; a damaged one too.
      expect((await api.fail('research.executions', { order: 'desc', cursor: ascending.nextCursor })).code).toBe('bad_request');
      expect((await api.fail('research.executions', { cursor: 'não-é-um-cursor' })).code).toBe('bad_request');
    });
  });

  describe('research.execution', () => {
    it('gives one execution with its transcript statuses and linked documents', async () => {
      const execId = await busiestExecution();
      const detail = await api.call('research.execution', { execId });
      const [raw] = await rawRows(knex, 'SELECT exec_id, topic_name, started_at, completed_at, additional_context, synth_count FROM research_executions WHERE exec_id = ?', [execId]);
      expect(detail.execution).toMatchObject({
        execId,
        topicName: raw!.topic_name,
        startedAt: raw!.started_at,
        completedAt: raw!.completed_at,
        additionalContext: raw!.additional_context,
        synthCount: Number(raw!.synth_count),
      });
      const statuses = await rawRows(knex, 'SELECT status, COUNT(*) AS n FROM transcripts WHERE exec_id = ? GROUP BY status', [execId]);
      expect(new Map(detail.transcriptStatuses.map((s) => [s.status, s.count]))).toEqual(new Map(statuses.map((s) => [String(s.status), Number(s.n)])));
      expect(detail.execution.transcriptCount).toBe(statuses.reduce((sum, s) => sum + Number(s.n), 0));

      const metadataExecId = knex.client.config.client === 'pg' ? `metadata ->> 'exec_id'` : `json_extract(metadata, '$.exec_id')`;
      const bySource = kind === 'synthlab-postgres' ? 'source_id = ? OR ' : '';
      const documents = await rawRows(knex, `SELECT id FROM experiment_documents WHERE ${bySource}${metadataExecId} = ?`, kind === 'synthlab-postgres' ? [execId, execId] : [execId]);
      expect(detail.documents.map((document) => document.id).sort()).toEqual(documents.map((row) => String(row.id)).sort());
    });

    it('says not_found for an unknown execution', async () => {
      const error = await api.fail('research.execution', { execId: 'batch_nao_existe_20260101_000000' });
      expect(error).toMatchObject({ code: 'not_found', message: 'No research execution batch_nao_existe_20260101_000000 in this database.' });
      expect((await api.fail('research.execution', {})).code).toBe('bad_request');
    });
  });

  describe('research.transcripts and research.transcript', () => {
    it('lists an execution’s transcripts by timestamp, paging like raw SQL, with message counts', async () => {
      const execId = await busiestExecution();
      const expected = await rawRows(knex, 'SELECT synth_id, synth_name, status, messages FROM transcripts WHERE exec_id = ? ORDER BY "timestamp", synth_id', [execId]);
      const rows = await allTranscriptPages(api, execId, 2);
      expect(rows.map((row) => row.key)).toEqual(expected.map((row) => ({ execId, synthId: String(row.synth_id) })));
      expect(rows.map((row) => row.synthName)).toEqual(expected.map((row) => String(row.synth_name)));
      expect(rows.map((row) => row.messageCount)).toEqual(expected.map((row) => rawArray(row.messages)?.length ?? null));
    });

    it('reads each transcript by (exec_id, synth_id): normalized messages no more than stored, raw JSON kept', async () => {
      const execId = await busiestExecution();
      const stored = await rawRows(knex, 'SELECT synth_id, messages FROM transcripts WHERE exec_id = ?', [execId]);
      for (const row of stored) {
        const detail = await api.call('research.transcript', { execId, synthId: String(row.synth_id) });
        expect(detail.key).toEqual({ execId, synthId: String(row.synth_id) });
        const entries = rawArray(row.messages) ?? [];
        expect(detail.messages.length).toBeLessThanOrEqual(entries.length);
        expect(detail.messages.every((message) => message.index < entries.length && (message.role === 'interviewer' || message.role === 'synth'))).toBe(true);
        expect(detail.execution?.execId).toBe(execId);
        if (typeof row.messages === 'string') expect(detail.rawJson).toBe(row.messages);
        expect(JSON.parse(detail.rawJson!)).toEqual(typeof row.messages === 'string' ? JSON.parse(row.messages) : row.messages);
      }
    });

    it('says not_found for an unknown transcript or execution, and refuses bad params', async () => {
      const execId = await busiestExecution();
      expect(await api.fail('research.transcript', { execId, synthId: 'zzzzzz' })).toMatchObject({ code: 'not_found' });
      expect(await api.fail('research.transcripts', { execId: 'batch_nao_existe' })).toMatchObject({ code: 'not_found' });
      expect((await api.fail('research.transcript', { execId })).code).toBe('bad_request');
      expect((await api.fail('research.transcript', { execId, synthId: 'x'.repeat(201) })).code).toBe('bad_request');
      expect((await api.fail('research.transcripts', { execId, limit: 501 })).code).toBe('bad_request');
    });
  });

  if (kind === 'synthlab-sqlite') synthlabSqliteChecks(() => api);
  if (kind === 'synthlab-postgres') synthlabPostgresChecks(() => api);
  if (kind === 'demo-sqlite' || kind === 'demo-postgres') demoChecks(() => ({ api, knex }));
}

/** The synth's messages of a fixture interview, as the fixture wrote them (answers unwrapped by hand). */
function expectedSpeakerMessages(messages: ReadonlyArray<{ speaker: string; text: string; internal_notes: string | null }>) {
  return messages.map((message, index) => {
    const wrapped = message.text.startsWith('{') ? (JSON.parse(message.text) as { message: string; internal_notes: string }) : null;
    return {
      index,
      role: message.speaker.toLowerCase() === 'interviewer' ? 'interviewer' : 'synth',
      text: wrapped?.message ?? message.text,
      internalNotes: message.internal_notes ?? wrapped?.internal_notes ?? null,
    };
  });
}

function synthlabSqliteChecks(getApi: () => ApiCaller): void {
  const ids = SYNTHLAB_SQLITE_V15_IDS;
  describe('synth-lab SQLite v15 specifics', () => {
    it('identifies transcripts whose id is NULL by (exec_id, synth_id)', async () => {
      const rows = await allTranscriptPages(getApi(), ids.executions.checkout, 10);
      // Ordered by the timestamp strings as stored (four forms): the generic test checks that order.
      expect(rows.map((row) => row.key.synthId).sort()).toEqual(['b4n8zc', 'k3m9xa', 'p7q2rt', 'w1e5yu']);
      expect(rows.every((row) => row.id === null)).toBe(true);
      const detail = await getApi().call('research.transcript', { execId: ids.executions.checkout, synthId: 'k3m9xa' });
      expect(detail.id).toBeNull();
    });

    it('unwraps JSON-wrapped answers and keeps the agents’ notes', async () => {
      const detail = await getApi().call('research.transcript', { execId: ids.executions.checkout, synthId: 'k3m9xa' });
      const expected = expectedSpeakerMessages(speakerInterview('k3m9xa', 'checkout em um clique', { wrap: true }));
      expect(detail.messages.map(({ index, role, text, internalNotes }) => ({ index, role, text, internalNotes }))).toEqual(expected);
      expect(detail.messages.some((message) => message.text.startsWith('{'))).toBe(false);
      expect(detail.problems).toEqual([]);
      expect(detail.synth).toEqual({ id: 'k3m9xa', nome: 'Maria Aparecida Souza', age: 34, occupation: 'Analista de RH', city: 'Recife', state: 'PE', linkPhoto: 'https://i.pravatar.cc/400?u=k3m9xa' });
      expect(detail.execution).toMatchObject({ execId: ids.executions.checkout, experimentId: ids.experiments.checkout, experimentName: 'Checkout em um clique', maxTurns: 6 });
    });

    it('reads the {role, content} shape', async () => {
      const detail = await getApi().call('research.transcript', { execId: ids.executions.checkout, synthId: 'b4n8zc' });
      const expected = roleInterview('b4n8zc', 'checkout em um clique');
      expect(detail.messages.map((message) => [message.role, message.text])).toEqual(expected.map((message) => [message.role === 'interviewer' ? 'interviewer' : 'synth', message.content]));
    });

    it('keeps a truncated wrapped answer as its raw text, and an empty wrapped answer with its notes', async () => {
      const detail = await getApi().call('research.transcript', { execId: ids.executions.checkout, synthId: 'w1e5yu' });
      const stored = trickyInterview('w1e5yu');
      expect(detail.messages).toHaveLength(stored.length);
      expect(detail.messages[0]!.text).toBe(stored[0]!.text);
      expect(detail.messages[1]).toMatchObject({ role: 'synth', text: '{"message": "Eu acho que sim, mas só se', internalNotes: 'Resposta cortada pelo limite de tokens.' });
      expect(detail.messages[3]).toMatchObject({ role: 'synth', text: '', internalNotes: 'Synth encerrou sem responder.' });
      expect(detail.messages[4]!.text).toBe(stored[4]!.text);
    });

    it('joins the synth when it exists, even with old-era columns only (data NULL)', async () => {
      const detail = await getApi().call('research.transcript', { execId: ids.executions.onboarding, synthId: ids.legacyOnlySynthId });
      expect(detail.synth).toEqual({ id: ids.legacyOnlySynthId, nome: 'Eduardo Santos Nascimento', age: null, occupation: null, city: null, state: null, linkPhoto: expect.any(String) as string });
      // The execution was written after the last checkpoint: it lives in the -wal file.
      expect(detail.execution).toMatchObject({ status: 'generating_summary', experimentName: 'Onboarding guiado' });
    });

    it('shows the legacy summary_content and prfaq_metadata of an execution, and its documents', async () => {
      const detail = await getApi().call('research.execution', { execId: ids.executions.checkout });
      expect(detail.legacy.hasSummaryContent).toBe(true);
      expect(detail.legacy.summaryContent).toBe(researchSummaryMarkdown('Checkout em um clique', 4));
      expect(detail.legacy.hasPrfaqMetadata).toBe(true);
      expect(detail.legacy.prfaq).toHaveLength(1);
      expect(detail.legacy.prfaq[0]).toMatchObject({
        execId: ids.executions.checkout,
        headline: 'Pagar a compra do mês agora leva um toque',
        markdownContent: prfaqMarkdown('Pagar a compra do mês agora leva um toque'),
        status: 'completed',
        validationStatus: 'valid',
        confidenceScore: 0.82,
        faqCount: 2,
        jsonContent: { ok: true, value: { press_release: { headline: 'Pagar a compra do mês agora leva um toque' }, faq: [{ q: 'Posso cancelar?', a: 'Sim.' }] } },
      });
      expect(detail.documents.map((document) => [document.id, document.linkedBy]).sort()).toEqual([
        ['doc_1a2b3c4d', 'metadata.exec_id'],
        ['doc_2b3c4d5e', 'metadata.exec_id'],
      ]);
      expect(detail.transcriptStatuses).toEqual([{ status: 'completed', count: 4 }]);

      const legacy = await getApi().call('research.execution', { execId: ids.executions.legacyTopic });
      expect(legacy.execution).toMatchObject({ experimentId: null, experimentName: null, status: 'failed', topicName: 'compra-recorrente' });
      expect(legacy.legacy.summaryContent).toBeNull();
      expect(legacy.legacy.prfaq).toEqual([expect.objectContaining({ status: 'failed', headline: null, markdownContent: null, jsonContent: null, errorMessage: 'Timeout ao chamar o modelo após 3 tentativas' })]);
      expect(legacy.documents).toEqual([]);
    });

    it('answers an empty page for an execution without transcripts', async () => {
      expect(await getApi().call('research.transcripts', { execId: ids.executions.pending })).toEqual({ rows: [], nextCursor: null });
      const detail = await getApi().call('research.execution', { execId: ids.executions.pending });
      expect(detail.execution).toMatchObject({ transcriptCount: 0, status: 'pending', maxTurns: 20 });
      expect(detail.transcriptStatuses).toEqual([]);
    });

    it('hides the execution of the soft-deleted experiment only when it has one (none here), keeps topic-only executions', async () => {
      const rows = await allExecutionPages(getApi(), {}, 10);
      expect(rows.map((row) => row.execId)).toContain(ids.executions.legacyTopic);
      expect(rows.find((row) => row.execId === ids.executions.legacyTopic)).toMatchObject({ experimentId: null, experimentName: null, experimentStatus: null });
    });
  });
}

function synthlabPostgresChecks(getApi: () => ApiCaller): void {
  const ids = SYNTHLAB_POSTGRES_IDS;
  describe('synth-lab PostgreSQL specifics', () => {
    it('keeps uuid transcript ids and the json column’s text as stored (pretty-printed)', async () => {
      const rows = await allTranscriptPages(getApi(), ids.executions.checkout, 10);
      expect(rows.map((row) => row.id).sort()).toEqual([ids.transcripts.checkoutFirst, ids.transcripts.checkoutSecond, ids.transcripts.checkoutThird].sort());
      const detail = await getApi().call('research.transcript', { execId: ids.executions.checkout, synthId: 'k3m9xa' });
      const stored = speakerInterview('k3m9xa', 'a assinatura com aviso', { wrap: true, turns: 6 });
      expect(detail.rawJson).toBe(JSON.stringify(stored, null, 2));
      expect(detail.messages.map(({ index, role, text, internalNotes }) => ({ index, role, text, internalNotes }))).toEqual(expectedSpeakerMessages(stored));
      expect(detail.id).toBe(ids.transcripts.checkoutFirst);
    });

    it('answers an empty page for an execution without transcripts', async () => {
      expect(await getApi().call('research.transcripts', { execId: ids.executions.failed })).toEqual({ rows: [], nextCursor: null });
      expect((await getApi().call('research.execution', { execId: ids.executions.failed })).execution).toMatchObject({ transcriptCount: 0, failedCount: 5 });
    });

    it('links documents by source_id and by metadata.exec_id; no legacy columns or tables', async () => {
      const detail = await getApi().call('research.execution', { execId: ids.executions.checkout });
      expect(detail.documents.map((document) => [document.id, document.linkedBy]).sort()).toEqual([
        ['doc_0f0e0d0c', 'source_id'],
        [ids.documentLinkedByMetadata, 'metadata.exec_id'],
      ]);
      expect(detail.legacy).toEqual({ hasSummaryContent: false, summaryContent: null, hasPrfaqMetadata: false, prfaq: [] });
      expect(detail.execution).toMatchObject({ experimentName: expect.any(String) as string, experimentStatus: 'active', model: 'gpt-4.1-mini' });
    });
  });
}

function demoChecks(get: () => { api: ApiCaller; knex: Knex }): void {
  describe('demo data specifics', () => {
    it('unwraps the JSON-wrapped texts the demo writes and reads {role, content} transcripts', async () => {
      const { api, knex } = get();
      const rows = await rawRows(knex, 'SELECT exec_id, synth_id, messages FROM transcripts ORDER BY exec_id, synth_id');
      const parsed = rows.map((row) => ({ row, messages: rawArray(row.messages) as Array<Record<string, unknown>> }));
      const wrapped = parsed.find(({ messages }) => messages.some((m) => typeof m.text === 'string' && m.text.startsWith('{"message"') && m.text.endsWith('}')));
      const roleContent = parsed.find(({ messages }) => messages.some((m) => 'content' in m));
      if (wrapped === undefined || roleContent === undefined) throw new Error('the demo has no wrapped or {role, content} transcript');

      const detail = await api.call('research.transcript', { execId: String(wrapped.row.exec_id), synthId: String(wrapped.row.synth_id) });
      wrapped.messages.forEach((message, index) => {
        const text = String(message.text);
        const inner = text.startsWith('{"message"') && text.endsWith('}') ? (JSON.parse(text) as { message: string }) : null;
        expect(detail.messages[index]!.text).toBe(inner?.message ?? text);
      });

      const byRole = await api.call('research.transcript', { execId: String(roleContent.row.exec_id), synthId: String(roleContent.row.synth_id) });
      expect(byRole.messages.map((m) => [m.role, m.text])).toEqual(roleContent.messages.map((m) => [m.role === 'interviewer' ? 'interviewer' : 'synth', m.content]));
    });
  });
}

describe('demo-sqlite', () => suite('demo-sqlite'));
describe('synthlab-sqlite', () => suite('synthlab-sqlite'));
describePg('demo-postgres', () => suite('demo-postgres'));
describePg('synthlab-postgres', () => suite('synthlab-postgres'));

describe('a messages cell that is not JSON at all (a private copy, written around the CHECK as old files were)', () => {
  let database: TestDatabase;
  let api: ApiCaller;
  const broken = '[{"speaker": "Interviewer", "text": "Olá, tudo bem';
  let key: { execId: string; synthId: string };

  beforeAll(async () => {
    database = await openTestDatabase('demo-sqlite');
    api = apiCaller(database.session);
    const knex = database.db.handle.knex;
    const [row] = await rawRows(knex, 'SELECT exec_id, synth_id FROM transcripts ORDER BY exec_id, synth_id LIMIT 1');
    key = { execId: String(row!.exec_id), synthId: String(row!.synth_id) };
    await knex.raw('PRAGMA ignore_check_constraints = ON');
    await knex('transcripts').where({ exec_id: key.execId, synth_id: key.synthId }).update({ messages: broken });
    await knex.raw('PRAGMA ignore_check_constraints = OFF');
    // The template's index was built before the cell broke: start as a database whose index was never built.
    await knex.raw('DELETE FROM search_index_entries');
  });
  afterAll(async () => database?.cleanup());

  it('answers the raw text with a problem instead of failing', async () => {
    const detail = await api.call('research.transcript', key);
    expect(detail.messages).toEqual([]);
    expect(detail.rawJson).toBe(broken);
    expect(detail.problems).toHaveLength(1);
    expect(detail.problems[0]).toMatch(/^The messages are not valid JSON/);
  });

  it('is skipped by the search scan and by search.reindex, which index everything else', async () => {
    const before = await api.call('search.query', { text: 'Olá', execId: key.execId, limit: 500 });
    expect(before.mode).toBe('scan');
    expect(before.rows.length).toBeGreaterThan(0);
    expect(before.rows.some((hit) => hit.kind === 'transcript' && hit.key.synthId === key.synthId)).toBe(false);
    const summary = await api.call('search.reindex', {});
    const [all] = await rawRows(database.db.handle.knex, 'SELECT COUNT(*) AS n FROM transcripts');
    expect(summary.transcripts).toBe(Number(all!.n));
    const after = await api.call('search.query', { text: 'Olá', execId: key.execId, limit: 500 });
    expect(after.mode).toBe('index');
    expect(new Set(after.rows.map((hit) => hit.id))).toEqual(new Set(before.rows.map((hit) => hit.id)));
  });

  it('lists it with no message count', async () => {
    const rows = await allTranscriptPages(api, key.execId, 100);
    expect(rows.find((row) => row.key.synthId === key.synthId)?.messageCount).toBeNull();
    expect(rows.filter((row) => row.key.synthId !== key.synthId).every((row) => row.messageCount !== null && row.messageCount > 0)).toBe(true);
  });
});
