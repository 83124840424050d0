// A person's picture, or their initials when there is none. The app usually runs offline and synth
// photos are remote URLs (the CSP also refuses plain http:), so most photos never load: the
// initials are always drawn underneath and the photo only covers them once it has really loaded.
// A URL that failed once is not asked for again in this session.
import { useCallback, useState } from 'react';
import './avatar.css';

const failedUrls = new Set<string>();

/** The sizes avatar.css draws, in px: a table row, a message, a page heading, a profile. */
export type AvatarSize = 22 | 24 | 44 | 72;

/** Colours come in this many hues: a class each, no inline style (a table draws dozens a frame, and styles shared by class are computed once). */
const HUES = 24;

export interface AvatarProps {
  /** The person's name: initials and accessible label. */
  name: string;
  /** Keeps the colour stable per person (an id); defaults to the name. */
  seed?: string;
  /** A photo URL; null or a URL that fails shows the initials. */
  url?: string | null;
  size: AvatarSize;
}

export function Avatar({ name, seed, url = null, size }: AvatarProps) {
  return (
    <span className={`avatar avatar--${size} avatar--hue-${hueOf(seed ?? name)}`} role="img" aria-label={name}>
      {initialsOf(name)}
      {url !== null && !failedUrls.has(url) && <AvatarPhoto key={url} url={url} />}
    </span>
  );
}

function AvatarPhoto({ url }: { url: string }) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  const fail = useCallback(() => {
    failedUrls.add(url);
    setState('failed');
  }, [url]);
  // A load refused before React listened (a CSP block, a cached failure) has no error event left to
  // hear: an image already complete with no pixels has failed.
  const checkAlreadyDone = useCallback(
    (image: HTMLImageElement | null) => {
      if (image === null || !image.complete) return;
      if (image.naturalWidth === 0) fail();
      else setState('loaded');
    },
    [fail],
  );
  if (state === 'failed') return null;
  return (
    <img
      ref={checkAlreadyDone}
      className={`avatar__photo${state === 'loaded' ? ' is-loaded' : ''}`}
      src={url}
      alt=""
      decoding="async"
      referrerPolicy="no-referrer"
      onLoad={() => setState('loaded')}
      onError={fail}
    />
  );
}

/** "Maria Aparecida Souza" → "MS"; "Ana" → "A"; ids and odd names keep their first characters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word));
  const first = words[0];
  if (first === undefined) return name.trim().slice(0, 2).toUpperCase() || '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string): string => (word.match(/\p{L}/u)?.[0] ?? '').toLocaleUpperCase('pt-BR');
  return letter(first) + (last === undefined ? '' : letter(last));
}

function hueOf(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (hash * 31 + text.charCodeAt(index)) >>> 0;
  return hash % HUES;
}
