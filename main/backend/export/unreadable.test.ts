// A transcript whose messages cannot be read (in a v15 file, whose CHECK (json_valid(messages))
// lets only JSON in, a JSON string holding broken JSON; in PostgreSQL json, an unknown shape) still reaches every format: its cell as stored, so nothing is lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptJson } from '../../../shared/transcript-export/index';
import { openForBrowsing } from '../db/policy';
import { DatabaseSession, type ActiveDatabase } from '../services/session';
import { copyTemplate, type TestDatabaseKind } from '../test-support/databases';
import { describePg } from '../test-support/pg-suite';
import { makeTempDir } from '../test-support/tmp';
import { runExport } from './run';

const SYNTH = 'unread1';
const MALFORMED = JSON.stringify('[{"speaker": "Interviewer", "text": "Oi, tudo bem?"}, {"speaker": "Interviewee", "text": "Tudo');
const UNKNOWN_SHAPE = { conversa: 'guardada de outro jeito', turnos: 3 };

const temp = makeTempDir('slb-export-unreadable-');
afterAll(() => temp.cleanup());

/** Adds the unreadable transcript to the first execution; returns its exec_id and the text the export must carry. */
async function addUnreadable(kind: TestDatabaseKind, url: string): Promise<{ execId: string; stored: string }> {
  if (kind === 'synthlab-sqlite') {
    const db = new Database(url);
    try {
      const { exec_id: execId } = db.prepare('SELECT exec_id FROM research_executions ORDER BY exec_id LIMIT 1').get() as { exec_id: string };
      db.prepare("INSERT INTO transcripts (id, exec_id, synth_id, synth_name, status, turn_count, timestamp, messages) VALUES (NULL, ?, ?, 'Ana Ilegível', 'completed', 0, '2025-12-15T14:50:00+00:00', ?)").run(execId, SYNTH, MALFORMED);
      return { execId, stored: MALFORMED };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exec = await client.query<{ exec_id: string }>('SELECT exec_id FROM research_executions ORDER BY exec_id LIMIT 1');
    const execId = exec.rows[0]!.exec_id;
    await client.query(
      `INSERT INTO transcripts (id, exec_id, synth_id, synth_name, status, turn_count, "timestamp", messages) VALUES ('6f1c2a4e-0000-4000-8000-0000unread01', $1, $2, 'Ana Ilegível', 'completed', 0, '2025-12-15T14:50:00+00:00', $3)`,
      [execId, SYNTH, JSON.stringify(UNKNOWN_SHAPE)],
    );
    return { execId, stored: JSON.stringify(UNKNOWN_SHAPE) };
  } finally {
    await client.end();
  }
}

function unreadableSuite(kind: TestDatabaseKind): void {
  let session: DatabaseSession;
  let db: ActiveDatabase;
  let remove: () => Promise<void>;
  let added: { execId: string; stored: string };

  beforeAll(async () => {
    const copy = await copyTemplate(kind);
    remove = copy.remove;
    added = await addUnreadable(kind, copy.url);
    session = new DatabaseSession();
    db = session.adopt(await openForBrowsing(copy.url));
  });
  afterAll(async () => {
    await session.close();
    await remove();
  });

  async function exported(format: 'csv' | 'json' | 'md' | 'html'): Promise<string> {
    const path = join(temp.dir, `${kind}-${format}`);
    await runExport(db, {
      scope: { kind: 'transcript', execId: added.execId, synthId: SYNTH },
      format,
      options: { includeInternalNotes: false, csvBom: false },
      target: { kind: 'file', path, overwrite: true },
    });
    return readFileSync(path, 'utf8');
  }

  it('writes the stored cell in CSV (one stored_text row), JSON, Markdown and HTML', async () => {
    const rows = parse(await exported('csv'), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.synth_id, row.turn, row.speaker, row.text])).toEqual([[SYNTH, '', 'stored_text', added.stored]]);

    const [json] = JSON.parse(await exported('json')) as TranscriptJson[];
    expect(json!.messages).toEqual([]);
    expect(json!.problems.length).toBeGreaterThan(0);
    expect(json!.storedText).toBe(added.stored);

    expect(await exported('md')).toContain(`\`\`\`text\n${added.stored}\n\`\`\``);
    expect(await exported('html')).toContain(added.stored.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
  });
}

describe('unreadable messages: synth-lab SQLite v15 file', () => unreadableSuite('synthlab-sqlite'));
describePg('unreadable messages: synth-lab PostgreSQL', () => unreadableSuite('synthlab-postgres'));
