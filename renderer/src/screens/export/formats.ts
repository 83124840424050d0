// The formats the dialog offers, in the order shown. Every text format works everywhere except a
// Markdown folder, which a browser cannot download; PDF is printed by the desktop app.
import type { DesktopExportFormat } from '../../../../shared/desktop-bridge';

export type ExportFormatChoice = DesktopExportFormat;

// A Record, so that a format added to the bridge must be given its place here.
const EXTENSIONS: Record<ExportFormatChoice, string> = { md: '.md', 'md-dir': '', json: '.json', jsonl: '.jsonl', csv: '.csv', html: '.html', pdf: '.pdf' };

export const FORMAT_CHOICES = Object.keys(EXTENSIONS) as ExportFormatChoice[];

export const DEFAULT_FORMAT: ExportFormatChoice = 'md';

/** Formats that need the desktop app (a folder, or Chromium's printing in the main process). */
const DESKTOP_ONLY: ReadonlySet<ExportFormatChoice> = new Set(['pdf', 'md-dir']);

export function isFormatAvailable(format: ExportFormatChoice, desktop: boolean): boolean {
  return desktop || !DESKTOP_ONLY.has(format);
}

/** A name to offer before export.count has answered. */
export function fallbackFileName(format: ExportFormatChoice): string {
  return `transcripts${EXTENSIONS[format]}`;
}
