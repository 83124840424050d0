// Synths in the command palette: by name or description (synths.list's search) and by exact id.
import { exactIdThenMatches, PALETTE_LIMIT, type PaletteItem, type PaletteSource } from '../../app/palette';

export const synthsPaletteSource: PaletteSource = {
  id: 'synths',
  heading: (t) => t('nav.synths'),
  minLength: 2,
  search: (client, text, signal) =>
    exactIdThenMatches(
      text,
      async () => {
        const synth = await client.call('synths.get', { id: text }, { signal });
        return item(synth.id, synth.nome, null);
      },
      client.call('synths.list', { search: text, limit: PALETTE_LIMIT }, { signal }).then((page) => page.rows.map((row) => item(row.id, row.nome, row.groupName))),
    ),
};

function item(id: string, nome: string | null, group: string | null): PaletteItem {
  return { key: id, title: nome ?? id, subtitle: group ?? id, target: { to: '/synths/$synthId', params: { synthId: id } } };
}
