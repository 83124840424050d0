// Experiments in the command palette: by name or hypothesis (experiments.list's search), and by
// exact id.
import { exactIdThenMatches, PALETTE_LIMIT, type PaletteItem, type PaletteSource } from '../../app/palette';

export const experimentsPaletteSource: PaletteSource = {
  id: 'experiments',
  heading: (t) => t('nav.experiments'),
  minLength: 2,
  search: (client, text, signal) =>
    exactIdThenMatches(
      text,
      async () => {
        const experiment = await client.call('experiments.get', { id: text }, { signal });
        return item(experiment.id, experiment.name, experiment.hypothesis);
      },
      client
        .call('experiments.list', { search: text, limit: PALETTE_LIMIT, includeDeleted: true }, { signal })
        .then((page) => page.rows.map((row) => item(row.id, row.name, row.hypothesis))),
    ),
};

function item(id: string, name: string | null, hypothesis: string | null): PaletteItem {
  return {
    key: id,
    title: name ?? id,
    subtitle: hypothesis ?? id,
    target: { to: '/experiments/$experimentId', params: { experimentId: id } },
  };
}
