import { describe, expect, it } from 'vitest';
import { BROKEN, EMPTY, HEADING, RECORDS, ROLE_CONTENT, TRICKY, WITH_NOTES } from './__fixtures__/records';
import { expectGolden } from './__fixtures__/golden';
import { nodesOfType, parseMarkdown, renderedText } from './__fixtures__/markdown-ast';
import { synthDisplayName } from './fields';
import { markdownTranscriptSection } from './markdown';
import { createMarkdownIndexWriter, markdownDirFile, markdownDirFileName, MARKDOWN_INDEX_FILE_NAME } from './markdown-dir';
import type { ExportTranscript } from './record';

function writeFolder(records: readonly ExportTranscript[]): Map<string, string> {
  const index = createMarkdownIndexWriter();
  const files = new Map<string, string>();
  let indexText = index.begin(HEADING);
  records.forEach((record, offset) => {
    const file = markdownDirFile(record, offset + 1, WITH_NOTES);
    files.set(file.fileName, file.content);
    indexText += index.entry(record, offset + 1);
  });
  files.set(index.fileName, indexText + index.end(records.length));
  return files;
}

describe('Markdown folder', () => {
  it('matches the golden folder: index.md and one file per transcript', async () => {
    const files = writeFolder(RECORDS);
    expect([...files.keys()]).toEqual([
      '0001-maria-conceicao-d-avila-20251215-143022.md',
      '0002-synth-zz0001-20251202-100000.md',
      '0003-jose-nandu-oster-exec-without-date.md',
      '0004-ana-souza-20251220-160000.md',
      'index.md',
    ]);
    for (const [name, content] of files) await expectGolden(content, `md-dir/${name}`);
  });

  it('names files safely: ASCII, no separators, capped, unique by position, the same every time', () => {
    const long: ExportTranscript = { ...TRICKY, synth: { ...TRICKY.synth, name: `Ana ${'Maria '.repeat(30)}/../..\\Souza:*?` }, execId: `exec/${'x'.repeat(200)}` };
    const odd: ExportTranscript = { ...EMPTY, synth: { ...EMPTY.synth, name: '李小龙 🙂' }, synthId: '../..', execId: '' };
    const names = [TRICKY, ROLE_CONTENT, EMPTY, BROKEN, long, odd, TRICKY].map((record, offset) => markdownDirFileName(record, offset + 1));
    expect(names.slice(4)).toEqual(['0005-ana-maria-maria-maria-maria-maria-maria-exec-xxxxxxxxxxxxxxx.md', '0006-synth-execution.md', '0007-maria-conceicao-d-avila-20251215-143022.md']);
    for (const name of names) {
      expect(name).toMatch(/^\d{4,}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
      expect(name.length).toBeLessThanOrEqual(80);
    }
    expect(new Set(names).size).toBe(names.length);
    expect(markdownDirFileName(TRICKY, 1)).toBe(names[0]);
    expect(markdownDirFileName(TRICKY, 12345)).toBe('12345-maria-conceicao-d-avila-20251215-143022.md');
  });

  it('puts the same section in a file as in the single Markdown file, as a page of its own', () => {
    const file = markdownDirFile(ROLE_CONTENT, 2, WITH_NOTES);
    expect(file.content.startsWith(markdownTranscriptSection(ROLE_CONTENT, WITH_NOTES, { headingLevel: 1, number: null }))).toBe(true);
    expect(file.content.startsWith('# Synth zz0001\n')).toBe(true);
    const links = nodesOfType(parseMarkdown(file.content), 'link');
    expect(links.map((link) => (link.type === 'link' ? link.url : ''))).toEqual([MARKDOWN_INDEX_FILE_NAME]);
  });

  it('indexes every file in a table whose cells hold exactly the data, whatever it contains', () => {
    const piped: ExportTranscript = { ...TRICKY, synth: { ...TRICKY.synth, name: 'Ana | [Souza] *x*' }, experiment: { id: 'e1', name: 'A | B\nC' } };
    const records = [...RECORDS, piped];
    const files = writeFolder(records);
    const tables = nodesOfType(parseMarkdown(files.get('index.md') ?? ''), 'table');
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.type === 'table' ? tables[0].children : [];
    expect(rows.map((row) => row.children.map((cell) => renderedText(cell)))).toEqual([
      ['#', 'Synth', 'Experiment', 'Topic', 'Execution', 'Date', 'Messages'],
      ['1', "Maria Conceição D'Ávila", 'Checkout "1-clique" | fase 2', 'checkout-1-clique', TRICKY.execId, '2025-12-15 14:30:22 UTC', '5'],
      ['2', 'Synth zz0001', '', '', ROLE_CONTENT.execId, '2026-01-05 11:03:22 (local time, zone unknown)', '4'],
      ['3', 'José Ñandú Øster', 'Onboarding', 'onboarding', 'exec-without-date', '2026-01-13 12:00:00 UTC', '0'],
      ['4', 'Ana Souza', 'exp_4b5a6978', 'pix', BROKEN.execId, '2026-01-13 17:00:00 (local time, zone unknown)', '0'],
      ['5', 'Ana | [Souza] *x*', 'A | B C', 'checkout-1-clique', TRICKY.execId, '2025-12-15 14:30:22 UTC', '5'],
    ]);
    const links = nodesOfType(tables[0] ?? { type: 'root', children: [] }, 'link').map((link) => (link.type === 'link' ? [renderedText(link), link.url] : []));
    expect(links).toEqual(records.map((record, offset) => [synthDisplayName(record), markdownDirFileName(record, offset + 1)]));
    for (const [, url] of links) expect(files.has(url ?? '')).toBe(true);
  });
});
