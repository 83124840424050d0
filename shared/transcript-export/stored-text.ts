// ExportTranscript.storedText: what an export writes instead of a dialogue when not one message
// could be read from the stored cell, so that a malformed transcript still reaches the file.
import type { NormalizedMessages } from '../transcript-messages';

/** The cell as stored (JSON text for an already-parsed PostgreSQL value), or null when there is a dialogue or nothing. */
export function storedTextOf(normalized: NormalizedMessages, stored: unknown): string | null {
  if (normalized.messages.length > 0 || normalized.problems.length === 0) return null;
  if (normalized.rawText !== null) return normalized.rawText.trim() === '' ? null : normalized.rawText;
  return stored === null || stored === undefined ? null : JSON.stringify(stored);
}
