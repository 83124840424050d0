// The transcripts a search finds: every transcript with at least one matching message, found the
// way search.query finds them (its index where it answers, else its scan), so that exporting "the
// results of a search" gives exactly the transcripts the researcher saw listed. Only the keys are
// kept (a few dozen bytes per matching transcript); the messages are read later, in batches.
import type { Knex } from 'knex';
import type { Capabilities } from '../../../shared/capabilities';
import { AppError } from '../../../shared/errors';
import type { MessageRole } from '../../../shared/transcript-messages';
import { throwIfCancelled } from '../services/cancellable';
import type { ScanCursor } from '../services/search/cursor';
import { postgresIndex } from '../services/search/index-postgres';
import { sqliteIndex } from '../services/search/index-sqlite';
import { prepareSearch, searchIndexState } from '../services/search/query';
import { scanPage } from '../services/search/scan';
import { selectRows } from '../db/select';

export interface SearchScope {
  text: string;
  experimentId?: string | undefined;
  execId?: string | undefined;
  speaker?: MessageRole | undefined;
}

/** Synth ids per execution id. */
export type TranscriptKeySet = Map<string, Set<string>>;

const INDEX_IDS_PER_QUERY = 5000;
const SCAN_MATCHES_PER_CALL = 2000;
const SCAN_ROWS_PER_CALL = 500;

export function addKey(keys: TranscriptKeySet, execId: string, synthId: string): void {
  let synths = keys.get(execId);
  if (synths === undefined) {
    synths = new Set();
    keys.set(execId, synths);
  }
  synths.add(synthId);
}

export async function searchTranscriptKeys(knex: Knex, capabilities: Capabilities, scope: SearchScope, signal: AbortSignal | undefined): Promise<TranscriptKeySet> {
  const search = prepareSearch({ text: scope.text, experimentId: scope.experimentId, execId: scope.execId, speaker: scope.speaker, kind: 'transcript' });
  if (search.words.folded.length === 0) {
    throw new AppError('bad_request', 'The search has no words to look for: type at least one word.', { text: scope.text });
  }
  const keys: TranscriptKeySet = new Map();

  if ((await searchIndexState(knex, capabilities)) === 'ready') {
    const backend = capabilities.engine === 'sqlite' ? sqliteIndex(knex) : postgresIndex(knex);
    for (let after = 0; ; ) {
      throwIfCancelled(signal);
      const ids = await backend.positionIds(search, after, INDEX_IDS_PER_QUERY);
      if (ids.length === 0) break;
      const rows = await selectRows<{ exec_id: string | null; synth_id: string | null }>(
        knex,
        knex(backend.entriesTable).select('exec_id', 'synth_id').whereIn('id', ids).andWhere('kind', 'transcript'),
      );
      for (const row of rows) if (row.exec_id !== null && row.synth_id !== null) addKey(keys, row.exec_id, row.synth_id);
      after = ids.at(-1)!;
      if (ids.length < INDEX_IDS_PER_QUERY) break;
    }
    return keys;
  }

  let cursor: ScanCursor | null = null;
  do {
    throwIfCancelled(signal);
    const page = await scanPage(knex, capabilities, search, cursor, SCAN_MATCHES_PER_CALL, SCAN_ROWS_PER_CALL);
    for (const match of page.matches) if (match.kind === 'transcript') addKey(keys, match.execId, match.synthId);
    cursor = page.next;
  } while (cursor !== null);
  return keys;
}
