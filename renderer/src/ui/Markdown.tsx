// Markdown on the page. The renderer (react-markdown + remark-gfm, ui/MarkdownView.tsx) is loaded
// on first use, or earlier when the app is idle (preloadMarkdown): it is a sixth of the app's code,
// and no first screen needs it. Until it is here the text shows as written.
import { lazy, Suspense } from 'react';
import './markdown.css';

const loadView = () => import('./MarkdownView');
const MarkdownView = lazy(() => loadView().then((module) => ({ default: module.MarkdownView })));

export function preloadMarkdown(): void {
  void loadView();
}

export function Markdown({ text, className, headingOffset }: { text: string; className?: string; headingOffset?: number }) {
  return (
    <Suspense fallback={<div className={className ? `markdown markdown--source ${className}` : 'markdown markdown--source'}>{text}</div>}>
      <MarkdownView text={text} className={className} headingOffset={headingOffset} />
    </Suspense>
  );
}
