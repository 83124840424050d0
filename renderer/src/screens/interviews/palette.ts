// Interview executions in the command palette: by topic or experiment name, or the start of the
// execution id (research.executions' search), the exact id first.
import type { ExecutionRow } from '../../../../shared/contract/research';
import { exactIdThenMatches, PALETTE_LIMIT, type PaletteItem, type PaletteSource } from '../../app/palette';
import { executionTitle } from './labels';

export const executionsPaletteSource: PaletteSource = {
  id: 'executions',
  heading: (t) => t('nav.interviews'),
  minLength: 2,
  search: (client, text, signal) =>
    exactIdThenMatches(
      text,
      async () => item((await client.call('research.execution', { execId: text }, { signal })).execution),
      client
        .call('research.executions', { search: text, limit: PALETTE_LIMIT, includeDeletedExperiments: true }, { signal })
        .then((page) => page.rows.map(item)),
    ),
};

function item(execution: Pick<ExecutionRow, 'execId' | 'topicName' | 'experimentName'>): PaletteItem {
  const { execId, topicName } = execution;
  const title = executionTitle(execution);
  return {
    key: execId,
    title,
    // The id first (it tells two runs of one experiment apart), then the topic when the title is not it.
    subtitle: [execId, topicName !== title ? topicName : null].filter((part) => part !== null).join(' · '),
    target: { to: '/interviews/$execId', params: { execId } },
  };
}
