// synths.get: one synth with every column of its row (those this app does not know in `extra`),
// `data` parsed and normalized, and its group.
import { columnNames, hasColumn, hasTable } from '../../../../shared/capabilities';
import type { ExtraColumnValue, SynthDetail } from '../../../../shared/contract/synths';
import { AppError } from '../../../../shared/errors';
import { toPlainValue, toText } from '../query-support';
import { readJsonCell } from '../json-cells';
import type { ActiveDatabase } from '../session';
import { synthProfile } from './profile';

const KNOWN_COLUMNS = new Set(['id', 'synth_group_id', 'nome', 'descricao', 'link_photo', 'avatar_path', 'created_at', 'version', 'data']);

type Row = Record<string, unknown>;

export async function getSynth(db: ActiveDatabase, id: string): Promise<SynthDetail> {
  const { knex } = db.handle;
  const caps = db.capabilities;
  const columns = columnNames(caps, 'synths');
  const row: Row | undefined = columns.includes('id') ? await knex('synths').select(columns).where('id', id).first() : undefined;
  if (row === undefined) throw new AppError('not_found', `No synth ${id} in this database.`, { id });

  const data = row.data === null || row.data === undefined ? null : readJsonCell(row.data);
  const extra: Record<string, ExtraColumnValue> = {};
  for (const column of columns) if (!KNOWN_COLUMNS.has(column)) extra[column] = extraValue(row[column]);
  const legacyDemografia = extra.demografia?.kind === 'json' && extra.demografia.cell.ok ? extra.demografia.cell.value : undefined;
  const linkPhoto = toText(row.link_photo);

  return {
    id: String(row.id),
    nome: toText(row.nome),
    descricao: toText(row.descricao),
    linkPhoto,
    avatarPath: toText(row.avatar_path),
    createdAt: toText(row.created_at),
    version: toText(row.version),
    data,
    profile: synthProfile({ data: data?.ok ? data.value : undefined, legacyDemografia, linkPhoto }),
    group: await groupOf(db, toText(row.synth_group_id)),
    extra,
  };
}

async function groupOf(db: ActiveDatabase, groupId: string | null): Promise<SynthDetail['group']> {
  if (groupId === null) return null;
  const caps = db.capabilities;
  if (!hasTable(caps, 'synth_groups') || !hasColumn(caps, 'synth_groups', 'id')) return { id: groupId, name: null, description: null };
  const columns = ['name', 'description'].filter((column) => hasColumn(caps, 'synth_groups', column));
  const row: Row | undefined = await db.handle.knex('synth_groups').select(['id', ...columns]).where('id', groupId).first();
  return { id: groupId, name: toText(row?.name), description: toText(row?.description) };
}

/** JSON (a parsed jsonb value, or text that parses as an object or array) as a cell; anything else as plain data. */
function extraValue(value: unknown): ExtraColumnValue {
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return { kind: 'json', cell: { ok: true, value: toPlainValue(value) } };
  }
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    const cell = readJsonCell(value);
    if (cell.ok) return { kind: 'json', cell };
  }
  const plain = toPlainValue(value);
  return { kind: 'scalar', value: typeof plain === 'string' || typeof plain === 'number' || typeof plain === 'boolean' ? plain : plain === null ? null : String(plain) };
}
