// What the command palette (Ctrl/Cmd+K) searches: each screen contributes sources that look up
// their own things through the API (a list method's search param, a get by exact id).
import type { NavigateOptions } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../shared/api-client';
import { AppError } from '../../../shared/errors';

export interface PaletteItem {
  /** Unique within its source. */
  key: string;
  title: string;
  subtitle?: string;
  /** Where choosing it goes. */
  target: NavigateOptions;
}

export interface PaletteSource {
  id: string;
  /** Heading of this source's group ("Experiments"). */
  heading: (t: TFunction) => string;
  /** Fewer characters than this and the source is not asked. */
  minLength: number;
  search: (client: ApiClient, text: string, signal: AbortSignal) => Promise<PaletteItem[]>;
}

/** How many results one source shows. */
export const PALETTE_LIMIT = 6;

/** Ids look like `exp_…`, UUIDs or other unbroken tokens; a palette text like that is also tried as an id. */
export function looksLikeId(text: string): boolean {
  return /^[\w.:-]{4,200}$/.test(text) && /[\d_-]/.test(text);
}

/** A lookup by id that found nothing (or was handed something that cannot be an id): no item. */
function nothingFound(error: unknown): null {
  if (error instanceof AppError && (error.code === 'not_found' || error.code === 'bad_request')) return null;
  throw error;
}

/**
 * What the record sources answer: the record whose id is exactly the text first (asked only when
 * the text looks like an id), then the list search's matches without repeating it, at most
 * PALETTE_LIMIT. Both calls run at once.
 */
export async function exactIdThenMatches(text: string, byId: () => Promise<PaletteItem>, matches: Promise<PaletteItem[]>): Promise<PaletteItem[]> {
  const [exact, found] = await Promise.all([looksLikeId(text) ? byId().catch(nothingFound) : null, matches]);
  const rest = found.filter((item) => item.key !== exact?.key);
  return (exact === null ? rest : [exact, ...rest]).slice(0, PALETTE_LIMIT);
}
