// File names the export suggests or writes: ASCII only (Portuguese accents folded), no path
// separators or characters Windows refuses, short enough for any file system.
import type { ExportFormat } from './record';

const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', þ: 'th', ð: 'd' };

/** `"Conceição D'Ávila"` → `"conceicao-d-avila"`; '' when nothing of the text is ASCII-able. */
export function asciiSlug(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæÆœŒøØđĐłŁþð]/g, (letter) => FOLDED_LETTERS[letter] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}

const EXTENSIONS: Record<ExportFormat, string> = { md: 'md', 'md-dir': '', json: 'json', jsonl: 'jsonl', csv: 'csv', html: 'html' };

/**
 * The name to offer in a save dialog or to write when none is given: `transcripts-<subject>.<ext>`
 * (for 'md-dir', the folder name without extension). `subject` is any text naming what is exported,
 * such as the export heading's title.
 */
export function suggestedFileName(format: ExportFormat, subject: string): string {
  const slug = asciiSlug(subject, 60);
  const base = slug === '' ? 'transcripts' : `transcripts-${slug}`;
  const extension = EXTENSIONS[format];
  return extension === '' ? base : `${base}.${extension}`;
}
