// What the desktop app's preload exposes to the page as `window.synthlab`, and the events that
// travel with it. The page gets named functions only: no port, no ipcRenderer, no event objects
// (DESIGN.md, Actual Budget's narrow preload). Serve mode has no bridge; the page then uses HTTP.
import { z } from 'zod';
import type { ApiRequest, ApiResponse, ProgressEvent } from './api';
import type { ApiTransport } from './api-client';
import { EXPORT_FORMATS } from './transcript-export/record';

/** The global the preload defines (`window.synthlab`). */
export const DESKTOP_BRIDGE_GLOBAL = 'synthlab';

export interface DesktopBridge {
  /** The app's version (package.json), for the About line and bug reports. */
  readonly appVersion: string;
  /** 'darwin' | 'win32' | 'linux' …: for keyboard-shortcut labels. */
  readonly platform: string;
  /**
   * Sends one API request to the backend. Never rejects: a failure of any kind (the backend
   * restarting, a cancel) resolves as `{ ok: false, error }`, because errors lose their code when
   * they cross the preload's bridge.
   */
  send(request: ApiRequest, onProgress?: (event: ProgressEvent) => void): Promise<ApiResponse>;
  /** Stops the call with this id; it then resolves with a 'cancelled' error. */
  cancel(requestId: string): void;
  /** Menu choices, files dropped on the window, files the app was opened with. Returns an unsubscribe function. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
  /** The backend process: starting, ready, restarting after a crash, stopped. Returns an unsubscribe function. */
  onBackendStatus(listener: (status: BackendStatus) => void): () => void;
  /** The latest status (a page that subscribes late still knows whether the backend is up). */
  backendStatus(): BackendStatus;
  /** After the backend stopped for good (too many crashes): try again. */
  restartBackend(): Promise<void>;
  /**
   * On Linux without a keyring, safeStorage only obfuscates. The main process asks the user in a
   * native dialog whether passwords may be saved anyway; resolves true when they agreed.
   */
  allowWeakSecretStorage(): Promise<boolean>;
  /**
   * Asks, in a native save dialog, where to write an export of `format` ('md-dir': the path of a
   * folder to create). Resolves the chosen absolute path, ending in the format's extension, or
   * null when the user cancelled. The dialog has already asked before replacing an existing file,
   * so the export may overwrite it. Only paths chosen here are accepted by `showInFolder` and
   * `printHtmlToPdf`.
   */
  chooseExportTarget(request: ExportTargetRequest): Promise<string | null>;
  /** Shows a finished export in the file manager. Ignored for a path `chooseExportTarget` did not return (or a file outside a folder it returned). */
  showInFolder(path: string): void;
  /**
   * PDF: prints the HTML export written at `htmlPath`, which must be `pdfSourceHtmlPath(pdfPath)`,
   * to `pdfPath`, which `chooseExportTarget({ format: 'pdf' })` must have returned. Main loads the
   * HTML in a hidden window with no JavaScript and no network, writes the PDF beside its target and
   * renames it into place, then deletes the HTML. Rejects with an Error whose message can be shown
   * to the researcher.
   */
  printHtmlToPdf(request: PrintToPdfRequest): Promise<void>;
}

// ---- commands from the menu, the dock, the file manager ------------------------------------------

export const DESKTOP_COMMAND_TYPES = ['create-sqlite', 'open-sqlite', 'connect-postgres', 'export-transcripts', 'open-settings'] as const;

const absolutePath = z.string().min(1).max(4096).refine((path) => !path.includes('\0'), 'A file path cannot contain a NUL character');

export const desktopCommandSchema = z.discriminatedUnion('type', [
  /** File → New SQLite database…: the user chose where; call connection.createSqlite. */
  z.object({ type: z.literal('create-sqlite'), path: absolutePath }),
  /** Open a SQLite file: call connection.switch with it. */
  z.object({ type: z.literal('open-sqlite'), path: absolutePath, source: z.enum(['dialog', 'recent', 'drop', 'launch']) }),
  /** File → Connect to PostgreSQL…: show the connection form. */
  z.object({ type: z.literal('connect-postgres') }),
  /** File → Export transcripts…: show the export screen. */
  z.object({ type: z.literal('export-transcripts') }),
  z.object({ type: z.literal('open-settings') }),
]);

export type DesktopCommand = z.infer<typeof desktopCommandSchema>;

// ---- the backend process ----------------------------------------------------------------------

export const backendStatusSchema = z.discriminatedUnion('state', [
  /** Spawned, opening its database. */
  z.object({ state: z.literal('starting'), generation: z.number().int() }),
  /** Answering; `warnings` are startup problems worth a notice (a default connection that failed …). */
  z.object({ state: z.literal('ready'), generation: z.number().int(), warnings: z.array(z.string()) }),
  /** It died; calls in flight failed with 'connection_lost', new calls wait for the restart. */
  z.object({
    state: z.literal('restarting'),
    generation: z.number().int(),
    exitCode: z.number().int().nullable(),
    attempt: z.number().int(),
    delayMs: z.number(),
    message: z.string(),
  }),
  /** It kept dying: no more automatic restarts until restartBackend(). */
  z.object({ state: z.literal('stopped'), generation: z.number().int(), exitCode: z.number().int().nullable(), message: z.string() }),
]);

export type BackendStatus = z.infer<typeof backendStatusSchema>;

// ---- exports in the desktop app ----------------------------------------------------------------

/** What the desktop app can save an export as: the text formats, and PDF printed from the HTML. */
export const DESKTOP_EXPORT_FORMATS = [...EXPORT_FORMATS, 'pdf'] as const;
export type DesktopExportFormat = (typeof DESKTOP_EXPORT_FORMATS)[number];

export const exportTargetRequestSchema = z.strictObject({
  format: z.enum(DESKTOP_EXPORT_FORMATS),
  /** The file (or folder) name the dialog offers, e.g. `transcripts-exec-1a2b.csv`; main keeps only its last path part. */
  suggestedName: z.string().trim().min(1).max(255).refine((name) => !name.includes('\0'), 'A file name cannot contain a NUL character'),
});
export type ExportTargetRequest = z.infer<typeof exportTargetRequestSchema>;

export const printToPdfRequestSchema = z.strictObject({ htmlPath: absolutePath, pdfPath: absolutePath });
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

/**
 * Where a PDF export writes the HTML it prints from: a hidden file beside the PDF
 * (`/home/ana/report.pdf` → `/home/ana/.report.pdf.print.html`). The export UI writes the HTML
 * export there, then calls `printHtmlToPdf`, which removes it.
 */
export function pdfSourceHtmlPath(pdfPath: string): string {
  const cut = Math.max(pdfPath.lastIndexOf('/'), pdfPath.lastIndexOf('\\'));
  return `${pdfPath.slice(0, cut + 1)}.${pdfPath.slice(cut + 1)}.print.html`;
}

// ---- SQLite files -----------------------------------------------------------------------------

/** File name endings taken as SQLite databases when dropped on the window or given at launch. */
export const SQLITE_FILE_EXTENSIONS = ['.db', '.sqlite', '.sqlite3', '.db3'] as const;

export function isSqliteFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return SQLITE_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

// ---- the page's transport -----------------------------------------------------------------------

/** The page's ApiTransport over the preload's bridge: the port itself stays in the preload. */
export function createBridgeTransport(bridge: Pick<DesktopBridge, 'send' | 'cancel'>): ApiTransport {
  return {
    async send(request, { signal, onProgress }) {
      const onAbort = (): void => bridge.cancel(request.id);
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await bridge.send(request, onProgress);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}

/** The preload's bridge, when this page runs in the desktop app. */
export function desktopBridgeOf(global: object): DesktopBridge | undefined {
  const bridge: unknown = Reflect.get(global, DESKTOP_BRIDGE_GLOBAL);
  return typeof bridge === 'object' && bridge !== null && typeof Reflect.get(bridge, 'send') === 'function' ? (bridge as DesktopBridge) : undefined;
}
