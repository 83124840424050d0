// Streams the transcripts of an export plan as ExportTranscript records, with constant memory, in
// batches of at most BATCH_SIZE transcripts: consecutive small executions together in one query,
// an execution larger than a batch alone in keyset batches; within an execution by synth name,
// then synth id. Why batches rather than one cursor (DESIGN.md names stmt.iterate() and pg
// cursors): this app's SQLite pool is one connection, and a better-sqlite3 iterator keeps it busy
// until it is exhausted, so every other call (the UI keeps browsing during an export) would wait or
// fail for the whole export; a batch is one short statement, after which the connection is free,
// and the export can stop between batches. On PostgreSQL the same batches need no transaction held
// open for minutes. Each batch runs as a prepared statement (db/select.ts). Never writes.
import type { Knex } from 'knex';
import { hasColumn, type Capabilities } from '../../../shared/capabilities';
import type { ExportTranscript } from '../../../shared/transcript-export/record';
import { normalizeMessages } from '../../../shared/transcript-messages';
import { storedTextOf } from '../../../shared/transcript-export/stored-text';
import { selectRows } from '../db/select';
import { throwIfCancelled } from '../services/cancellable';
import { columnOrNull, toNumber, toText } from '../services/query-support';
import { messagesTextSql } from '../services/search/sources';
import type { ActiveDatabase } from '../services/session';
import { synthSql } from '../services/synths/facet-sql';
import type { ExportPlan, PlannedExecution } from './plan';

/**
 * Transcripts per query: about a megabyte of messages at synth-lab's 3–15 KB per transcript. A
 * batch stays alive while it is written out; much larger ones (500) outlive young-generation
 * collections and fill the old generation, raising a long export's peak RSS by tens of MB
 * (bench/suites/export.ts); smaller ones only add queries.
 */
export const BATCH_SIZE = 100;

/** A large execution's selected synths go into the query as IN (…) up to this many; beyond, rows are filtered here. */
export const MAX_IN_LIST = 500;

/** Tests lower these to reach batch boundaries and the filtered path on small data. */
export interface ReadOptions {
  batchSize?: number;
  maxInList?: number;
}

type Row = Record<string, unknown>;

interface ReadSql {
  columns: string;
  /** The synth-name sort key (binary order on both engines). */
  nameKey: string;
  synthKey: string;
  joinSynths: boolean;
  joinGroups: boolean;
}

function readSql(caps: Capabilities): ReadSql {
  const t = (name: string): string => columnOrNull(caps, 'transcripts', 't', name);
  const joinSynths = hasColumn(caps, 'synths', 'id');
  const joinGroups = joinSynths && hasColumn(caps, 'synths', 'synth_group_id') && hasColumn(caps, 'synth_groups', 'id');
  const s = joinSynths ? synthSql(caps, 's') : null;
  const synthName = joinSynths ? columnOrNull(caps, 'synths', 's', 'nome') : 'NULL';
  // PostgreSQL sorts text by the database's locale unless told otherwise; "C" is byte order, which
  // is what SQLite's BINARY does with UTF-8: one order on both engines.
  const collate = caps.engine === 'postgres' ? ' COLLATE "C"' : '';
  const nameKey = `(COALESCE(${synthName}, ${t('synth_name')}, '')${collate})`;
  const columns = [
    't.exec_id AS exec_id',
    't.synth_id AS synth_id',
    `${t('id')} AS transcript_id`,
    `${t('status')} AS status`,
    `${t('timestamp')} AS transcript_timestamp`,
    `${t('synth_name')} AS transcript_synth_name`,
    `${messagesTextSql(caps.engine, caps.features.transcriptMessages)} AS messages`,
    `${synthName} AS synth_name`,
    `${s?.fields.age ?? 'NULL'} AS age`,
    `${s?.facets.gender ?? 'NULL'} AS gender`,
    `${s?.fields.occupation ?? 'NULL'} AS occupation`,
    `${s?.fields.city ?? 'NULL'} AS city`,
    `${s?.facets.state ?? 'NULL'} AS state`,
    `${s?.facets.schooling ?? 'NULL'} AS schooling`,
    `${joinGroups ? columnOrNull(caps, 'synth_groups', 'g', 'name') : 'NULL'} AS group_name`,
    `${nameKey} AS name_key`,
  ].join(', ');
  return { columns, nameKey, synthKey: `(t.synth_id${collate})`, joinSynths, joinGroups };
}

const textOf = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : toText(value));

function toRecord(row: Row, execution: PlannedExecution): ExportTranscript {
  const normalized = normalizeMessages(row.messages);
  const synthId = String(row.synth_id);
  return {
    execId: String(row.exec_id),
    synthId,
    transcriptId: textOf(row.transcript_id),
    status: textOf(row.status),
    timestamp: textOf(row.transcript_timestamp) ?? execution.startedAt,
    synth: {
      id: synthId,
      name: textOf(row.synth_name) ?? textOf(row.transcript_synth_name),
      age: toNumber(row.age),
      gender: textOf(row.gender),
      occupation: textOf(row.occupation),
      city: textOf(row.city),
      state: textOf(row.state),
      schooling: textOf(row.schooling),
      groupName: textOf(row.group_name),
    },
    execution: { topicName: execution.topicName, model: execution.model, startedAt: execution.startedAt, completedAt: execution.completedAt },
    experiment: { id: execution.experimentId, name: execution.experimentName },
    messages: normalized.messages,
    problems: normalized.problems,
    storedText: storedTextOf(normalized, row.messages),
  };
}

function transcriptsQuery(knex: Knex, sql: ReadSql): Knex.QueryBuilder {
  const query = knex({ t: 'transcripts' }).select(knex.raw(sql.columns));
  if (sql.joinSynths) query.leftJoin({ s: 'synths' }, 's.id', 't.synth_id');
  if (sql.joinGroups) query.leftJoin({ g: 'synth_groups' }, 'g.id', 's.synth_group_id');
  return query;
}

/** The transcripts of several small executions at once (together at most a batch), by execution, then synth name and id. */
function groupQuery(knex: Knex, sql: ReadSql, execIds: readonly string[], only: { synthId: string | null; keys: Array<[string, string]> | null }): Knex.QueryBuilder {
  const query = transcriptsQuery(knex, sql).whereIn('t.exec_id', execIds);
  if (only.synthId !== null) query.andWhere('t.synth_id', only.synthId);
  if (only.keys !== null) query.whereIn(['t.exec_id', 't.synth_id'], only.keys);
  return query.orderByRaw(`t.exec_id, ${sql.nameKey}, ${sql.synthKey}`);
}

/** One batch of a large execution's transcripts after (nameKey, synthId) = `after`, in that order. */
function keysetQuery(
  knex: Knex,
  sql: ReadSql,
  execId: string,
  only: { synthId: string | null; synths: readonly string[] | null },
  after: [string, string] | null,
  batchSize: number,
): Knex.QueryBuilder {
  const query = transcriptsQuery(knex, sql).where('t.exec_id', execId);
  if (only.synthId !== null) query.andWhere('t.synth_id', only.synthId);
  if (only.synths !== null) query.whereIn('t.synth_id', only.synths);
  if (after !== null) {
    query.andWhereRaw(`(${sql.nameKey} > ? OR (${sql.nameKey} = ? AND ${sql.synthKey} > ?))`, [after[0], after[0], after[1]]);
  }
  return query.orderByRaw(`${sql.nameKey}, ${sql.synthKey}`).limit(batchSize);
}

/**
 * Runs of consecutive executions whose transcripts make at most one batch together (most
 * executions hold 5–20 transcripts: one query per run, not per execution); an execution larger
 * than a batch is a run of its own, read in keyset batches.
 */
function* runsOf(executions: readonly PlannedExecution[], batchSize: number): Generator<PlannedExecution[]> {
  let run: PlannedExecution[] = [];
  let size = 0;
  for (const execution of executions) {
    if (run.length > 0 && size + execution.count > batchSize) {
      yield run;
      run = [];
      size = 0;
    }
    run.push(execution);
    size += execution.count;
  }
  if (run.length > 0) yield run;
}

interface ReadContext {
  knex: Knex;
  sql: ReadSql;
  plan: ExportPlan;
  signal: AbortSignal | undefined;
  batchSize: number;
  maxInList: number;
}

async function* readRun(context: ReadContext, run: readonly PlannedExecution[]): AsyncGenerator<ExportTranscript> {
  const { knex, sql, plan } = context;
  throwIfCancelled(context.signal);
  const keys = plan.keys === null ? null : run.flatMap((execution) => [...(plan.keys?.get(execution.execId) ?? [])].map((synthId): [string, string] => [execution.execId, synthId]));
  const rows = await selectRows<Row>(knex, groupQuery(knex, sql, run.map((execution) => execution.execId), { synthId: plan.synthId, keys }));
  const byExecution = new Map<string, Row[]>();
  for (const row of rows) {
    const execId = String(row.exec_id);
    const list = byExecution.get(execId);
    if (list === undefined) byExecution.set(execId, [row]);
    else list.push(row);
  }
  for (const execution of run) {
    for (const row of byExecution.get(execution.execId) ?? []) yield toRecord(row, execution);
  }
}

async function* readLargeExecution(context: ReadContext, execution: PlannedExecution): AsyncGenerator<ExportTranscript> {
  const { knex, sql, plan, batchSize } = context;
  const selected = plan.keys?.get(execution.execId) ?? null;
  const inList = selected !== null && selected.size <= context.maxInList ? [...selected] : null;
  let after: [string, string] | null = null;
  for (;;) {
    throwIfCancelled(context.signal);
    const rows: Row[] = await selectRows<Row>(knex, keysetQuery(knex, sql, execution.execId, { synthId: plan.synthId, synths: inList }, after, batchSize));
    for (const row of rows) {
      if (selected !== null && !selected.has(String(row.synth_id))) continue;
      yield toRecord(row, execution);
    }
    const last: Row | undefined = rows.at(-1);
    if (rows.length < batchSize || last === undefined) break;
    after = [String(last.name_key), String(last.synth_id)];
  }
}

/** The plan's transcripts in export order; checks the signal before every batch. */
export async function* readTranscripts(db: ActiveDatabase, plan: ExportPlan, signal?: AbortSignal, options: ReadOptions = {}): AsyncGenerator<ExportTranscript> {
  const context: ReadContext = {
    knex: db.handle.knex,
    sql: readSql(db.capabilities),
    plan,
    signal,
    batchSize: options.batchSize ?? BATCH_SIZE,
    maxInList: options.maxInList ?? MAX_IN_LIST,
  };
  for (const run of runsOf(plan.executions, context.batchSize)) {
    if (run.length === 1 && run[0]!.count > context.batchSize) yield* readLargeExecution(context, run[0]!);
    else yield* readRun(context, run);
  }
}
