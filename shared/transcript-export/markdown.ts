// Markdown: one section per transcript (header facts, then the dialogue with each speaker named in
// bold). The same section is the body of each file of the Markdown folder (markdown-dir.ts).
// Data is escaped so no text can turn into a heading, a list, a table cell break or raw HTML; the
// words stay, the layout of a message (paragraphs, line breaks) too. Leading indentation of a line
// is dropped: Markdown would show it as nothing or as a code block.
import type { NormalizedMessage } from '../transcript-messages';
import {
  EMPTY_MESSAGE_TEXT,
  INTERNAL_NOTES_LABEL,
  NO_MESSAGES_TEXT,
  PROBLEMS_LABEL,
  STORED_TEXT_LABEL,
  exportDate,
  singleLine,
  speakerName,
  synthDisplayName,
  transcriptCount,
  transcriptFacts,
  unixLines,
} from './fields';
import type { ExportHeading, ExportOptions, ExportTranscript, TranscriptStreamWriter } from './record';

/** Backslash-escapes what Markdown (CommonMark and GFM) could read as markup, on one line of text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<>#|~]/g, '\\$&')
    // Inside a word (snake_case ids) an underscore cannot start emphasis: left as is, for reading.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    // GFM links bare URLs, and inside one a backslash is not an escape but part of the address:
    // an escaped ':' or '.' keeps the text exact, as plain text.
    .replace(/(https?|ftp|mailto|xmpp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A one-line value (a name, a title, a table cell): whitespace collapsed, then escaped. */
export function markdownInline(text: string): string {
  return escapeMarkdown(singleLine(text));
}

/**
 * Multi-line text as Markdown paragraphs: blank lines separate paragraphs, single line breaks stay
 * (a trailing backslash is CommonMark's hard line break). Null when the text is only whitespace.
 */
function markdownParagraphs(text: string): string[] | null {
  const paragraphs = unixLines(text)
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeMarkdown(line.trim()))
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '');
  return paragraphs.length === 0 ? null : paragraphs;
}

/** `text` verbatim in a fenced code block whose fence is longer than any backtick run inside it. */
function fencedText(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${unixLines(text)}\n${fence}`;
}

function blockquote(paragraphs: string[]): string {
  return paragraphs.map((paragraph) => paragraph.replace(/^/gm, '> ')).join('\n>\n');
}

function messageBlock(message: NormalizedMessage, record: ExportTranscript, options: ExportOptions): string {
  const [first = `*${EMPTY_MESSAGE_TEXT}*`, ...rest] = markdownParagraphs(message.text) ?? [];
  const blocks = [`**${markdownInline(speakerName(message, record))}:** ${first}`, ...rest];
  const notes = options.includeInternalNotes && message.internalNotes !== null ? markdownParagraphs(message.internalNotes) : null;
  if (notes !== null) {
    const [firstNote = '', ...moreNotes] = notes;
    blocks.push(blockquote([`*${INTERNAL_NOTES_LABEL}:* ${firstNote}`, ...moreNotes]));
  }
  return blocks.join('\n\n');
}

export interface MarkdownSectionLayout {
  /** 2 inside the single Markdown file (under its title), 1 as a file of its own. */
  headingLevel: 1 | 2;
  /** Shown before the synth's name in the heading ("3. Ana Souza"); null for none. */
  number: number | null;
}

/** One transcript as Markdown, ending with a single newline. */
export function markdownTranscriptSection(record: ExportTranscript, options: ExportOptions, layout: MarkdownSectionLayout): string {
  const numberText = layout.number === null ? '' : `${layout.number}. `;
  const blocks = [`${'#'.repeat(layout.headingLevel)} ${numberText}${markdownInline(synthDisplayName(record))}`];
  blocks.push(
    transcriptFacts(record)
      .map((group) => `- ${group.map((fact) => `**${fact.label}:** ${markdownInline(fact.value)}`).join(' · ')}`)
      .join('\n'),
  );
  if (record.problems.length > 0) {
    const items = record.problems.map((problem) => `- ${markdownInline(problem)}`).join('\n');
    blocks.push(blockquote([`**${PROBLEMS_LABEL}:**`, items]));
  }
  if (record.storedText !== null) blocks.push(`*${STORED_TEXT_LABEL}:*`, fencedText(record.storedText));
  else if (record.messages.length === 0) blocks.push(`*${NO_MESSAGES_TEXT}*`);
  for (const message of record.messages) blocks.push(messageBlock(message, record, options));
  return `${blocks.join('\n\n')}\n`;
}

/** "# Execution exec_1a2b" and when it was exported: the top of the Markdown file and of index.md. */
export function markdownTitle(heading: ExportHeading): string {
  const exported = exportDate(heading.exportedAt);
  return `# ${markdownInline(heading.title)}\n\n${exported === null ? '' : `Exported ${markdownInline(exported)}.\n\n`}`;
}

export function createMarkdownWriter(options: ExportOptions): TranscriptStreamWriter {
  return {
    extension: 'md',
    mimeType: 'text/markdown; charset=utf-8',
    begin: (heading) => markdownTitle(heading),
    transcript: (record, position) => `${markdownTranscriptSection(record, options, { headingLevel: 2, number: position })}\n`,
    end: (count) => `---\n\n*${transcriptCount(count)}.*\n`,
  };
}
