// Export scopes that screens build from what they show.
import type { ExportScope } from '../../../../shared/contract/export';
import type { SEARCH_SPEAKERS, SearchKind } from '../../../../shared/contract/search';

type SearchSpeaker = (typeof SEARCH_SPEAKERS)[number];

/** search.query's params as the Search screen sends them. */
interface SearchQueryParams {
  text: string;
  experimentId?: string;
  execId?: string;
  speaker?: SearchSpeaker;
  kind?: SearchKind;
}

/** The transcripts a search finds, with its filters; null when it only looks in documents. */
export function searchExportScope({ text, experimentId, execId, speaker, kind }: SearchQueryParams): ExportScope | null {
  if (kind === 'document') return null;
  return {
    kind: 'search',
    text,
    ...(experimentId === undefined ? {} : { experimentId }),
    ...(execId === undefined ? {} : { execId }),
    ...(speaker === undefined ? {} : { speaker }),
  };
}
