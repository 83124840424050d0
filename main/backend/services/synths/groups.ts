// synths.groups: every synth group with its synth count. The counts are one GROUP BY over the
// indexed synths.synth_group_id (an index-only scan), merged with the groups table in JS so that
// synths without a group, and synths pointing at a group that does not exist, are counted too.
import { hasColumn, hasTable } from '../../../../shared/capabilities';
import type { SynthGroupList, SynthGroupRow } from '../../../../shared/contract/synths';
import { columnOrNull, nonNullKey, toNumber, toText } from '../query-support';
import { readJsonCell } from '../json-cells';
import type { ActiveDatabase } from '../session';

/** synth-lab targets ~10 teams with a few groups each; a list longer than this is cut (and says so). */
export const MAX_GROUPS = 2000;

type Row = Record<string, unknown>;

export async function listSynthGroups(db: ActiveDatabase): Promise<SynthGroupList> {
  const { knex } = db.handle;
  const caps = db.capabilities;

  const counts = new Map<string | null, number>();
  if (hasTable(caps, 'synths')) {
    const groupColumn = hasColumn(caps, 'synths', 'synth_group_id') ? 'synth_group_id' : null;
    const rows: Row[] =
      groupColumn === null
        ? await knex('synths').select(knex.raw('NULL AS group_id, COUNT(*) AS n'))
        : await knex('synths').select(knex.raw(`${groupColumn} AS group_id, COUNT(*) AS n`)).groupBy(groupColumn);
    for (const row of rows) counts.set(toText(row.group_id), toNumber(row.n) ?? 0);
  }

  const available = hasTable(caps, 'synth_groups') && hasColumn(caps, 'synth_groups', 'id');
  let groups: SynthGroupRow[] = [];
  let truncated = false;
  if (available) {
    const column = (name: string): string => columnOrNull(caps, 'synth_groups', 'g', name);
    const rows: Row[] = await knex('synth_groups as g')
      .select(
        knex.raw(
          [`g.id AS id`, `${column('name')} AS name`, `${column('description')} AS description`, `${column('created_at')} AS created_at`, `${column('config')} AS config`].join(', '),
        ),
      )
      .orderByRaw(`${nonNullKey(caps, 'synth_groups', 'g', 'created_at')} DESC, g.id`)
      .limit(MAX_GROUPS + 1);
    truncated = rows.length > MAX_GROUPS;
    groups = rows.slice(0, MAX_GROUPS).map((row) => ({
      id: String(row.id),
      name: toText(row.name),
      description: toText(row.description),
      createdAt: toText(row.created_at),
      config: hasColumn(caps, 'synth_groups', 'config') && row.config !== null && row.config !== undefined ? readJsonCell(row.config) : null,
      synthCount: counts.get(String(row.id)) ?? 0,
    }));
  }

  const listed = new Set(groups.map((group) => group.id));
  let unknownIds = [...counts.keys()].filter((id): id is string => id !== null && !listed.has(id));
  if (available && truncated && unknownIds.length > 0) {
    // Past the cap, a group missing from the list may still exist: ask for those ids only.
    const existing = new Set<string>();
    for (let start = 0; start < unknownIds.length; start += 500) {
      const found: Row[] = await knex('synth_groups').select('id').whereIn('id', unknownIds.slice(start, start + 500));
      for (const row of found) existing.add(String(row.id));
    }
    unknownIds = unknownIds.filter((id) => !existing.has(id));
  }
  return {
    available,
    groups,
    ungroupedCount: counts.get(null) ?? 0,
    unknownGroups: available ? unknownIds.sort().map((id) => ({ id, synthCount: counts.get(id) ?? 0 })) : [],
    truncated,
  };
}
