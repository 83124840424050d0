import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMessages } from '../transcript-messages';
import { HEADING, RECORDS, TRICKY, WITH_NOTES, WITHOUT_NOTES, writeAll } from './__fixtures__/records';
import { expectGolden } from './__fixtures__/golden';
import { expectedParagraphs, nodesOfType, parseMarkdown, renderedDialogue, renderedText } from './__fixtures__/markdown-ast';
import { singleLine, speakerName, synthDisplayName } from './fields';
import { createMarkdownWriter, markdownInline, markdownTranscriptSection } from './markdown';
import type { ExportTranscript } from './record';

describe('Markdown writer', () => {
  it('matches the golden files, with and without internal notes', async () => {
    await expectGolden(writeAll(createMarkdownWriter(WITH_NOTES)), 'records.md');
    await expectGolden(writeAll(createMarkdownWriter(WITHOUT_NOTES)), 'records.no-notes.md');
  });

  it('reads back as one titled section per transcript, with no markup taken from the data', () => {
    const tree = parseMarkdown(writeAll(createMarkdownWriter(WITH_NOTES)));
    const headings = nodesOfType(tree, 'heading').map((node) => [node.type === 'heading' ? node.depth : 0, renderedText(node)]);
    expect(headings).toEqual([[1, 'Experiment: Checkout "1-clique" & <Pix>'], ...RECORDS.map((record, index) => [2, `${index + 1}. ${synthDisplayName(record)}`])]);
    // '<script>', '# …', '- lista', '`code`', '[link](…)', '**…**', '|' in the data stay text.
    for (const type of ['html', 'inlineCode', 'table', 'delete', 'image'] as const) expect(nodesOfType(tree, type)).toEqual([]);
    // The one code block: an unreadable transcript's messages, exactly as stored.
    const stored = RECORDS.flatMap((record) => (record.storedText === null ? [] : [record.storedText]));
    expect(nodesOfType(tree, 'code').map((node) => (node.type === 'code' ? node.value : ''))).toEqual(stored);
    // A bare URL may become a link (GFM autolinks text), but its text stays the URL as written.
    expect(nodesOfType(tree, 'link').map((link) => [renderedText(link), link.type === 'link' ? link.url : ''])).toEqual([['http://x.test', 'http://x.test']]);
    expect(renderedText(tree)).toContain('<script>alert("x")</script> & tal | coisa.');
    expect(renderedText(tree)).toContain('`code`, [link](http://x.test) e 50% off, a&b &amp; c, **não negrito**');
  });

  it('keeps every message, in order, labelled with its speaker, its paragraphs and line breaks as written', () => {
    for (const record of RECORDS) {
      const section = parseMarkdown(markdownTranscriptSection(record, WITH_NOTES, { headingLevel: 2, number: 1 }));
      expect(renderedDialogue(section.children)).toEqual(
        record.messages.map((message) => {
          const paragraphs = expectedParagraphs(message.text);
          const notes = message.internalNotes === null ? [] : expectedParagraphs(message.internalNotes);
          return {
            speaker: speakerName(message, record),
            paragraphs: paragraphs.length === 0 ? ['(no text)'] : paragraphs,
            notes: notes.length === 0 ? null : notes,
          };
        }),
      );
    }
  });

  it('labels interviewer and synth apart, and a synth without a name by its id', () => {
    const dialogue = renderedDialogue(parseMarkdown(writeAll(createMarkdownWriter(WITH_NOTES), [RECORDS[1] as ExportTranscript])).children);
    expect(dialogue.map((message) => message.speaker)).toEqual(['Interviewer', 'Synth zz0001', 'Interviewer', 'Synth zz0001']);
    expect(dialogue.map((message) => message.paragraphs)).toEqual([['Oi! Tudo bem?'], ['Parte 1\nParte 2 — com travessão'], ['E o pagamento recorrente?', 'Conta mais.'], ['Tudo ótimo 😀👩🏽‍💻, obrigado!']]);
  });

  it('shows internal notes only when asked to', () => {
    const without = writeAll(createMarkdownWriter(WITHOUT_NOTES));
    expect(without).not.toContain('Internal notes');
    expect(without).not.toContain('Abrir com pergunta ampla');
    expect(renderedDialogue(parseMarkdown(without).children).every((message) => message.notes === null)).toBe(true);
    expect(writeAll(createMarkdownWriter(WITH_NOTES))).toContain('> *Internal notes:* Abrir com pergunta ampla.');
  });

  it('says what could not be read, and when a transcript has no messages', () => {
    const text = writeAll(createMarkdownWriter(WITHOUT_NOTES), [RECORDS[2] as ExportTranscript]);
    expect(text).toContain('> - The messages are empty text, not JSON.');
    expect(text).toContain('*This transcript has no messages.*');
    expect(text).toContain('*1 transcript.*');
  });

  it('writes each transcript the same whatever came before it (no state carried between transcripts)', () => {
    const fresh = createMarkdownWriter(WITH_NOTES).transcript(TRICKY, 7);
    const used = createMarkdownWriter(WITH_NOTES);
    used.begin(HEADING);
    for (const record of RECORDS) used.transcript(record, 1);
    expect(used.transcript(TRICKY, 7)).toBe(fresh);
  });
});

// Characters Markdown gives meaning to, mixed with text, line breaks and accents.
const MARKDOWN_TROUBLE = fc.string({
  unit: fc.constantFrom(...'#*_`[]()<>|~&;!-+=.:)0123456789\\\'" \taéÇ😀\n\r@'.split(''), 'a', 'b', '&amp;', '&#123;', 'http://x.y', 'www.', 'mailto:', '<br>', '---', '```'),
  maxLength: 60,
});

describe('Markdown escaping', () => {
  it('turns any one-line value into exactly its text once rendered', () => {
    fc.assert(
      fc.property(MARKDOWN_TROUBLE, (value) => {
        const expected = singleLine(value);
        const tree = parseMarkdown(markdownInline(value));
        expect(renderedText(tree)).toBe(expected);
        expect(tree.children.every((node) => node.type === 'paragraph')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps any message text as its paragraphs and lines, with nothing turned into markup', () => {
    fc.assert(
      fc.property(MARKDOWN_TROUBLE, MARKDOWN_TROUBLE, (question, answer) => {
        const { messages, problems } = normalizeMessages([
          { speaker: 'Interviewer', text: question },
          { speaker: 'Interviewee', text: answer, internal_notes: answer },
        ]);
        const record: ExportTranscript = { ...TRICKY, messages, problems };
        const tree = parseMarkdown(markdownTranscriptSection(record, WITH_NOTES, { headingLevel: 2, number: 1 }));
        expect(nodesOfType(tree, 'heading')).toHaveLength(1);
        const orNoText = (paragraphs: string[]): string[] => (paragraphs.length === 0 ? ['(no text)'] : paragraphs);
        const notes = expectedParagraphs(answer);
        expect(renderedDialogue(tree.children)).toEqual([
          { speaker: 'Interviewer', paragraphs: orNoText(expectedParagraphs(question)), notes: null },
          { speaker: synthDisplayName(record), paragraphs: orNoText(expectedParagraphs(answer)), notes: answer.trim() === '' || notes.length === 0 ? null : notes },
        ]);
      }),
      { numRuns: 1000 },
    );
  });
});
