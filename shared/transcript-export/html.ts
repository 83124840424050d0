// HTML: one self-contained, printable file (inline CSS; no scripts, fonts or images to fetch), the
// source of the desktop app's PDF too. Every piece of data is escaped. Message text is written
// as-is inside a `white-space: pre-wrap` element, so its text content is exactly the message (line
// ends as LF, as an HTML parser would read them anyway) and paragraphs and line breaks show as written. Each message is `.message[data-role]`, so a test
// or a script can count and read them; labels are English, the data is marked lang="pt-BR".
import type { NormalizedMessage } from '../transcript-messages';
import {
  INTERNAL_NOTES_LABEL,
  NO_MESSAGES_TEXT,
  PROBLEMS_LABEL,
  STORED_TEXT_LABEL,
  exportDate,
  speakerName,
  synthDisplayName,
  transcriptCount,
  transcriptFacts,
  unixLines,
} from './fields';
import type { ExportHeading, ExportOptions, ExportTranscript, TranscriptStreamWriter } from './record';

const DATA_LANGUAGE = 'pt-BR';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}

// Light tints that still tell the speakers apart in grey-scale print (edge on opposite sides),
// serif body text for long reading, sans-serif for labels.
const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #5d6672; --line: #d8dde3; --interviewer-bg: #eef3fa; --interviewer-edge: #4f74a8; --interviewer-ink: #2c4a78; --synth-bg: #fbf5e9; --synth-edge: #b98a34; --synth-ink: #72501a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; background: #fff; }
body { margin: 0 auto; max-width: 50rem; padding: 2.5rem 1.5rem 3rem; color: var(--ink); font: 16px/1.6 Charter, "Bitstream Charter", Georgia, "Noto Serif", "DejaVu Serif", serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"; }
h1, h2, dl, .speaker, .notes-label, .problems, .export-meta, .export-footer { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
.export-header { border-bottom: 2px solid var(--ink); padding-bottom: 0.6rem; margin-bottom: 2rem; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 0.2rem; }
.export-meta, .export-footer { color: var(--muted); font-size: 0.85rem; margin: 0; }
.transcript { margin: 0 0 2.5rem; }
.transcript + .transcript { border-top: 1px solid var(--line); padding-top: 2rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 0.7rem; }
.transcript-number { color: var(--muted); font-weight: 400; }
.facts { display: flex; flex-wrap: wrap; gap: 0.45rem 1.6rem; margin: 0 0 1.4rem; padding: 0.7rem 1rem; border: 1px solid var(--line); border-radius: 6px; background: #f7f8fa; font-size: 0.85rem; line-height: 1.4; }
.facts dt { color: var(--muted); font-size: 0.68rem; letter-spacing: 0.05em; text-transform: uppercase; }
.facts dd { margin: 0; }
.problems { margin: 0 0 1.4rem; padding: 0.6rem 1rem; border: 1px solid #e2b65a; border-radius: 6px; background: #fff8e7; font-size: 0.85rem; }
.problems p { margin: 0; font-weight: 600; }
.stored-text p { margin: 0 0 0.3rem; font-weight: 600; font-size: 0.85rem; }
.stored-text pre { margin: 0 0 1.4rem; padding: 0.6rem 1rem; border: 1px solid #d6d3cc; border-radius: 6px; background: #f6f5f2; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem; }
.problems ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.empty { color: var(--muted); font-style: italic; }
.message { margin: 0 0 0.9rem; padding: 0.55rem 1rem 0.65rem; break-inside: avoid-page; }
.message--interviewer { margin-right: 3rem; border-left: 4px solid var(--interviewer-edge); border-radius: 0 6px 6px 0; background: var(--interviewer-bg); }
.message--synth { margin-left: 3rem; border-right: 4px solid var(--synth-edge); border-radius: 6px 0 0 6px; background: var(--synth-bg); }
.speaker { margin: 0 0 0.15rem; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.02em; }
.message--interviewer .speaker { color: var(--interviewer-ink); }
.message--synth .speaker { color: var(--synth-ink); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.message > .text:empty::before { content: "(no text)"; color: var(--muted); font-style: italic; }
.notes { margin-top: 0.55rem; padding: 0.45rem 0.75rem; border: 1px dashed #aeb5be; border-radius: 4px; background: rgba(255, 255, 255, 0.65); color: #3c4450; font-size: 0.88rem; line-height: 1.5; }
.notes-label { margin: 0 0 0.1rem; color: var(--muted); font-size: 0.68rem; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; }
.export-footer { border-top: 1px solid var(--line); padding-top: 0.6rem; }
@page { margin: 16mm 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .transcript { margin: 0; }
  .transcript + .transcript { break-before: page; border-top: 0; padding-top: 0; }
  h2, .facts, .problems { break-after: avoid-page; }
  .export-footer { break-before: avoid-page; margin-top: 1.5rem; }
}
`.trim();

function messageHtml(message: NormalizedMessage, record: ExportTranscript, options: ExportOptions): string {
  const speaker = speakerName(message, record);
  const speakerLang = message.role === 'interviewer' ? 'en' : DATA_LANGUAGE;
  const notes =
    options.includeInternalNotes && message.internalNotes !== null
      ? `\n<aside class="notes"><p class="notes-label" lang="en">${escapeHtml(INTERNAL_NOTES_LABEL)}</p><div class="text">${escapeHtml(unixLines(message.internalNotes))}</div></aside>`
      : '';
  return (
    `<div class="message message--${message.role}" data-role="${message.role}" data-index="${message.index}">\n` +
    `<p class="speaker" lang="${speakerLang}">${escapeHtml(speaker)}</p>\n` +
    `<div class="text">${escapeHtml(unixLines(message.text))}</div>${notes}\n</div>\n`
  );
}

/** One transcript as an `<article>`; its dialogue is `.message` elements in order. */
export function htmlTranscriptArticle(record: ExportTranscript, position: number, options: ExportOptions): string {
  const facts = transcriptFacts(record)
    .flat()
    .map((fact) => `<div><dt>${escapeHtml(fact.label)}</dt><dd lang="${DATA_LANGUAGE}">${escapeHtml(fact.value)}</dd></div>`)
    .join('\n');
  const problems =
    record.problems.length === 0
      ? ''
      : `<div class="problems" role="note"><p>${escapeHtml(PROBLEMS_LABEL)}</p><ul>\n${record.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('\n')}\n</ul></div>\n`;
  const dialogue =
    record.storedText !== null
      ? `<div class="stored-text"><p>${escapeHtml(STORED_TEXT_LABEL)}</p><pre lang="${DATA_LANGUAGE}">${escapeHtml(unixLines(record.storedText))}</pre></div>\n`
      : record.messages.length === 0
      ? `<p class="empty">${escapeHtml(NO_MESSAGES_TEXT)}</p>\n`
      : `<div class="dialogue" lang="${DATA_LANGUAGE}">\n${record.messages.map((message) => messageHtml(message, record, options)).join('')}</div>\n`;
  return (
    `<article class="transcript" id="transcript-${position}" data-exec-id="${escapeHtml(record.execId)}" data-synth-id="${escapeHtml(record.synthId)}">\n` +
    `<h2><span class="transcript-number">${position}.</span> <span lang="${DATA_LANGUAGE}">${escapeHtml(synthDisplayName(record))}</span></h2>\n` +
    `<dl class="facts">\n${facts}\n</dl>\n${problems}${dialogue}</article>\n`
  );
}

function documentStart(heading: ExportHeading): string {
  const exported = exportDate(heading.exportedAt);
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="Synth Lab Browser">\n` +
    `<title>${escapeHtml(heading.title)}</title>\n<style>\n${STYLE}\n</style>\n</head>\n<body>\n` +
    `<header class="export-header">\n<h1>${escapeHtml(heading.title)}</h1>\n` +
    (exported === null ? '' : `<p class="export-meta">Exported ${escapeHtml(exported)}</p>\n`) +
    `</header>\n<main>\n`
  );
}

export function createHtmlWriter(options: ExportOptions): TranscriptStreamWriter {
  return {
    extension: 'html',
    mimeType: 'text/html; charset=utf-8',
    begin: (heading) => documentStart(heading),
    transcript: (record, position) => htmlTranscriptArticle(record, position, options),
    end: (count) => `</main>\n<footer class="export-footer">${escapeHtml(transcriptCount(count))}</footer>\n</body>\n</html>\n`,
  };
}
