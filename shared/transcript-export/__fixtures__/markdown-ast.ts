// Markdown read back the way GitHub and most viewers read it (CommonMark + GFM), to check that data
// never turns into markup: the same parser react-markdown and remark-gfm use in the renderer.
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function nodesOfType(tree: Nodes, type: Nodes['type']): Nodes[] {
  const found: Nodes[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

/** The text a reader sees: hard line breaks as '\n', markup gone. */
export function renderedText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => renderedText(child as Nodes)).join('');
  return '';
}

export interface RenderedMessage {
  speaker: string;
  paragraphs: string[];
  notes: string[] | null;
}

/**
 * The dialogue as a reader of the rendered Markdown sees it: a paragraph opening with a bold
 * "Name:" starts a message, plain paragraphs continue it, a blockquote opening with "Internal
 * notes:" holds its notes; anything else (a heading, the facts list) ends it.
 */
export function renderedDialogue(children: RootContent[]): RenderedMessage[] {
  const messages: RenderedMessage[] = [];
  let current: RenderedMessage | null = null;
  for (const node of children) {
    const [first] = node.type === 'paragraph' ? node.children : [];
    if (node.type === 'paragraph' && first?.type === 'strong' && renderedText(first).endsWith(':')) {
      current = { speaker: renderedText(first).slice(0, -1), paragraphs: [renderedText(node).slice(renderedText(first).length + 1)], notes: null };
      messages.push(current);
    } else if (node.type === 'paragraph' && current !== null) {
      current.paragraphs.push(renderedText(node));
    } else if (node.type === 'blockquote' && current !== null && renderedText(node).startsWith('Internal notes: ')) {
      const paragraphs = node.children.map((child) => renderedText(child));
      current.notes = [paragraphs[0]?.slice('Internal notes: '.length) ?? '', ...paragraphs.slice(1)];
    } else {
      current = null;
    }
  }
  return messages;
}

/** What renderedDialogue should find for a message's text: paragraphs of trimmed, non-blank lines. */
export function expectedParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '');
}
