// What every human-readable format (Markdown, Markdown folder, HTML) says about a transcript, in
// one place, so the formats differ only in markup: the speaker's name, the header facts, dates.
import type { NormalizedMessage } from '../transcript-messages';
import { parseTimestamp } from '../timestamps';
import type { ExportTranscript } from './record';

export const INTERVIEWER_LABEL = 'Interviewer';
export const INTERNAL_NOTES_LABEL = 'Internal notes';
export const PROBLEMS_LABEL = 'Could not be read';
export const NO_MESSAGES_TEXT = 'This transcript has no messages.';
export const STORED_TEXT_LABEL = 'The messages as stored';
/** CSV `speaker` of the one row that carries a transcript's unreadable messages as stored. */
export const STORED_TEXT_SPEAKER = 'stored_text';
export const EMPTY_MESSAGE_TEXT = '(no text)';

/** The synth's name; when the synth row is gone, its id so the reader can still tell synths apart. */
export function synthDisplayName(record: ExportTranscript): string {
  const name = singleLine(record.synth.name ?? '');
  return name !== '' ? name : `Synth ${record.synthId}`;
}

export function speakerName(message: NormalizedMessage, record: ExportTranscript): string {
  return message.role === 'interviewer' ? INTERVIEWER_LABEL : synthDisplayName(record);
}

export interface Fact {
  label: string;
  value: string;
}

/**
 * The header of a transcript as labelled facts in three groups: who the synth is, which interview
 * this is, and when/how it ran. Missing values are left out rather than shown as blanks.
 */
export function transcriptFacts(record: ExportTranscript): Fact[][] {
  const { synth, execution, experiment } = record;
  const experimentText = present(experiment.name) && present(experiment.id) ? `${experiment.name} (${experiment.id})` : (experiment.name ?? experiment.id);
  const groups: Array<Array<[string, string | number | null]>> = [
    [
      ['Age', synth.age],
      ['Gender', synth.gender],
      ['Occupation', synth.occupation],
      ['Place', [synth.city, synth.state].filter(present).join(', ')],
      ['Schooling', synth.schooling],
      ['Group', synth.groupName],
    ],
    [
      ['Experiment', experimentText],
      ['Topic', execution.topicName],
      ['Execution', record.execId],
    ],
    [
      ['Date', exportDate(record.timestamp)],
      ['Model', execution.model],
      ['Status', record.status],
    ],
    [
      ['Synth ID', record.synthId],
      ['Transcript ID', record.transcriptId],
    ],
  ];
  return groups
    .map((group) =>
      group.flatMap(([label, value]) => {
        const text = value === null ? '' : singleLine(String(value));
        return text === '' ? [] : [{ label, value: text }];
      }),
    )
    .filter((group) => group.length > 0);
}

/**
 * A raw database timestamp for a reader: exact instants (an offset, or SQLite's UTC `datetime`) in
 * UTC; naive wall clocks as written, saying the zone is unknown (shared/timestamps.ts never guesses
 * it); unreadable strings as they are. Independent of the machine's zone and locale, so an export
 * reads the same wherever it is made.
 */
export function exportDate(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const parsed = parseTimestamp(raw);
  if (parsed === null) return raw.trim();
  if (parsed.assumed === 'local') return `${parsed.wallClock} (local time, zone unknown)`;
  const iso = new Date(parsed.epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Line breaks and runs of whitespace in a one-line value (a name, a title) become single spaces. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text with CRLF and lone CR line ends as LF: the markup formats work on lines. */
export function unixLines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function present(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

/** "1 transcript", "12 transcripts". */
export function transcriptCount(count: number): string {
  return count === 1 ? '1 transcript' : `${count} transcripts`;
}
