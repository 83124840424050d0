// What an export covers, worked out before anything is written: the executions in export order
// with how many of their transcripts are in scope, and the export's title. The plan holds one
// small entry per execution (thousands at most), never transcripts; the reader then streams the
// transcripts execution by execution. Executions come by experiment (name, then id; none last),
// start time, then id: sorted here in JavaScript, so both engines give the same order.
import type { Knex } from 'knex';
import type { z } from 'zod';
import { hasColumn, hasTable, type Capabilities } from '../../../shared/capabilities';
import type { exportScopeSchema, ExportSubject } from '../../../shared/contract/export';
import { AppError } from '../../../shared/errors';
import { compareTimestamps } from '../../../shared/timestamps';
import { selectRows } from '../db/select';
import { throwIfCancelled } from '../services/cancellable';
import { columnOrNull, toNumber, toText } from '../services/query-support';
import type { ActiveDatabase } from '../services/session';
import { addKey, searchTranscriptKeys, type TranscriptKeySet } from './search-keys';

export type ParsedExportScope = z.output<typeof exportScopeSchema>;

export interface PlannedExecution {
  execId: string;
  /** Transcripts of this execution in scope. */
  count: number;
  experimentId: string | null;
  experimentName: string | null;
  topicName: string | null;
  model: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface ExportPlan {
  title: string;
  subject: ExportSubject;
  executions: PlannedExecution[];
  total: number;
  /** Only this synth's transcripts (scopes 'transcript' and 'synth'). */
  synthId: string | null;
  /** Only these synths per execution (scopes 'selection' and 'search'); null: every transcript of each execution. */
  keys: TranscriptKeySet | null;
}

type Row = Record<string, unknown>;

/** Executions per IN (…) list. */
const EXECUTIONS_PER_QUERY = 500;

function transcriptsReadable(caps: Capabilities): boolean {
  return hasColumn(caps, 'transcripts', 'exec_id') && hasColumn(caps, 'transcripts', 'synth_id');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Transcripts per execution for scopes given as a SQL filter on transcripts `t`. */
async function countsByFilter(knex: Knex, filter: (query: Knex.QueryBuilder) => void): Promise<Map<string, number>> {
  const query = knex({ t: 'transcripts' }).select(knex.raw('t.exec_id AS exec_id, COUNT(*) AS n')).groupBy('t.exec_id');
  filter(query);
  const counts = new Map<string, number>();
  for (const row of await selectRows(knex, query)) counts.set(String(row.exec_id), toNumber(row.n) ?? 0);
  return counts;
}

/** Keeps the keys that are transcripts of this database (a selection may be stale, an index entry outdated). */
async function existingKeys(knex: Knex, keys: TranscriptKeySet, signal: AbortSignal | undefined): Promise<TranscriptKeySet> {
  const found: TranscriptKeySet = new Map();
  for (const execIds of chunks([...keys.keys()], EXECUTIONS_PER_QUERY)) {
    throwIfCancelled(signal);
    const rows = await selectRows<{ exec_id: string; synth_id: string }>(knex, knex({ t: 'transcripts' }).select('t.exec_id', 't.synth_id').whereIn('t.exec_id', execIds));
    for (const row of rows) {
      if (keys.get(row.exec_id)?.has(row.synth_id) === true) addKey(found, row.exec_id, row.synth_id);
    }
  }
  return found;
}

/** Execution and experiment fields for these executions (absent rows: transcripts outlive their execution in SQLite files). */
async function executionFields(knex: Knex, caps: Capabilities, execIds: readonly string[]): Promise<Map<string, Row>> {
  const fields = new Map<string, Row>();
  if (!hasColumn(caps, 'research_executions', 'exec_id')) return fields;
  const joinExperiments = hasColumn(caps, 'research_executions', 'experiment_id') && hasColumn(caps, 'experiments', 'id');
  const column = (name: string): string => `${columnOrNull(caps, 'research_executions', 'e', name)} AS ${name}`;
  const columns = [
    'e.exec_id AS exec_id',
    ...['experiment_id', 'topic_name', 'model', 'started_at', 'completed_at'].map(column),
    `${joinExperiments ? columnOrNull(caps, 'experiments', 'x', 'name') : 'NULL'} AS experiment_name`,
  ].join(', ');
  for (const chunk of chunks(execIds, EXECUTIONS_PER_QUERY)) {
    const query = knex({ e: 'research_executions' }).select(knex.raw(columns)).whereIn('e.exec_id', chunk);
    if (joinExperiments) query.leftJoin({ x: 'experiments' }, 'x.id', 'e.experiment_id');
    for (const row of await selectRows(knex, query)) fields.set(String(row.exec_id), row);
  }
  return fields;
}

/** A driver value as the text the database holds (timestamps may arrive as Date from typed columns). */
function textOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return toText(value);
}

const byText = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

export function compareExecutions(a: PlannedExecution, b: PlannedExecution): number {
  const experiment = byText(a.experimentId === null ? null : (a.experimentName ?? ''), b.experimentId === null ? null : (b.experimentName ?? ''));
  if (experiment !== 0) return experiment;
  return (
    byText(a.experimentId, b.experimentId) ||
    compareTimestamps(a.startedAt, b.startedAt) ||
    byText(a.startedAt, b.startedAt) ||
    byText(a.execId, b.execId)
  );
}

async function toPlan(knex: Knex, caps: Capabilities, counts: Map<string, number>): Promise<PlannedExecution[]> {
  const fields = await executionFields(knex, caps, [...counts.keys()]);
  const executions = [...counts].map(([execId, count]): PlannedExecution => {
    const row = fields.get(execId);
    return {
      execId,
      count,
      experimentId: textOf(row?.experiment_id),
      experimentName: textOf(row?.experiment_name),
      topicName: textOf(row?.topic_name),
      model: textOf(row?.model),
      startedAt: textOf(row?.started_at),
      completedAt: textOf(row?.completed_at),
    };
  });
  return executions.sort(compareExecutions);
}

async function rowExists(knex: Knex, caps: Capabilities, table: string, column: string, value: string): Promise<boolean> {
  if (!hasColumn(caps, table, column)) return false;
  return (await selectRows(knex, knex(table).select(column).where(column, value).limit(1))).length > 0;
}

async function nameOf(knex: Knex, caps: Capabilities, table: string, nameColumn: string, id: string): Promise<string | null> {
  if (!hasColumn(caps, table, 'id') || !hasColumn(caps, table, nameColumn)) return null;
  const row = (await selectRows(knex, knex(table).select(knex.raw(`${nameColumn} AS name`)).where('id', id).limit(1)))[0];
  return textOf(row?.name);
}

const quoted = (text: string): string => `“${text.trim()}”`;

export async function planExport(db: ActiveDatabase, scope: ParsedExportScope, signal?: AbortSignal): Promise<ExportPlan> {
  const caps = db.capabilities;
  const { knex } = db.handle;
  const readable = transcriptsReadable(caps);
  const plan = async (
    title: string,
    counts: Map<string, number>,
    extra: Pick<ExportPlan, 'synthId' | 'keys'>,
    named: Pick<ExportSubject, 'name' | 'execId'> = { name: null, execId: null },
  ): Promise<ExportPlan> => {
    throwIfCancelled(signal);
    const executions = await toPlan(knex, caps, counts);
    return { title, subject: { kind: scope.kind, ...named }, executions, total: executions.reduce((sum, e) => sum + e.count, 0), ...extra };
  };
  const byFilter = (filter: (query: Knex.QueryBuilder) => void): Promise<Map<string, number>> =>
    readable ? countsByFilter(knex, filter) : Promise.resolve(new Map());

  switch (scope.kind) {
    case 'transcript': {
      const counts = await byFilter((q) => q.where('t.exec_id', scope.execId).andWhere('t.synth_id', scope.synthId));
      if (counts.size === 0) {
        throw new AppError('not_found', `No transcript of synth ${scope.synthId} in research execution ${scope.execId} in this database.`, {
          execId: scope.execId,
          synthId: scope.synthId,
        });
      }
      const name = (await nameOf(knex, caps, 'synths', 'nome', scope.synthId)) ?? scope.synthId;
      return plan(`Transcript of ${name}, ${scope.execId}`, counts, { synthId: scope.synthId, keys: null }, { name, execId: scope.execId });
    }
    case 'execution': {
      const counts = await byFilter((q) => q.where('t.exec_id', scope.execId));
      if (counts.size === 0 && !(await rowExists(knex, caps, 'research_executions', 'exec_id', scope.execId))) {
        throw new AppError('not_found', `No research execution ${scope.execId} in this database.`, { execId: scope.execId });
      }
      return plan(`Execution ${scope.execId}`, counts, { synthId: null, keys: null }, { name: null, execId: scope.execId });
    }
    case 'experiment': {
      if (!(await rowExists(knex, caps, 'experiments', 'id', scope.experimentId))) {
        throw new AppError('not_found', `No experiment ${scope.experimentId} in this database.`, { experimentId: scope.experimentId });
      }
      const linked = hasColumn(caps, 'research_executions', 'experiment_id');
      const counts = linked
        ? await byFilter((q) => q.whereIn('t.exec_id', knex('research_executions').select('exec_id').where('experiment_id', scope.experimentId)))
        : new Map<string, number>();
      const name = (await nameOf(knex, caps, 'experiments', 'name', scope.experimentId)) ?? scope.experimentId;
      return plan(`Experiment ${name}`, counts, { synthId: null, keys: null }, { name, execId: null });
    }
    case 'synth': {
      const counts = await byFilter((q) => q.where('t.synth_id', scope.synthId));
      const name = await nameOf(knex, caps, 'synths', 'nome', scope.synthId);
      if (counts.size === 0 && name === null && !(await rowExists(knex, caps, 'synths', 'id', scope.synthId))) {
        throw new AppError('not_found', `No synth ${scope.synthId} in this database.`, { synthId: scope.synthId });
      }
      return plan(`Synth ${name ?? scope.synthId}`, counts, { synthId: scope.synthId, keys: null }, { name: name ?? scope.synthId, execId: null });
    }
    case 'search': {
      const found = readable ? await searchTranscriptKeys(knex, caps, scope, signal) : new Map<string, Set<string>>();
      const keys = await existingKeys(knex, found, signal);
      const counts = new Map([...keys].map(([execId, synths]) => [execId, synths.size]));
      return plan(`Search ${quoted(scope.text)}`, counts, { synthId: null, keys }, { name: scope.text.trim(), execId: null });
    }
    case 'selection': {
      const wanted: TranscriptKeySet = new Map();
      for (const key of scope.keys) addKey(wanted, key.execId, key.synthId);
      const keys = readable ? await existingKeys(knex, wanted, signal) : new Map<string, Set<string>>();
      const counts = new Map([...keys].map(([execId, synths]) => [execId, synths.size]));
      if (counts.size === 0) {
        throw new AppError('not_found', `None of the ${scope.keys.length.toLocaleString('en')} selected transcripts is in this database.`, {
          selected: scope.keys.length,
        });
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      return plan(`${total.toLocaleString('en')} selected transcript${total === 1 ? '' : 's'}`, counts, { synthId: null, keys });
    }
    case 'all': {
      const hideDeleted =
        !scope.includeDeletedExperiments &&
        caps.features.experimentSoftDelete &&
        hasColumn(caps, 'research_executions', 'experiment_id') &&
        hasTable(caps, 'experiments');
      const counts = await byFilter((q) => {
        if (hideDeleted) {
          q.whereNotIn('t.exec_id', knex({ e: 'research_executions' }).join({ x: 'experiments' }, 'x.id', 'e.experiment_id').where('x.status', 'deleted').select('e.exec_id'));
        }
      });
      return plan('All transcripts', counts, { synthId: null, keys: null });
    }
  }
}
