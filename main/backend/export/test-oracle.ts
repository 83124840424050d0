// For the export tests only: which transcripts a scope holds, worked out from the raw rows with
// plain SQL and JavaScript written independently of the export code (no plan, no reader).
import type { Knex } from 'knex';
import { oracleHits, oracleMessages, rawRows, type OracleFilter, type OracleMessage } from '../services/search/test-oracle';

export interface RawTranscript {
  execId: string;
  synthId: string;
  /** research_executions.experiment_id, null without an execution row. */
  experimentId: string | null;
  experimentDeleted: boolean;
  messages: OracleMessage[];
}

export interface RawDatabase {
  engine: 'sqlite' | 'postgres';
  transcripts: RawTranscript[];
  experiments: Map<string, { name: string | null; status: string | null }>;
}

export const keyOf = (t: { execId: string; synthId: string }): string => `${t.execId}|${t.synthId}`;

export async function readRawDatabase(knex: Knex, engine: 'sqlite' | 'postgres'): Promise<RawDatabase> {
  const experiments = new Map(
    (await rawRows(knex, 'SELECT id, name, status FROM experiments')).map((row) => [
      String(row.id),
      { name: row.name === null ? null : String(row.name), status: row.status === null || row.status === undefined ? null : String(row.status) },
    ]),
  );
  const executions = new Map((await rawRows(knex, 'SELECT exec_id, experiment_id FROM research_executions')).map((row) => [String(row.exec_id), row.experiment_id === null ? null : String(row.experiment_id)]));
  const messages = engine === 'postgres' ? 'messages::text AS messages' : 'messages';
  const transcripts = (await rawRows(knex, `SELECT exec_id, synth_id, ${messages} FROM transcripts`)).map((row): RawTranscript => {
    const execId = String(row.exec_id);
    const experimentId = executions.get(execId) ?? null;
    return {
      execId,
      synthId: String(row.synth_id),
      experimentId,
      experimentDeleted: experimentId !== null && experiments.get(experimentId)?.status === 'deleted',
      messages: oracleMessages(row.messages),
    };
  });
  return { engine, transcripts, experiments };
}

/** Keys of the transcripts with at least one message the search matches. */
export async function searchOracle(knex: Knex, engine: 'sqlite' | 'postgres', filter: OracleFilter): Promise<Set<string>> {
  const hits = await oracleHits(knex, engine, { ...filter, kind: 'transcript' }, { summaries: false, prfaq: false, sourceId: false });
  return new Set([...hits.keys()].map((id) => id.split('|').slice(1, 3).join('|')));
}

/** A word of at least six letters that some synth said, to search for: `at` picks it from the sorted list (0..1). */
export function someSpokenWord(raw: RawDatabase, at = 0.3): string {
  const words = raw.transcripts
    .flatMap((t) => t.messages.filter((m) => m.role === 'synth').flatMap((m) => m.text.split(/[^\p{L}]+/u)))
    .filter((word) => word.length >= 6);
  const sorted = [...new Set(words.map((word) => word.toLowerCase()))].sort();
  return sorted[Math.min(Math.floor(at * sorted.length), sorted.length - 1)] ?? 'preço';
}
