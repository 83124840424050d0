// Transcripts of one execution (without their messages) and one transcript in full, identified by
// (exec_id, synth_id): synth-lab's SQLite v15 files never filled transcripts.id.
import type { Knex } from 'knex';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import type { TranscriptDetail, TranscriptKey, TranscriptPage, TranscriptRow, TranscriptSynth } from '../../../../shared/contract/research';
import { AppError } from '../../../../shared/errors';
import { normalizeMessages } from '../../../../shared/transcript-messages';
import { applySortKeyset, checkSortCursor, columnOrNull, nonNullKey, toNumber, toText } from '../query-support';
import { numberAt, parseJsonOr, stringAt } from '../json-cells';
import { selectFirst, selectRows } from '../../db/select';
import { toPage, type CursorValue, type KeyColumn } from '../keyset';
import { messagesTextSql } from '../search/sources';
import type { ActiveDatabase } from '../session';

type Row = Record<string, unknown>;

const SORT_TAG = 'timestamp';

/** Entries of the stored messages array, computed in SQL; NULL when the cell is not a JSON array. */
function messageCountSql(caps: Capabilities): string {
  const storage = caps.features.transcriptMessages;
  if (storage === null) return 'NULL';
  if (caps.engine === 'sqlite') return `(CASE WHEN json_valid(t.messages) AND json_type(t.messages) = 'array' THEN json_array_length(t.messages) END)`;
  if (storage === 'jsonb') return `(CASE WHEN jsonb_typeof(t.messages) = 'array' THEN jsonb_array_length(t.messages) END)`;
  if (storage === 'json') return `(CASE WHEN json_typeof(t.messages) = 'array' THEN json_array_length(t.messages) END)`;
  return 'NULL';
}

function transcriptColumns(caps: Capabilities): string[] {
  const column = (name: string): string => `${columnOrNull(caps, 'transcripts', 't', name)} AS ${name}`;
  return ['t.exec_id AS exec_id', 't.synth_id AS synth_id', column('id'), column('synth_name'), column('status'), column('turn_count'), `${columnOrNull(caps, 'transcripts', 't', 'timestamp')} AS "timestamp"`];
}

function keyOfRow(row: Row): TranscriptKey {
  return { execId: String(row.exec_id), synthId: String(row.synth_id) };
}

async function executionExists(knex: Knex, caps: Capabilities, execId: string): Promise<boolean> {
  if (!hasColumn(caps, 'research_executions', 'exec_id')) return false;
  return (await selectFirst(knex, knex('research_executions').select('exec_id').where('exec_id', execId).first())) !== undefined;
}

export async function listTranscripts(db: ActiveDatabase, params: { execId: string; cursor?: string | undefined; limit: number }): Promise<TranscriptPage> {
  const caps = db.capabilities;
  const { knex } = db.handle;
  checkSortCursor(SORT_TAG, params.cursor, 2);
  const available = hasColumn(caps, 'transcripts', 'exec_id') && hasColumn(caps, 'transcripts', 'synth_id');
  const empty = async (): Promise<TranscriptPage> => {
    // An empty first page: an execution without transcripts, or none at all. (Transcripts whose
    // execution is gone are still listed: synth-lab's SQLite files have no foreign key on exec_id.)
    if (params.cursor === undefined && !(await executionExists(knex, caps, params.execId))) {
      throw new AppError('not_found', `No research execution ${params.execId} in this database.`, { execId: params.execId });
    }
    return { rows: [], nextCursor: null };
  };
  if (!available) return empty();

  const keys: KeyColumn[] = [
    { expression: nonNullKey(caps, 'transcripts', 't', 'timestamp'), direction: 'asc' },
    { expression: 't.synth_id', direction: 'asc' },
  ];
  const query = knex({ t: 'transcripts' })
    .select(knex.raw([...transcriptColumns(caps), `${messageCountSql(caps)} AS message_count`, `${keys[0]!.expression} AS sort_key`].join(', ')))
    .where('t.exec_id', params.execId)
    .limit(params.limit + 1);
  applySortKeyset(query, knex, keys, SORT_TAG, params.cursor);
  const rows = await selectRows(knex, query);
  if (rows.length === 0) return empty();
  const keyOf = (row: Row): CursorValue[] => [SORT_TAG, toText(row.sort_key), String(row.synth_id)];
  return toPage(rows, params.limit, keyOf, (row): TranscriptRow => ({
    key: keyOfRow(row),
    id: toText(row.id),
    synthName: toText(row.synth_name),
    status: toText(row.status),
    turnCount: toNumber(row.turn_count),
    timestamp: toText(row.timestamp),
    messageCount: toNumber(row.message_count),
  }));
}

async function synthOf(knex: Knex, caps: Capabilities, synthId: string): Promise<TranscriptSynth | null> {
  if (!hasColumn(caps, 'synths', 'id')) return null;
  const column = (name: string): string => `${columnOrNull(caps, 'synths', 's', name)} AS ${name}`;
  const data = hasColumn(caps, 'synths', 'data') ? (caps.engine === 'postgres' ? '(s.data)::text' : 's.data') : 'NULL';
  const row = (await knex({ s: 'synths' })
    .select(knex.raw(['s.id AS id', column('nome'), column('link_photo'), `${data} AS data`].join(', ')))
    .where('s.id', synthId)
    .first()) as Row | undefined;
  if (row === undefined) return null;
  const demografia = parseJsonOr(row.data, null);
  return {
    id: String(row.id),
    nome: toText(row.nome),
    age: numberAt(demografia, ['demografia', 'idade']),
    occupation: stringAt(demografia, ['demografia', 'ocupacao']),
    city: stringAt(demografia, ['demografia', 'localizacao', 'cidade']),
    state: stringAt(demografia, ['demografia', 'localizacao', 'estado']),
    linkPhoto: toText(row.link_photo),
  };
}

async function executionOf(knex: Knex, caps: Capabilities, execId: string): Promise<TranscriptDetail['execution']> {
  if (!hasColumn(caps, 'research_executions', 'exec_id')) return null;
  const column = (name: string): string => `${columnOrNull(caps, 'research_executions', 'e', name)} AS ${name}`;
  const joinExperiments = hasColumn(caps, 'research_executions', 'experiment_id') && hasColumn(caps, 'experiments', 'id');
  const query = knex({ e: 'research_executions' })
    .select(
      knex.raw(
        [
          'e.exec_id AS exec_id',
          ...['topic_name', 'status', 'model', 'max_turns', 'started_at', 'completed_at', 'experiment_id'].map(column),
          `${joinExperiments ? columnOrNull(caps, 'experiments', 'x', 'name') : 'NULL'} AS experiment_name`,
        ].join(', '),
      ),
    )
    .where('e.exec_id', execId)
    .first();
  if (joinExperiments) query.leftJoin({ x: 'experiments' }, 'x.id', 'e.experiment_id');
  const row = (await query) as Row | undefined;
  if (row === undefined) return null;
  return {
    execId: String(row.exec_id),
    topicName: toText(row.topic_name),
    status: toText(row.status),
    model: toText(row.model),
    maxTurns: toNumber(row.max_turns),
    startedAt: toText(row.started_at),
    completedAt: toText(row.completed_at),
    experimentId: toText(row.experiment_id),
    experimentName: toText(row.experiment_name),
  };
}

export async function transcriptDetail(db: ActiveDatabase, key: TranscriptKey): Promise<TranscriptDetail> {
  const caps = db.capabilities;
  const { knex } = db.handle;
  const notFound = (): AppError =>
    new AppError('not_found', `No transcript of synth ${key.synthId} in research execution ${key.execId} in this database.`, { ...key });
  if (!hasTable(caps, 'transcripts') || !hasColumn(caps, 'transcripts', 'exec_id') || !hasColumn(caps, 'transcripts', 'synth_id')) throw notFound();
  const row = (await knex({ t: 'transcripts' })
    .select(knex.raw([...transcriptColumns(caps), `${messagesTextSql(caps.engine, caps.features.transcriptMessages)} AS messages`].join(', ')))
    .where({ 't.exec_id': key.execId, 't.synth_id': key.synthId })
    .first()) as Row | undefined;
  if (row === undefined) throw notFound();

  const rawJson = toText(row.messages);
  const normalized = normalizeMessages(rawJson);
  return {
    key: keyOfRow(row),
    id: toText(row.id),
    synthName: toText(row.synth_name),
    status: toText(row.status),
    turnCount: toNumber(row.turn_count),
    timestamp: toText(row.timestamp),
    messages: normalized.messages,
    problems: normalized.problems,
    rawJson,
    synth: await synthOf(knex, caps, key.synthId),
    execution: await executionOf(knex, caps, key.execId),
  };
}
