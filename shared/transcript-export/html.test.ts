import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADING, RECORDS, TRICKY, WITH_NOTES, WITHOUT_NOTES, writeAll } from './__fixtures__/records';
import { expectGolden } from './__fixtures__/golden';
import { speakerName, synthDisplayName } from './fields';
import { createHtmlWriter, escapeHtml } from './html';
import type { ExportTranscript } from './record';

interface Element {
  name: string;
  attributes: Record<string, string>;
}

const VOID_ELEMENTS = new Set(['meta']);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/y;

/**
 * A strict reading of the file: every '<' opens a well-formed tag, elements nest and close, the
 * only character references are the five escapeHtml writes. Stricter than an HTML parser, which
 * would repair mistakes silently; returns the elements in document order.
 */
function readWellFormed(html: string): Element[] {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const body = html.slice('<!DOCTYPE html>'.length);
  for (const reference of body.match(/&[^;\s]*;?/g) ?? []) expect(Object.keys(ENTITIES)).toContain(reference);
  const elements: Element[] = [];
  const open: string[] = [];
  for (let at = body.indexOf('<'); at !== -1; at = body.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const match = TAG.exec(body);
    if (!match) throw new Error(`Not a well-formed tag at ${at}: ${body.slice(at, at + 40)}`);
    const [, closing, name = '', attributeText = ''] = match;
    if (closing) {
      expect(open.pop(), `closing </${name}>`).toBe(name);
      continue;
    }
    const attributes = Object.fromEntries([...attributeText.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, key = '', value = '']) => [key, unescape(value)]));
    elements.push({ name, attributes });
    if (!VOID_ELEMENTS.has(name)) open.push(name);
  }
  expect(open).toEqual([]);
  return elements;
}

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (reference) => ENTITIES[reference] ?? reference);
}

interface RenderedMessage {
  role: string;
  index: number;
  speaker: string;
  text: string;
  notes: string | null;
}

function renderedMessages(html: string): RenderedMessage[] {
  const pattern =
    /<div class="message message--(\w+)" data-role="(\w+)" data-index="(\d+)">\n<p class="speaker" lang="[\w-]+">([^<]*)<\/p>\n<div class="text">([^<]*)<\/div>(?:\n<aside class="notes"><p class="notes-label" lang="en">Internal notes<\/p><div class="text">([^<]*)<\/div><\/aside>)?\n<\/div>/g;
  return [...html.matchAll(pattern)].map(([, modifier, role = '', index, speaker = '', text = '', notes]) => {
    expect(modifier).toBe(role);
    return { role, index: Number(index), speaker: unescape(speaker), text: unescape(text), notes: notes === undefined ? null : unescape(notes) };
  });
}

function expectedMessages(records: readonly ExportTranscript[], includeNotes: boolean): RenderedMessage[] {
  return records.flatMap((record) =>
    record.messages.map((message) => ({
      role: message.role,
      index: message.index,
      speaker: speakerName(message, record),
      text: message.text.replace(/\r\n?/g, '\n'),
      notes: includeNotes && message.internalNotes !== null ? message.internalNotes.replace(/\r\n?/g, '\n') : null,
    })),
  );
}

describe('HTML writer', () => {
  it('matches the golden file', async () => {
    await expectGolden(writeAll(createHtmlWriter(WITH_NOTES)), 'records.html');
  });

  it('is one well-formed, self-contained document: no scripts, links or anything to fetch', () => {
    const html = writeAll(createHtmlWriter(WITH_NOTES));
    const elements = readWellFormed(html);
    const names = new Set(elements.map((element) => element.name));
    expect([...names].sort()).toEqual(['article', 'aside', 'body', 'dd', 'div', 'dl', 'dt', 'footer', 'h1', 'h2', 'head', 'header', 'html', 'li', 'main', 'meta', 'p', 'pre', 'span', 'style', 'title', 'ul']);
    expect(elements.filter((element) => 'src' in element.attributes || 'href' in element.attributes)).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|<script/i);
    expect(elements.find((element) => element.name === 'meta')?.attributes).toEqual({ charset: 'utf-8' });
    expect(elements.filter((element) => element.name === 'article')).toHaveLength(RECORDS.length);
  });

  it('shows each message once, in order, as `.message[data-role]` holding exactly its text', () => {
    const html = writeAll(createHtmlWriter(WITH_NOTES));
    expect(renderedMessages(html)).toEqual(expectedMessages(RECORDS, true));
    expect(html.match(/data-role="/g)).toHaveLength(RECORDS.reduce((sum, record) => sum + record.messages.length, 0));
  });

  it('escapes everything taken from the data', () => {
    const html = writeAll(createHtmlWriter(WITH_NOTES));
    expect(html).toContain('<title>Experiment: Checkout &quot;1-clique&quot; &amp; &lt;Pix&gt;</title>');
    expect(html).toContain('É rápido, mas &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; tal | coisa.');
    expect(html).toContain('a&amp;b &amp;amp; c');
    const hostile: ExportTranscript = { ...TRICKY, execId: '"><script>x</script>', synthId: "'onload='x", synth: { ...TRICKY.synth, name: '</h2><script>' } };
    const elements = readWellFormed(writeAll(createHtmlWriter(WITH_NOTES), [hostile]));
    expect(elements.find((element) => element.name === 'article')?.attributes).toMatchObject({ 'data-exec-id': '"><script>x</script>', 'data-synth-id': "'onload='x" });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', 'a', ' ', '\n', '\r', 'é', '😀', '&amp;', '<script>') }), (text) => {
        const record: ExportTranscript = { ...TRICKY, synth: { ...TRICKY.synth, name: text }, messages: [{ index: 0, role: 'synth', speakerLabel: '', text, internalNotes: text }] };
        const output = writeAll(createHtmlWriter(WITH_NOTES), [record], { ...HEADING, title: text });
        readWellFormed(output);
        expect(renderedMessages(output)).toEqual(expectedMessages([record], true));
      }),
      { numRuns: 500 },
    );
  });

  it('marks the data as Portuguese, labels the speakers apart, and numbers the transcripts', () => {
    const html = writeAll(createHtmlWriter(WITHOUT_NOTES));
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<div class="dialogue" lang="pt-BR">/g)).toHaveLength(RECORDS.filter((record) => record.messages.length > 0).length);
    RECORDS.forEach((record, offset) => {
      expect(html).toContain(`<h2><span class="transcript-number">${offset + 1}.</span> <span lang="pt-BR">${escapeHtml(synthDisplayName(record))}</span></h2>`);
    });
    expect(new Set(renderedMessages(html).map((message) => `${message.role}:${message.speaker}`))).toEqual(
      new Set(['interviewer:Interviewer', "synth:Maria Conceição D'Ávila", 'synth:Synth zz0001']),
    );
    expect(html).toContain('<p class="empty">This transcript has no messages.</p>');
    expect(html).toContain('<footer class="export-footer">4 transcripts</footer>');
  });

  it('leaves internal notes out unless asked for', () => {
    const html = writeAll(createHtmlWriter(WITHOUT_NOTES));
    expect(html).not.toContain('class="notes"');
    expect(html).not.toContain('Abrir com pergunta ampla');
    expect(renderedMessages(html)).toEqual(expectedMessages(RECORDS, false));
  });

  it('prints each transcript from a new page', () => {
    const html = writeAll(createHtmlWriter(WITHOUT_NOTES));
    expect(html).toMatch(/@media print \{[^@]*\.transcript \+ \.transcript \{ break-before: page;/);
    expect(html).toContain('print-color-adjust: exact');
  });
});
