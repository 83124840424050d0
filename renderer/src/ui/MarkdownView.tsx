// GitHub-flavoured markdown (tables, task lists, strikethrough) rendered as React elements by
// react-markdown + remark-gfm: no innerHTML anywhere. Raw HTML in the text is shown as text (the
// library's default), never interpreted. Images are not fetched (the CSP allows no network
// assets): their alt text is shown instead. Wide tables scroll sideways on their own.
// `headingOffset` moves the text's headings below the page's own (a document's "# Title" under the
// page's h1 becomes an h2), so a page keeps one h1; they keep the look of their written level.
// Loaded on demand (ui/Markdown.tsx): the parser is a sixth of the app's code.
import { useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const REMARK_PLUGINS = [remarkGfm];
const LEVELS = [1, 2, 3, 4, 5, 6] as const;
type HeadingTag = `h${(typeof LEVELS)[number]}`;

const BASE_COMPONENTS: Components = {
  table: ({ node: _node, ...props }) => (
    <div className="markdown__table-scroll">
      <table {...props} />
    </div>
  ),
  a: ({ node: _node, href, children, ...props }) => (
    <a {...props} href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
  img: ({ alt, src }) => (
    <span className="markdown__image" title={typeof src === 'string' ? src : undefined}>
      [{alt || (typeof src === 'string' ? src : '')}]
    </span>
  ),
};

function componentsFor(headingOffset: number): Components {
  const headings: Components = {};
  for (const level of LEVELS) {
    const Tag = `h${Math.min(6, level + headingOffset)}` as HeadingTag;
    headings[`h${level}`] = ({ node: _node, ...props }) => <Tag {...props} className={`markdown__h${level}`} />;
  }
  return { ...BASE_COMPONENTS, ...headings };
}

export function MarkdownView({ text, className, headingOffset = 0 }: { text: string; className?: string; headingOffset?: number }) {
  const components = useMemo(() => componentsFor(headingOffset), [headingOffset]);
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <ReactMarkdown remarkPlugins={REMARK_PLUGINS} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
