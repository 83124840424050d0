// The transcript as a JSON object, shared by the JSON and JSONL formats: the record's fields with
// the normalized messages; internal notes only when asked for (absent, not null, otherwise, so an
// export without them does not read as "no notes were written").
import type { MessageRole } from '../transcript-messages';
import type { ExportOptions, ExportSynth, ExportTranscript } from './record';

export interface TranscriptJsonMessage {
  /** Position in the stored conversation, 0-based as in the app's API (gaps where entries were skipped). */
  index: number;
  role: MessageRole;
  /** The speaker as written in the data ("Interviewer", "Interviewee", "assistant"…). */
  speakerLabel: string;
  text: string;
  internalNotes?: string | null;
}

export interface TranscriptJson {
  execId: string;
  transcriptId: string | null;
  synthId: string;
  status: string | null;
  timestamp: string | null;
  synth: ExportSynth;
  experiment: { id: string | null; name: string | null };
  execution: { topicName: string | null; model: string | null; startedAt: string | null; completedAt: string | null };
  messages: TranscriptJsonMessage[];
  problems: string[];
  /** The messages cell as stored, when not one message could be read from it; else null. */
  storedText: string | null;
}

// Fields are copied one by one: the key order is the same in every export, whatever order the
// backend built the record in, and nothing the record may gain later leaks out unannounced.
export function transcriptJson(record: ExportTranscript, options: ExportOptions): TranscriptJson {
  const { synth, experiment, execution } = record;
  return {
    execId: record.execId,
    transcriptId: record.transcriptId,
    synthId: record.synthId,
    status: record.status,
    timestamp: record.timestamp,
    synth: {
      id: synth.id,
      name: synth.name,
      age: synth.age,
      gender: synth.gender,
      occupation: synth.occupation,
      city: synth.city,
      state: synth.state,
      schooling: synth.schooling,
      groupName: synth.groupName,
    },
    experiment: { id: experiment.id, name: experiment.name },
    execution: { topicName: execution.topicName, model: execution.model, startedAt: execution.startedAt, completedAt: execution.completedAt },
    // Each shape written out in full: a spread copy outlived V8's young generation and grew the
    // heap over a 50,000-transcript export (bench: 1.31× the RSS of 5,000, against 1.03× without).
    messages: record.messages.map((message) =>
      options.includeInternalNotes
        ? { index: message.index, role: message.role, speakerLabel: message.speakerLabel, text: message.text, internalNotes: message.internalNotes }
        : { index: message.index, role: message.role, speakerLabel: message.speakerLabel, text: message.text },
    ),
    problems: [...record.problems],
    storedText: record.storedText,
  };
}

/**
 * JSON.stringify, with NEL (U+0085) and U+2028/U+2029 escaped too: valid JSON either way, but some
 * line readers (Python's splitlines, old JavaScript) split on them, which would break a JSONL line.
 */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\u0085\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
