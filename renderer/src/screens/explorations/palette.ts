// Explorations in the command palette: by experiment name, goal or the start of the exploration id
// (explorations.list's search), the exact id first.
import type { ExplorationGoal } from '../../../../shared/contract/explorations';
import { exactIdThenMatches, PALETTE_LIMIT, type PaletteItem, type PaletteSource } from '../../app/palette';

export const explorationsPaletteSource: PaletteSource = {
  id: 'explorations',
  heading: (t) => t('nav.explorations'),
  minLength: 2,
  search: (client, text, signal) =>
    exactIdThenMatches(
      text,
      async () => item(await client.call('explorations.get', { id: text }, { signal })),
      client.call('explorations.list', { search: text, limit: PALETTE_LIMIT, includeDeleted: true }, { signal }).then((page) => page.rows.map(item)),
    ),
};

function item(exploration: { id: string; experimentName: string | null; goal: ExplorationGoal }): PaletteItem {
  return {
    key: exploration.id,
    title: exploration.experimentName ?? exploration.id,
    // The goal as stored ("success_rate >= 0.7"): the palette has no formatters, and it is what was typed.
    subtitle: [goalWords(exploration.goal), exploration.id].filter((part) => part !== '').join(' · '),
    target: { to: '/explorations/$explorationId', params: { explorationId: exploration.id } },
  };
}

function goalWords(goal: ExplorationGoal): string {
  return [goal.metric, goal.operator, goal.value].filter((part) => part !== null).join(' ');
}
