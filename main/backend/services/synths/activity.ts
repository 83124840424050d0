// synths.outcomes and synths.transcripts: what happened to one synth across analyses and
// interviews. synth_id has no foreign key in either table, so a synth that is gone still has rows
// (and `synthExists` says so). Keyset pages, newest first; transcripts without their messages.
import type { Knex } from 'knex';
import { hasColumn, hasTable } from '../../../../shared/capabilities';
import type { SynthOutcomePage, SynthOutcomeRow, SynthTranscriptPage, SynthTranscriptRow } from '../../../../shared/contract/synths';
import { applySortKeyset, columnOrNull, nonNullKey, toNumber, toText } from '../query-support';
import { readJsonCell } from '../json-cells';
import { selectFirst, selectRows } from '../../db/select';
import { toPage, type CursorValue, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';

interface PageParams {
  id: string;
  cursor?: string | undefined;
  limit: number;
}

type Row = Record<string, unknown>;

async function synthExists(db: ActiveDatabase, id: string): Promise<boolean> {
  if (!hasTable(db.capabilities, 'synths')) return false;
  const { knex } = db.handle;
  return (await selectFirst(knex, knex('synths').select('id').where('id', id).first())) !== undefined;
}

/**
 * Whether the synth exists, as a column of every page row: a non-empty page needs no query of its
 * own for it (an empty one asks synthExists).
 */
function synthExistsColumn(db: ActiveDatabase, id: string): Knex.Raw {
  const { knex } = db.handle;
  if (!hasTable(db.capabilities, 'synths')) return knex.raw('0 AS synth_exists');
  return knex.raw('(CASE WHEN EXISTS (SELECT 1 FROM synths sx WHERE sx.id = ?) THEN 1 ELSE 0 END) AS synth_exists', [id]);
}

async function synthExistsOf(db: ActiveDatabase, id: string, rows: readonly Row[]): Promise<boolean> {
  const first = rows[0];
  return first === undefined ? synthExists(db, id) : Number(first.synth_exists) === 1;
}

function joinable(db: ActiveDatabase, table: string, ...columns: string[]): boolean {
  return hasTable(db.capabilities, table) && columns.every((column) => hasColumn(db.capabilities, table, column));
}

export async function synthOutcomes(db: ActiveDatabase, params: PageParams): Promise<SynthOutcomePage> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  if (!joinable(db, 'synth_outcomes', 'analysis_id', 'synth_id')) return { rows: [], nextCursor: null, synthExists: await synthExists(db, params.id), available: false };

  const withAnalysis = joinable(db, 'analysis_runs', 'id');
  const withExperiment = withAnalysis && hasColumn(caps, 'analysis_runs', 'experiment_id') && joinable(db, 'experiments', 'id');
  const analysis = (column: string): string => (withAnalysis ? columnOrNull(caps, 'analysis_runs', 'a', column) : 'NULL');
  const startedKey = withAnalysis ? nonNullKey(caps, 'analysis_runs', 'a', 'started_at') : `''`;
  const keys: KeyColumn[] = [
    { expression: startedKey, direction: 'desc' },
    { expression: 'o.analysis_id', direction: 'desc' },
  ];
  const outcome = (column: string): string => columnOrNull(caps, 'synth_outcomes', 'o', column);
  const query: Knex.QueryBuilder = knex('synth_outcomes as o')
    .select(
      knex.raw(
        [
          `${outcome('id')} AS id`,
          'o.analysis_id AS analysis_id',
          `${startedKey} AS sort_key`,
          `${analysis('status')} AS analysis_status`,
          `${analysis('started_at')} AS analysis_started_at`,
          `${analysis('experiment_id')} AS experiment_id`,
          `${withExperiment ? columnOrNull(caps, 'experiments', 'e', 'name') : 'NULL'} AS experiment_name`,
          `${outcome('did_not_try_rate')} AS did_not_try_rate`,
          `${outcome('failed_rate')} AS failed_rate`,
          `${outcome('success_rate')} AS success_rate`,
          `${outcome('synth_attributes')} AS synth_attributes`,
        ].join(', '),
      ),
    )
    .where('o.synth_id', params.id)
    .limit(params.limit + 1);
  if (withAnalysis) query.leftJoin('analysis_runs as a', 'a.id', 'o.analysis_id');
  if (withExperiment) query.leftJoin('experiments as e', 'e.id', 'a.experiment_id');
  applySortKeyset(query, knex, keys, 'outcomes', params.cursor);
  query.select(synthExistsColumn(db, params.id));
  const rows = await selectRows(knex, query);
  const exists = await synthExistsOf(db, params.id, rows);
  const keyOf = (row: Row): CursorValue[] => ['outcomes', toText(row.sort_key), toText(row.analysis_id)];
  return { ...toPage(rows, params.limit, keyOf, toOutcomeRow), synthExists: exists, available: true };
}

function toOutcomeRow(row: Row): SynthOutcomeRow {
  return {
    id: toText(row.id),
    analysisId: String(row.analysis_id),
    analysisStatus: toText(row.analysis_status),
    analysisStartedAt: toText(row.analysis_started_at),
    experimentId: toText(row.experiment_id),
    experimentName: toText(row.experiment_name),
    didNotTryRate: toNumber(row.did_not_try_rate),
    failedRate: toNumber(row.failed_rate),
    successRate: toNumber(row.success_rate),
    synthAttributes: row.synth_attributes === null || row.synth_attributes === undefined ? null : readJsonCell(row.synth_attributes),
  };
}

export async function synthTranscripts(db: ActiveDatabase, params: PageParams): Promise<SynthTranscriptPage> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  if (!joinable(db, 'transcripts', 'exec_id', 'synth_id')) return { rows: [], nextCursor: null, synthExists: await synthExists(db, params.id), available: false };

  const withExecution = joinable(db, 'research_executions', 'exec_id');
  const withExperiment = withExecution && hasColumn(caps, 'research_executions', 'experiment_id') && joinable(db, 'experiments', 'id');
  const execution = (column: string): string => (withExecution ? columnOrNull(caps, 'research_executions', 'r', column) : 'NULL');
  const transcript = (column: string): string => columnOrNull(caps, 'transcripts', 't', column);
  const timestampKey = nonNullKey(caps, 'transcripts', 't', 'timestamp');
  const keys: KeyColumn[] = [
    { expression: timestampKey, direction: 'desc' },
    { expression: 't.exec_id', direction: 'desc' },
  ];
  const query: Knex.QueryBuilder = knex('transcripts as t')
    .select(
      knex.raw(
        [
          `${transcript('id')} AS id`,
          't.exec_id AS exec_id',
          't.synth_id AS synth_id',
          `${timestampKey} AS sort_key`,
          `${transcript('synth_name')} AS synth_name`,
          `${transcript('status')} AS status`,
          `${transcript('turn_count')} AS turn_count`,
          `${transcript('timestamp')} AS timestamp`,
          `${execution('topic_name')} AS topic`,
          `${execution('experiment_id')} AS experiment_id`,
          `${withExperiment ? columnOrNull(caps, 'experiments', 'e', 'name') : 'NULL'} AS experiment_name`,
        ].join(', '),
      ),
    )
    .where('t.synth_id', params.id)
    .limit(params.limit + 1);
  if (withExecution) query.leftJoin('research_executions as r', 'r.exec_id', 't.exec_id');
  if (withExperiment) query.leftJoin('experiments as e', 'e.id', 'r.experiment_id');
  applySortKeyset(query, knex, keys, 'transcripts', params.cursor);
  query.select(synthExistsColumn(db, params.id));
  const rows = await selectRows(knex, query);
  const exists = await synthExistsOf(db, params.id, rows);
  const keyOf = (row: Row): CursorValue[] => ['transcripts', toText(row.sort_key), toText(row.exec_id)];
  return { ...toPage(rows, params.limit, keyOf, toTranscriptRow), synthExists: exists, available: true };
}

function toTranscriptRow(row: Row): SynthTranscriptRow {
  return {
    id: toText(row.id),
    execId: String(row.exec_id),
    synthId: String(row.synth_id),
    synthName: toText(row.synth_name),
    experimentId: toText(row.experiment_id),
    experimentName: toText(row.experiment_name),
    topic: toText(row.topic),
    status: toText(row.status),
    turnCount: toNumber(row.turn_count),
    timestamp: toText(row.timestamp),
  };
}
