// The "md-dir" format: a folder with one Markdown file per transcript and an index.md linking them.
// The backend writes the files; this module says what each is called and what it holds. File
// names start with the transcript's position, so they are unique within the folder and list in
// export order; the rest (synth name, execution date) lets a reader find a transcript by eye.
import { asciiSlug } from './file-names';
import { exportDate, synthDisplayName, transcriptCount } from './fields';
import { markdownInline, markdownTitle, markdownTranscriptSection } from './markdown';
import type { ExportHeading, ExportOptions, ExportTranscript } from './record';

export const MARKDOWN_INDEX_FILE_NAME = 'index.md';

/** `0003-maria-conceicao-20251215-143022.md`: ASCII, no separators, at most ~70 characters. */
export function markdownDirFileName(record: ExportTranscript, position: number): string {
  const name = asciiSlug(record.synth.name ?? '', 40) || asciiSlug(`synth ${record.synthId}`, 40) || 'synth';
  return `${String(position).padStart(4, '0')}-${name}-${executionShortName(record.execId)}.md`;
}

// synth-lab execution ids end in the start time (`batch_exp_a1b2c3d4_20251215_143022`): that part
// is what tells executions apart to a reader; other ids are cut to a short slug.
function executionShortName(execId: string): string {
  const startedAt = /(\d{8})[_-]?(\d{6})$/.exec(execId);
  if (startedAt) return `${startedAt[1]}-${startedAt[2]}`;
  return asciiSlug(execId.replace(/^batch_/, ''), 20) || 'execution';
}

export interface MarkdownDirFile {
  fileName: string;
  content: string;
}

/** One transcript's file: the same section as in the single Markdown file, as a page of its own. */
export function markdownDirFile(record: ExportTranscript, position: number, options: ExportOptions): MarkdownDirFile {
  const section = markdownTranscriptSection(record, options, { headingLevel: 1, number: null });
  return {
    fileName: markdownDirFileName(record, position),
    content: `${section}\n---\n\n[All transcripts](${MARKDOWN_INDEX_FILE_NAME})\n`,
  };
}

/** index.md, streamed like the single-file writers: a table row per transcript, O(1) state. */
export interface MarkdownIndexWriter {
  readonly fileName: typeof MARKDOWN_INDEX_FILE_NAME;
  begin(heading: ExportHeading): string;
  /** The row for the transcript written by `markdownDirFile(record, position, …)`. */
  entry(record: ExportTranscript, position: number): string;
  end(count: number): string;
}

export function createMarkdownIndexWriter(): MarkdownIndexWriter {
  return {
    fileName: MARKDOWN_INDEX_FILE_NAME,
    begin: (heading) =>
      `${markdownTitle(heading)}| # | Synth | Experiment | Topic | Execution | Date | Messages |\n| --: | --- | --- | --- | --- | --- | --: |\n`,
    entry(record, position) {
      const cells = [
        String(position),
        `[${markdownInline(synthDisplayName(record))}](${markdownDirFileName(record, position)})`,
        markdownInline(record.experiment.name ?? record.experiment.id ?? ''),
        markdownInline(record.execution.topicName ?? ''),
        markdownInline(record.execId),
        markdownInline(exportDate(record.timestamp) ?? ''),
        String(record.messages.length),
      ];
      return `| ${cells.join(' | ')} |\n`;
    },
    end: (count) => `\n*${transcriptCount(count)}.*\n`,
  };
}
