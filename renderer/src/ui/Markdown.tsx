// Markdown on the page. The renderer (react-markdown + remark-gfm, ui/MarkdownView.tsx) is loaded
// on first use, or earlier when the app is idle (preloadMarkdown): it is a sixth of the app's code,
// and no first screen needs it. Until it is here the text shows as written.
import { lazy, Suspense } from 'react';
import './markdown.css';

interface MarkdownProps {
  text: string;
  className?: string;
  headingOffset?: number;
}

const loadView = () => import('./MarkdownView');
// A renderer that could not be loaded (in serve mode, the server gone for a moment) leaves the text
// as written, every word of it, for the rest of the session.
const MarkdownView = lazy(() =>
  loadView().then(
    (module) => ({ default: module.MarkdownView }),
    () => ({ default: MarkdownSource }),
  ),
);

/** Loads the renderer ahead of its first use. Best effort: a failure is met again where a text needs it. */
export function preloadMarkdown(): void {
  loadView().catch(() => undefined);
}

export function Markdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<MarkdownSource {...props} />}>
      <MarkdownView {...props} />
    </Suspense>
  );
}

/** The text as written, while the renderer loads (or if it cannot). */
function MarkdownSource({ text, className }: MarkdownProps) {
  return <div className={className ? `markdown markdown--source ${className}` : 'markdown markdown--source'}>{text}</div>;
}
