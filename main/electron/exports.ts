// Desktop exports: the save dialog, "show in folder", and PDF printing in a hidden window. The
// rules (which paths, which dialog options, how the PDF is written) are plain code in
// main/backend/desktop/export-targets.ts and pdf-print.ts; this file only lends them Electron.
import { BrowserWindow, dialog, session, shell, type Session } from 'electron';
import type { ExportTargetRequest, PrintToPdfRequest } from '../../shared/desktop-bridge';
import { APP_SCHEME } from '../backend/desktop/app-protocol';
import { chooseExportTarget, ExportTargets, type ExportDialogs } from '../backend/desktop/export-targets';
import { handlePrintRequest, PrintJobs, printHtmlFileToPdf } from '../backend/desktop/pdf-print';

export interface DesktopExports {
  chooseTarget(request: ExportTargetRequest): Promise<string | null>;
  reveal(path: string): void;
  print(request: PrintToPdfRequest): Promise<void>;
}

export interface DesktopExportOptions {
  /** The window dialogs belong to. */
  parent: () => BrowserWindow | null;
  /** Where the first dialog starts (the user's Documents folder). */
  defaultFolder: string;
  log: (line: string) => void;
}

/** A print that takes longer than this (a stuck page) is abandoned. */
const PRINT_TIMEOUT_MS = 120_000;
/** In memory only (no "persist:" prefix): the print window keeps nothing on disk. */
const PRINT_PARTITION = 'synthlab-print';

export function desktopExports(options: DesktopExportOptions): DesktopExports {
  const targets = new ExportTargets();
  const jobs = new PrintJobs();
  let printSession: Session | null = null;

  const dialogs: ExportDialogs = {
    async save(dialogOptions) {
      const parent = options.parent();
      const result = parent ? await dialog.showSaveDialog(parent, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async confirmReplace(path) {
      const question: Electron.MessageBoxOptions = {
        type: 'question',
        title: 'Replace the file?',
        message: `“${path}” already exists. Replace it?`,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const parent = options.parent();
      const { response } = parent ? await dialog.showMessageBox(parent, question) : await dialog.showMessageBox(question);
      return response === 0;
    },
  };

  /** The hidden window's session: app:// answers only the page being printed; nothing is granted. */
  function sessionForPrinting(): Session {
    if (printSession) return printSession;
    const created = session.fromPartition(PRINT_PARTITION, { cache: false });
    created.protocol.handle(APP_SCHEME, (request) => handlePrintRequest(request, jobs));
    created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    created.setPermissionCheckHandler(() => false);
    printSession = created;
    return created;
  }

  async function render(url: string): Promise<Uint8Array> {
    const window = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        session: sessionForPrinting(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: false,
      },
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`printing took longer than ${PRINT_TIMEOUT_MS / 1000} s`)), PRINT_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        (async () => {
          await window.loadURL(url);
          return window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, generateTaggedPDF: true });
        })(),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
      if (!window.isDestroyed()) window.destroy();
    }
  }

  return {
    chooseTarget: (request) => chooseExportTarget(request, dialogs, targets, options.defaultFolder),
    reveal(path) {
      if (targets.mayReveal(path)) shell.showItemInFolder(path);
      else options.log('Refused to show a path no export dialog returned.');
    },
    print: (request) => printHtmlFileToPdf(targets.checkPrint(request), render, jobs),
  };
}
