// Reading experiment_documents on every kind of database: columns by name (source_id only in the
// PostgreSQL era), metadata parsed defensively, the markdown's size computed in SQL so lists never
// carry the markdown itself.
import type { Knex } from 'knex';
import { hasColumn, hasTable, type Capabilities } from '../../../../shared/capabilities';
import {
  documentCategory,
  type DocumentDetail,
  type DocumentPage,
  type DocumentSummary,
  type ExecutionDocument,
} from '../../../../shared/contract/documents';
import { AppError } from '../../../../shared/errors';
import { applySortKeyset, columnOrNull, jsonStorageOf, nonNullKey, toNumber, toText } from '../query-support';
import { readJsonCell, stringAt } from '../json-cells';
import { selectFirst, selectRows } from '../../db/select';
import { toPage, type CursorValue, type KeyColumn } from '../keyset';
import type { ActiveDatabase } from '../session';
import { jsonTextSql } from '../sql-json';

/** An execution has a handful of documents; more than this are not shown. */
export const MAX_EXECUTION_DOCUMENTS = 200;

type Row = Record<string, unknown>;
type Caps = Pick<Capabilities, 'tables' | 'engine'>;

function available(caps: Caps): boolean {
  return hasTable(caps, 'experiment_documents') && hasColumn(caps, 'experiment_documents', 'id');
}

function summaryColumns(caps: Caps): string[] {
  const column = (name: string): string => columnOrNull(caps, 'experiment_documents', 'd', name);
  const markdown = column('markdown_content');
  return [
    'd.id AS id',
    `${column('experiment_id')} AS experiment_id`,
    `${column('document_type')} AS document_type`,
    `${column('status')} AS status`,
    `${column('generated_at')} AS generated_at`,
    `${column('model')} AS model`,
    `${markdown === 'NULL' ? 'NULL' : `length(${markdown})`} AS size`,
    `${column('error_message')} AS error_message`,
    `${column('source_id')} AS source_id`,
    `${column('metadata')} AS metadata`,
  ];
}

function newestFirst(caps: Caps): KeyColumn[] {
  return [
    { expression: nonNullKey(caps, 'experiment_documents', 'd', 'generated_at'), direction: 'desc' },
    { expression: 'd.id', direction: 'desc' },
  ];
}

function toSummary(row: Row): DocumentSummary {
  const metadata = row.metadata === null || row.metadata === undefined ? null : readJsonCell(row.metadata);
  const parsed = metadata?.ok ? metadata.value : undefined;
  const type = toText(row.document_type);
  return {
    id: String(row.id),
    experimentId: toText(row.experiment_id),
    type,
    category: documentCategory(type),
    status: toText(row.status),
    generatedAt: toText(row.generated_at),
    model: toText(row.model),
    size: toNumber(row.size),
    errorMessage: toText(row.error_message),
    source: {
      sourceId: toText(row.source_id),
      execId: stringAt(parsed, ['exec_id']),
      explorationId: stringAt(parsed, ['exploration_id']),
      analysisId: stringAt(parsed, ['analysis_id']),
    },
    metadata,
  };
}

async function assertExperimentExists(db: ActiveDatabase, experimentId: string): Promise<void> {
  if (!hasTable(db.capabilities, 'experiments')) return;
  const { knex } = db.handle;
  const found = await selectFirst(knex, knex('experiments').select('id').where('id', experimentId).first());
  if (found === undefined) throw new AppError('not_found', `No experiment ${experimentId} in this database.`, { experimentId });
}

export async function listDocuments(
  db: ActiveDatabase,
  params: { experimentId: string; type?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<DocumentPage> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  if (!available(caps) || !hasColumn(caps, 'experiment_documents', 'experiment_id')) {
    await assertExperimentExists(db, params.experimentId);
    return { rows: [], nextCursor: null, available: available(caps) };
  }

  const query = knex('experiment_documents as d')
    .select(knex.raw(summaryColumns(caps).join(', ')))
    .where('d.experiment_id', params.experimentId)
    .limit(params.limit + 1);
  if (params.type !== undefined) query.where('d.document_type', params.type);
  const keys = newestFirst(caps);
  applySortKeyset(query, knex, keys, 'documents', params.cursor);
  query.select(knex.raw(`${keys[0]!.expression} AS sort_key`));
  // A row of the page proves the experiment exists (the EXISTS keeps documents orphaned in a
  // foreign database from passing for it), so only an empty page looks the experiment up.
  if (hasTable(caps, 'experiments')) query.whereExists(knex('experiments as ex').select(knex.raw('1')).where('ex.id', params.experimentId));
  const rows = await selectRows(knex, query);
  if (rows.length === 0) await assertExperimentExists(db, params.experimentId);
  const keyOf = (row: Row): CursorValue[] => ['documents', toText(row.sort_key), toText(row.id)];
  return { ...toPage(rows, params.limit, keyOf, toSummary), available: true };
}

export async function getDocument(db: ActiveDatabase, id: string): Promise<DocumentDetail> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  if (!available(caps)) throw new AppError('not_found', `No document ${id}: this database has no experiment_documents table.`, { id });
  const withExperiment = hasTable(caps, 'experiments') && hasColumn(caps, 'experiments', 'id') && hasColumn(caps, 'experiment_documents', 'experiment_id');
  const query = knex('experiment_documents as d')
    .select(
      knex.raw(
        [
          ...summaryColumns(caps),
          `${columnOrNull(caps, 'experiment_documents', 'd', 'markdown_content')} AS markdown`,
          `${withExperiment ? columnOrNull(caps, 'experiments', 'e', 'name') : 'NULL'} AS experiment_name`,
        ].join(', '),
      ),
    )
    .where('d.id', id)
    .first();
  if (withExperiment) query.leftJoin('experiments as e', 'e.id', 'd.experiment_id');
  const row: Row | undefined = await query;
  if (row === undefined) throw new AppError('not_found', `No document ${id} in this database.`, { id });
  return { ...toSummary(row), experimentName: toText(row.experiment_name), markdown: toText(row.markdown) };
}

/**
 * The documents of one research execution, newest first: linked by `source_id = execId` where the
 * column exists (PostgreSQL era), or by `metadata.exec_id` (both eras). Pass the execution's
 * experiment when known (it narrows the search to that experiment's documents); otherwise it is
 * looked up in research_executions. Empty when the database has no documents table.
 */
export async function documentsForExecution(
  db: ActiveDatabase,
  execId: string,
  options: { experimentId?: string | null } = {},
): Promise<ExecutionDocument[]> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  if (!available(caps)) return [];

  const experimentId = options.experimentId !== undefined ? options.experimentId : await experimentOf(knex, caps, execId);
  const metadataExecId = hasColumn(caps, 'experiment_documents', 'metadata')
    ? jsonTextSql(caps.engine, 'd.metadata', ['exec_id'], jsonStorageOf(caps, 'experiment_documents', 'metadata'))
    : null;
  const bySource = hasColumn(caps, 'experiment_documents', 'source_id');
  if (metadataExecId === null && !bySource) return [];

  const query = knex('experiment_documents as d')
    .select(knex.raw(summaryColumns(caps).join(', ')))
    .where((link) => {
      if (bySource) link.orWhere('d.source_id', execId);
      if (metadataExecId !== null) link.orWhereRaw(`${metadataExecId} = ?`, [execId]);
    })
    .limit(MAX_EXECUTION_DOCUMENTS);
  if (experimentId !== null && hasColumn(caps, 'experiment_documents', 'experiment_id')) query.where('d.experiment_id', experimentId);
  for (const key of newestFirst(caps)) query.orderByRaw(`${key.expression} ${key.direction}`);
  const rows: Row[] = await query;
  return rows.map((row) => {
    const summary = toSummary(row);
    return { ...summary, linkedBy: summary.source.sourceId === execId ? 'source_id' : 'metadata.exec_id' };
  });
}

async function experimentOf(knex: Knex, caps: Caps, execId: string): Promise<string | null> {
  if (!hasTable(caps, 'research_executions') || !hasColumn(caps, 'research_executions', 'experiment_id')) return null;
  const row: Row | undefined = await knex('research_executions').select('experiment_id').where('exec_id', execId).first();
  return toText(row?.experiment_id);
}
