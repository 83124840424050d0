// research_executions: the keyset list (newest first by default) and one execution in full, on
// every kind of database. Columns a real database lacks read as NULL; transcript counts are
// computed in SQL for the page's rows only.
import type { Knex } from 'knex';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import type { SortDirection } from '../../../../shared/contract/paging';
import type { ExecutionDetail, ExecutionPage, ExecutionRow, PrfaqMetadata } from '../../../../shared/contract/research';
import { AppError } from '../../../../shared/errors';
import { documentsForExecution } from '../documents';
import { applySortKeyset, checkSortCursor, columnOrNull, nonNullKey, toNumber, toText, whereIdOrTextMatches } from '../query-support';
import { readJsonCell } from '../json-cells';
import { selectRows } from '../../db/select';
import { toPage, type CursorValue, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';

type Row = Record<string, unknown>;

export interface ExecutionListParams {
  experimentId?: string | undefined;
  status?: string[] | undefined;
  includeDeletedExperiments: boolean;
  search?: string | undefined;
  order: SortDirection;
  cursor?: string | undefined;
  limit: number;
}

/** Columns of an execution (alias e), NULL where the database lacks them. */
function executionColumns(caps: Capabilities): string[] {
  const column = (name: string): string => `${columnOrNull(caps, 'research_executions', 'e', name)} AS ${name}`;
  return ['e.exec_id AS exec_id', ...['experiment_id', 'topic_name', 'status', 'synth_count', 'successful_count', 'failed_count', 'model', 'max_turns', 'started_at', 'completed_at'].map(column)];
}

function canJoinExperiments(caps: Capabilities): boolean {
  return hasColumn(caps, 'research_executions', 'experiment_id') && hasColumn(caps, 'experiments', 'id');
}

/** Transcripts of the execution in `alias` (a correlated count: index-only on transcripts(exec_id)). */
function transcriptCountSql(caps: Capabilities, alias: string): string {
  return hasColumn(caps, 'transcripts', 'exec_id') ? `(SELECT count(*) FROM transcripts t WHERE t.exec_id = ${alias}.exec_id)` : '0';
}

function toExecutionRow(row: Row): ExecutionRow {
  return {
    execId: String(row.exec_id),
    experimentId: toText(row.experiment_id),
    experimentName: toText(row.experiment_name),
    experimentStatus: toText(row.experiment_status),
    topicName: toText(row.topic_name),
    status: toText(row.status),
    synthCount: toNumber(row.synth_count),
    successfulCount: toNumber(row.successful_count),
    failedCount: toNumber(row.failed_count),
    model: toText(row.model),
    maxTurns: toNumber(row.max_turns),
    startedAt: toText(row.started_at),
    completedAt: toText(row.completed_at),
    transcriptCount: toNumber(row.transcript_count) ?? 0,
  };
}

const sortTag = (order: SortDirection): string => `started_${order}`;

export async function listExecutions(db: ActiveDatabase, params: ExecutionListParams): Promise<ExecutionPage> {
  const caps = db.capabilities;
  const { knex } = db.handle;
  checkSortCursor(sortTag(params.order), params.cursor, 2);
  if (!hasColumn(caps, 'research_executions', 'exec_id')) return { rows: [], nextCursor: null };
  if (params.experimentId !== undefined && !hasColumn(caps, 'research_executions', 'experiment_id')) return { rows: [], nextCursor: null };

  const keys: KeyColumn[] = [
    { expression: nonNullKey(caps, 'research_executions', 'e', 'started_at'), direction: params.order },
    { expression: 'e.exec_id', direction: params.order },
  ];
  // The page's rows with their experiment (one index lookup each, as the walk along the sort index
  // goes); the outer query adds the transcript counts for just those rows.
  const joinExperiments = canJoinExperiments(caps);
  const experimentColumn = (name: string): string => (joinExperiments ? columnOrNull(caps, 'experiments', 'x', name) : 'NULL');
  const page = knex({ e: 'research_executions' })
    .select(
      knex.raw(
        [
          ...executionColumns(caps),
          `${experimentColumn('name')} AS experiment_name`,
          `${experimentColumn('status')} AS experiment_status`,
          `${keys[0]!.expression} AS sort_key`,
        ].join(', '),
      ),
    )
    .limit(params.limit + 1);
  if (joinExperiments) page.leftJoin({ x: 'experiments' }, 'x.id', 'e.experiment_id');
  if (params.experimentId !== undefined) page.where('e.experiment_id', params.experimentId);
  if (params.status !== undefined && hasColumn(caps, 'research_executions', 'status')) page.whereIn('e.status', params.status);
  const hideDeleted = !params.includeDeletedExperiments && params.experimentId === undefined && joinExperiments && caps.features.experimentSoftDelete;
  if (hideDeleted) page.where((alive) => alive.whereNull('x.status').orWhereNot('x.status', 'deleted'));
  const searched = [
    ...(hasColumn(caps, 'research_executions', 'topic_name') ? ['e.topic_name'] : []),
    ...(joinExperiments && hasColumn(caps, 'experiments', 'name') ? ['x.name'] : []),
  ];
  whereIdOrTextMatches(page, caps.engine, params.search, 'e.exec_id', searched);
  applySortKeyset(page, knex, keys, sortTag(params.order), params.cursor);

  const outer = knex
    .select(knex.raw(['p.*', `${transcriptCountSql(caps, 'p')} AS transcript_count`].join(', ')))
    .from(page.as('p'))
    .orderByRaw(`p.sort_key ${params.order}, p.exec_id ${params.order}`);
  const rows = await selectRows(knex, outer);
  const keyOf = (row: Row): CursorValue[] => [sortTag(params.order), toText(row.sort_key), String(row.exec_id)];
  return toPage(rows, params.limit, keyOf, toExecutionRow);
}

async function executionRow(knex: Knex, caps: Capabilities, execId: string): Promise<Row | undefined> {
  const joinExperiments = canJoinExperiments(caps);
  const query = knex({ e: 'research_executions' })
    .select(
      knex.raw(
        [
          ...executionColumns(caps),
          `${columnOrNull(caps, 'research_executions', 'e', 'additional_context')} AS additional_context`,
          `${caps.features.researchSummaryContent ? 'e.summary_content' : 'NULL'} AS summary_content`,
          `${joinExperiments ? columnOrNull(caps, 'experiments', 'x', 'name') : 'NULL'} AS experiment_name`,
          `${joinExperiments ? columnOrNull(caps, 'experiments', 'x', 'status') : 'NULL'} AS experiment_status`,
          `${transcriptCountSql(caps, 'e')} AS transcript_count`,
        ].join(', '),
      ),
    )
    .where('e.exec_id', execId)
    .first();
  if (joinExperiments) query.leftJoin({ x: 'experiments' }, 'x.id', 'e.experiment_id');
  return (await query) as Row | undefined;
}

async function transcriptStatuses(knex: Knex, caps: Capabilities, execId: string): Promise<ExecutionDetail['transcriptStatuses']> {
  if (!hasColumn(caps, 'transcripts', 'exec_id')) return [];
  const status = columnOrNull(caps, 'transcripts', 't', 'status');
  const rows = (await knex({ t: 'transcripts' })
    .select(knex.raw(`${status} AS status, count(*) AS n`))
    .where('t.exec_id', execId)
    .groupByRaw(status === 'NULL' ? '1' : status)) as Row[];
  return rows
    .map((row) => ({ status: toText(row.status), count: toNumber(row.n) ?? 0 }))
    .sort((a, b) => b.count - a.count || String(a.status).localeCompare(String(b.status)));
}

const PRFAQ_COLUMNS = [
  'headline', 'one_liner', 'markdown_content', 'json_content', 'status', 'validation_status', 'confidence_score', 'faq_count', 'model', 'started_at', 'generated_at', 'error_message',
] as const;

async function prfaqRows(knex: Knex, caps: Capabilities, execId: string): Promise<PrfaqMetadata[]> {
  if (!caps.features.prfaqMetadata || !hasColumn(caps, 'prfaq_metadata', 'exec_id')) return [];
  const rows = (await knex({ p: 'prfaq_metadata' })
    .select(knex.raw(['p.exec_id AS exec_id', ...PRFAQ_COLUMNS.map((name) => `${columnOrNull(caps, 'prfaq_metadata', 'p', name)} AS ${name}`)].join(', ')))
    .where('p.exec_id', execId)
    .limit(50)) as Row[];
  return rows.map((row) => ({
    execId: String(row.exec_id),
    headline: toText(row.headline),
    oneLiner: toText(row.one_liner),
    markdownContent: toText(row.markdown_content),
    jsonContent: row.json_content === null || row.json_content === undefined ? null : readJsonCell(row.json_content),
    status: toText(row.status),
    validationStatus: toText(row.validation_status),
    confidenceScore: toNumber(row.confidence_score),
    faqCount: toNumber(row.faq_count),
    model: toText(row.model),
    startedAt: toText(row.started_at),
    generatedAt: toText(row.generated_at),
    errorMessage: toText(row.error_message),
  }));
}

export async function executionDetail(db: ActiveDatabase, execId: string): Promise<ExecutionDetail> {
  const caps = db.capabilities;
  const { knex } = db.handle;
  const row = hasTable(caps, 'research_executions') ? await executionRow(knex, caps, execId) : undefined;
  if (row === undefined) throw new AppError('not_found', `No research execution ${execId} in this database.`, { execId });
  const execution = { ...toExecutionRow(row), additionalContext: toText(row.additional_context) };
  return {
    execution,
    transcriptStatuses: await transcriptStatuses(knex, caps, execId),
    documents: await documentsForExecution(db, execId, { experimentId: execution.experimentId }),
    legacy: {
      hasSummaryContent: caps.features.researchSummaryContent,
      summaryContent: toText(row.summary_content),
      hasPrfaqMetadata: caps.features.prfaqMetadata,
      prfaq: await prfaqRows(knex, caps, execId),
    },
  };
}
