// Where desktop exports may go. The page asks main for a place (a native save dialog the page
// cannot fake or fill in), and afterwards may only name places that dialog returned: to show a
// finished export in the file manager, or as the PDF a print writes. This is that bookkeeping
// and the dialog's options, as plain code; main/electron/exports.ts shows the dialogs.
import { stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pdfSourceHtmlPath, type DesktopExportFormat, type ExportTargetRequest, type PrintToPdfRequest } from '../../../shared/desktop-bridge';
import { AppError } from '../../../shared/errors';

interface FormatFacts {
  /** The save dialog's title and the filter's name. */
  title: string;
  filterName: string;
  /** Extensions the filter shows; the first is added to a name typed without one. Empty: a folder. */
  extensions: readonly string[];
}

const FORMATS: Record<DesktopExportFormat, FormatFacts> = {
  md: { title: 'Export Transcripts as Markdown', filterName: 'Markdown', extensions: ['md', 'markdown'] },
  'md-dir': { title: 'Export Transcripts as a Folder of Markdown Files', filterName: 'Folder', extensions: [] },
  json: { title: 'Export Transcripts as JSON', filterName: 'JSON', extensions: ['json'] },
  jsonl: { title: 'Export Transcripts as JSON Lines', filterName: 'JSON Lines', extensions: ['jsonl'] },
  csv: { title: 'Export Transcripts as CSV', filterName: 'CSV (spreadsheet)', extensions: ['csv'] },
  html: { title: 'Export Transcripts as a Web Page', filterName: 'Web page (HTML)', extensions: ['html', 'htm'] },
  pdf: { title: 'Export Transcripts as PDF', filterName: 'PDF', extensions: ['pdf'] },
};

/** The save dialog for an export, as data (Electron's SaveDialogOptions takes it as it is). */
export interface ExportSaveDialog {
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
  /** createDirectory: macOS; showOverwriteConfirmation: Linux (Windows and macOS always ask). */
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
}

export function exportSaveDialog(format: DesktopExportFormat, suggestedName: string, folder: string): ExportSaveDialog {
  const facts = FORMATS[format];
  return {
    title: facts.title,
    buttonLabel: 'Export',
    defaultPath: join(folder, withFormatExtension(format, safeFileName(suggestedName))),
    filters: facts.extensions.length === 0 ? [] : [{ name: facts.filterName, extensions: [...facts.extensions] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** The last part of a suggested name, without characters file systems refuse; never empty. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = last.replace(/[\u0000-\u001f<>:"|?*]/g, '').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'transcripts' : cleaned;
}

/** `report` → `report.csv`; a name that already ends in one of the format's extensions is kept. */
export function withFormatExtension(format: DesktopExportFormat, path: string): string {
  const extensions = FORMATS[format].extensions;
  if (extensions.length === 0) return path;
  const current = extname(path).slice(1).toLowerCase();
  return extensions.includes(current) ? path : `${path}.${extensions[0]}`;
}

/** At most this many chosen places are remembered (oldest forgotten first). */
const MAX_REMEMBERED = 200;

export class ExportTargets {
  readonly #chosen = new Map<string, DesktopExportFormat>();
  #lastFolder: string | null = null;

  /** The folder the previous export went to, for the next dialog to start in. */
  get lastFolder(): string | null {
    return this.#lastFolder;
  }

  /** Records a place the save dialog returned. */
  remember(path: string, format: DesktopExportFormat): void {
    if (!isAbsolute(path)) throw new AppError('bad_request', `An export target must be an absolute path (got ${path}).`);
    const key = resolve(path);
    this.#chosen.delete(key);
    this.#chosen.set(key, format);
    while (this.#chosen.size > MAX_REMEMBERED) this.#chosen.delete(this.#chosen.keys().next().value as string);
    this.#lastFolder = dirname(key);
  }

  formatOf(path: string): DesktopExportFormat | undefined {
    return isAbsolute(path) ? this.#chosen.get(resolve(path)) : undefined;
  }

  /** A chosen place, or a file inside a chosen Markdown folder (what the export wrote there). */
  mayReveal(path: string): boolean {
    if (typeof path !== 'string' || path === '' || path.includes('\0') || !isAbsolute(path)) return false;
    const target = resolve(path);
    if (this.#chosen.has(target)) return true;
    for (const [chosen, format] of this.#chosen) {
      if (format === 'md-dir' && isInside(chosen, target)) return true;
    }
    return false;
  }

  /** The paths of a print request, once both are known to be allowed; a typed error otherwise. */
  checkPrint(request: PrintToPdfRequest): PrintToPdfRequest {
    const { htmlPath, pdfPath } = request;
    if (!isAbsolute(pdfPath) || this.formatOf(pdfPath) !== 'pdf') {
      throw new AppError('bad_request', 'A PDF can only be written where you chose to save it: choose the file again.', { pdfPath });
    }
    if (!isAbsolute(htmlPath) || resolve(htmlPath) !== resolve(pdfSourceHtmlPath(pdfPath))) {
      throw new AppError('bad_request', 'The page to print must be the HTML export written beside the PDF.', { htmlPath, expected: pdfSourceHtmlPath(pdfPath) });
    }
    return { htmlPath: resolve(htmlPath), pdfPath: resolve(pdfPath) };
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The native dialogs the choice needs (Electron's in the app, stand-ins in tests). */
export interface ExportDialogs {
  /** The save dialog; null when cancelled. */
  save(options: ExportSaveDialog): Promise<string | null>;
  /** Asked only when a name typed without extension got one and that file exists already. */
  confirmReplace(path: string): Promise<boolean>;
}

/**
 * Shows the save dialog for `request`, adds the format's extension when the name lacks one (Linux
 * dialogs do not add it), and remembers the result. The dialog asked before replacing the file the
 * user picked; if the extension made it name another existing file, that is asked here.
 */
export async function chooseExportTarget(
  request: ExportTargetRequest,
  dialogs: ExportDialogs,
  targets: ExportTargets,
  defaultFolder: string,
): Promise<string | null> {
  const chosen = await dialogs.save(exportSaveDialog(request.format, request.suggestedName, targets.lastFolder ?? defaultFolder));
  if (chosen === null || chosen === '') return null;
  const path = withFormatExtension(request.format, resolve(chosen));
  if (path !== resolve(chosen) && (await exists(path)) && !(await dialogs.confirmReplace(path))) return null;
  targets.remember(path, request.format);
  return path;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
