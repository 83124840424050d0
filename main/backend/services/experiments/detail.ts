// experiments.get: one experiment with everything its page shows. Each part reads only what the
// database has (capability map); a missing table gives null, never an error.
import { columnNames, hasColumn, hasTable } from '../../../../shared/capabilities';
import type { ExperimentDetail, ExperimentMaterial, ExperimentTag, InterviewGuide } from '../../../../shared/contract/experiments';
import { AppError } from '../../../../shared/errors';
import { countWhere, findAnalysisRun } from '../analysis/run';
import { readJsonCell } from '../json-cells';
import type { ActiveDatabase } from '../session';
import { parseScorecard } from './scorecard';
import { columnOrNull, toNumber, toPlainValue, toText } from '../query-support';

type Row = Record<string, unknown>;

export function experimentNotFound(id: string): AppError {
  return new AppError('not_found', `No experiment ${id} in this database.`, { id });
}

export async function getExperiment(db: ActiveDatabase, id: string): Promise<ExperimentDetail> {
  const { capabilities } = db;
  if (!hasColumn(capabilities, 'experiments', 'id')) throw experimentNotFound(id);
  const knex = db.handle.knex;
  const row = (await knex('experiments').select(columnNames(capabilities, 'experiments')).where('id', id).first()) as Row | undefined;
  if (row === undefined) throw experimentNotFound(id);

  const scorecardData = row.scorecard_data === null || row.scorecard_data === undefined ? null : readJsonCell(row.scorecard_data);
  const status = toText(row.status);
  const groupId = toText(row.synth_group_id);
  const [interviewGuide, analysis, interviews, transcripts, explorations, documents, synthGroup, tags, materials] = await Promise.all([
    readInterviewGuide(db, id),
    findAnalysisRun(db, { experimentId: id }),
    countWhere(db, 'research_executions', 'experiment_id', id),
    countTranscripts(db, id),
    countWhere(db, 'explorations', 'experiment_id', id),
    countWhere(db, 'experiment_documents', 'experiment_id', id),
    groupId === null ? null : readSynthGroup(db, groupId),
    readTags(db, id),
    readMaterials(db, id),
  ]);
  return {
    id: toText(row.id) ?? id,
    name: toText(row.name),
    hypothesis: toText(row.hypothesis),
    description: toText(row.description),
    status,
    deleted: status === 'deleted',
    createdAt: toText(row.created_at),
    updatedAt: toText(row.updated_at),
    scorecard: scorecardData?.ok ? parseScorecard(scorecardData.value) : null,
    scorecardData,
    interviewGuide,
    analysis,
    counts: { interviews, transcripts, explorations, documents },
    synthGroup,
    tags,
    materials,
    raw: Object.fromEntries(Object.entries(row).map(([key, value]) => [key, toPlainValue(value)])),
  };
}

async function readInterviewGuide(db: ActiveDatabase, experimentId: string): Promise<InterviewGuide | null> {
  const { capabilities } = db;
  if (!hasColumn(capabilities, 'interview_guide', 'experiment_id')) return null;
  const column = (name: string): string => `${columnOrNull(capabilities, 'interview_guide', 'g', name)} AS ${name}`;
  const knex = db.handle.knex;
  const row = (await knex
    .select(knex.raw(['context_definition', 'questions', 'context_examples', 'created_at', 'updated_at'].map(column).join(', ')))
    .from('interview_guide as g')
    .where('g.experiment_id', experimentId)
    .first()) as Row | undefined;
  if (row === undefined) return null;
  return {
    contextDefinition: toText(row.context_definition),
    questions: toText(row.questions),
    contextExamples: toText(row.context_examples),
    createdAt: toText(row.created_at),
    updatedAt: toText(row.updated_at),
  };
}

async function countTranscripts(db: ActiveDatabase, experimentId: string): Promise<number | null> {
  const { capabilities } = db;
  if (!hasColumn(capabilities, 'transcripts', 'exec_id') || !hasColumn(capabilities, 'research_executions', 'experiment_id')) return null;
  const knex = db.handle.knex;
  const row = (await knex('transcripts as t')
    .whereIn('t.exec_id', knex('research_executions as r').select('r.exec_id').where('r.experiment_id', experimentId))
    .count({ n: '*' })
    .first()) as { n: unknown } | undefined;
  return toNumber(row?.n) ?? 0;
}

async function readSynthGroup(db: ActiveDatabase, groupId: string): Promise<ExperimentDetail['synthGroup']> {
  if (!hasColumn(db.capabilities, 'synth_groups', 'name')) return { id: groupId, name: null };
  const row = (await db.handle.knex('synth_groups').select('name').where('id', groupId).first()) as Row | undefined;
  return { id: groupId, name: toText(row?.name) };
}

async function readTags(db: ActiveDatabase, experimentId: string): Promise<ExperimentTag[] | null> {
  const { capabilities } = db;
  if (!hasColumn(capabilities, 'experiment_tags', 'tag_id') || !hasColumn(capabilities, 'tags', 'id')) return null;
  const rows = (await db.handle
    .knex('experiment_tags as et')
    .join('tags as t', 't.id', 'et.tag_id')
    .select(db.handle.knex.raw(`t.id AS id, ${columnOrNull(capabilities, 'tags', 't', 'name')} AS name`))
    .where('et.experiment_id', experimentId)
    .orderByRaw(`${columnOrNull(capabilities, 'tags', 't', 'name')}, t.id`)) as Row[];
  return rows.map((row) => ({ id: toText(row.id) ?? '', name: toText(row.name) }));
}

const MATERIAL_COLUMNS = [
  'file_name',
  'file_type',
  'file_url',
  'thumbnail_url',
  'file_size',
  'mime_type',
  'material_type',
  'description',
  'description_status',
  'display_order',
  'created_at',
] as const;

/** Materials are a handful per experiment; the bound only guards against odd data. */
const MAX_MATERIALS = 500;

async function readMaterials(db: ActiveDatabase, experimentId: string): Promise<ExperimentMaterial[] | null> {
  const { capabilities } = db;
  if (!hasTable(capabilities, 'experiment_materials') || !hasColumn(capabilities, 'experiment_materials', 'experiment_id')) return null;
  const knex = db.handle.knex;
  const column = (name: string): string => columnOrNull(capabilities, 'experiment_materials', 'm', name);
  const rows = (await knex
    .select(knex.raw(['m.id AS id', ...MATERIAL_COLUMNS.map((name) => `${column(name)} AS ${name}`)].join(', ')))
    .from('experiment_materials as m')
    .where('m.experiment_id', experimentId)
    .orderByRaw(`${column('display_order')}, ${column('created_at')}, m.id`)
    .limit(MAX_MATERIALS)) as Row[];
  return rows.map((row) => ({
    id: toText(row.id) ?? '',
    fileName: toText(row.file_name),
    fileType: toText(row.file_type),
    fileUrl: toText(row.file_url),
    thumbnailUrl: toText(row.thumbnail_url),
    fileSize: toNumber(row.file_size),
    mimeType: toText(row.mime_type),
    materialType: toText(row.material_type),
    description: toText(row.description),
    descriptionStatus: toText(row.description_status),
    displayOrder: toNumber(row.display_order),
    createdAt: toText(row.created_at),
  }));
}
