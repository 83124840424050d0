// One export from the dialog, wherever the page runs:
// - desktop app: the native save dialog says where (it has already asked before replacing a
//   file), the backend writes there; a PDF is the HTML export written beside it, then printed by
//   the main process;
// - serve mode: the backend keeps the file for one download, the page fetches it with an
//   <a download> click (same origin: the token cookie covers it).
// Cancel aborts the call; the backend removes what it had written.
import type { ProgressEvent } from '../../../../shared/api';
import type { ApiClient } from '../../../../shared/api-client';
import type { ExportCount, ExportResult, ExportScope } from '../../../../shared/contract/export';
import { pdfSourceHtmlPath, type DesktopBridge, type DesktopExportFormat } from '../../../../shared/desktop-bridge';
import { AppError } from '../../../../shared/errors';
import { fileNameOf } from '../../app/desktop/backend-view';
import { fallbackFileName } from './formats';

export interface ExportRequest {
  scope: ExportScope;
  format: DesktopExportFormat;
  includeInternalNotes: boolean;
  csvBom: boolean;
}

export type ExportOutcome =
  /** Written to a file the researcher chose (desktop). For a PDF, `result` describes the HTML it was printed from. */
  | { kind: 'saved'; path: string; fileName: string; format: DesktopExportFormat; result: ExportResult }
  /** Handed to the browser as a download (serve mode). */
  | { kind: 'downloaded'; fileName: string; result: ExportResult }
  /** The researcher closed the save dialog without choosing. */
  | { kind: 'dismissed' };

/** Where the run is: asking for a file, writing transcripts, printing the PDF. */
export type ExportStage = 'choosing' | 'writing' | 'printing';

export interface ExportEnvironment {
  client: ApiClient;
  /** The desktop app's bridge; undefined in a browser (serve mode). */
  bridge: Pick<DesktopBridge, 'chooseExportTarget' | 'printHtmlToPdf'> | undefined;
  /** Starts the browser's download of a same-origin URL. */
  startDownload: (url: string, fileName: string) => void;
}

export interface ExportRunCallbacks {
  signal: AbortSignal;
  onStage: (stage: ExportStage) => void;
  onProgress: (event: ProgressEvent) => void;
}

/** The name a save dialog offers: the backend's suggestion for the format (a PDF takes the HTML one's). */
export function suggestedName(format: DesktopExportFormat, count: ExportCount | undefined): string {
  if (format === 'pdf') {
    const html = count?.suggestedFileNames.html;
    return html === undefined ? fallbackFileName('pdf') : html.replace(/\.html$/i, '.pdf');
  }
  return count?.suggestedFileNames[format] ?? fallbackFileName(format);
}

export async function runExport(environment: ExportEnvironment, request: ExportRequest, count: ExportCount | undefined, callbacks: ExportRunCallbacks): Promise<ExportOutcome> {
  const { client, bridge } = environment;
  const { signal, onStage, onProgress } = callbacks;
  const options = { includeInternalNotes: request.includeInternalNotes, csvBom: request.csvBom };

  if (bridge === undefined) {
    if (request.format === 'pdf' || request.format === 'md-dir') {
      throw new AppError('bad_request', 'This format can only be saved from the desktop app.');
    }
    onStage('writing');
    const result = await client.call('export.transcripts', { scope: request.scope, format: request.format, options, target: { kind: 'download' } }, { signal, onProgress });
    if (result.target !== 'download') throw new AppError('internal', 'The server wrote the export to a file instead of offering a download.');
    environment.startDownload(result.downloadUrl, result.fileName);
    return { kind: 'downloaded', fileName: result.fileName, result };
  }

  onStage('choosing');
  const path = await bridge.chooseExportTarget({ format: request.format, suggestedName: suggestedName(request.format, count) });
  if (path === null) return { kind: 'dismissed' };
  if (signal.aborted) throw new AppError('cancelled', 'The export was cancelled.');

  onStage('writing');
  const writePath = request.format === 'pdf' ? pdfSourceHtmlPath(path) : path;
  const result = await client.call(
    'export.transcripts',
    {
      scope: request.scope,
      format: request.format === 'pdf' ? 'html' : request.format,
      options,
      // The save dialog has asked before replacing a file.
      target: { kind: 'file', path: writePath, overwrite: true },
    },
    { signal, onProgress },
  );

  if (request.format === 'pdf') {
    onStage('printing');
    try {
      await bridge.printHtmlToPdf({ htmlPath: writePath, pdfPath: path });
    } catch (error) {
      throw new AppError('internal', error instanceof Error ? error.message : String(error), { step: 'pdf' });
    }
  }
  return { kind: 'saved', path, fileName: fileNameOf(path), format: request.format, result };
}

/** Starts a same-origin download the way a link click would (Chromium then saves it, or asks). */
export function clickDownloadLink(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
