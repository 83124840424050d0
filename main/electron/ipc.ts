// The only IPC the page can reach, through the preload's named functions. Every handler first
// checks who is asking: the main frame of the app's own window, on the app's own origin.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type MessagePortMain, type WebContents } from 'electron';
import { isTrustedPageUrl } from '../backend/desktop/app-protocol';
import type { BackendSupervisor } from '../backend/port/supervisor';
import { exportTargetRequestSchema, printToPdfRequestSchema } from '../../shared/desktop-bridge';
import { isAppError } from '../../shared/errors';
import type { DesktopExports } from './exports';
import { IPC, type PrintOutcome } from './ipc-channels';

export interface IpcDeps {
  /** The web contents of the app's window, or null while there is none. */
  appContents: () => WebContents | null;
  devServerOrigin: string | null;
  supervisor: BackendSupervisor<MessagePortMain>;
  allowWeakSecrets: () => Promise<boolean>;
  exports: DesktopExports;
  log: (line: string) => void;
}

export function registerIpc(deps: IpcDeps): void {
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const contents = deps.appContents();
    // The top frame of the app's window (not an iframe, not another window), showing an app page.
    const ok =
      frame !== null &&
      contents !== null &&
      event.sender === contents &&
      frame.parent === null &&
      frame.processId === contents.mainFrame.processId &&
      frame.routingId === contents.mainFrame.routingId &&
      isTrustedPageUrl(frame.url, deps.devServerOrigin);
    if (!ok) deps.log(`Refused an IPC message from ${frame?.url ?? 'a frame that is gone'}.`);
    return ok;
  };

  ipcMain.on(IPC.portRequest, (event) => {
    if (!trusted(event)) return;
    const contents = event.sender;
    // The status first: a page that just loaded learns whether the backend is up.
    contents.send(IPC.backendStatus, deps.supervisor.status);
    deps.supervisor.connect().then(
      ({ port, generation }) => {
        if (contents.isDestroyed()) return port.close();
        contents.postMessage(IPC.port, { generation }, [port]);
      },
      () => undefined, // the backend stopped: the page has its status
    );
  });

  ipcMain.handle(IPC.restartBackend, (event) => {
    if (!trusted(event)) return;
    deps.supervisor.restartNow();
  });

  ipcMain.handle(IPC.allowWeakSecrets, async (event) => {
    if (!trusted(event)) return false;
    return deps.allowWeakSecrets();
  });

  ipcMain.handle(IPC.chooseExportTarget, async (event, data: unknown): Promise<string | null> => {
    if (!trusted(event)) return null;
    const request = exportTargetRequestSchema.safeParse(data);
    if (!request.success) {
      deps.log('Refused an export dialog request of no known shape.');
      return null;
    }
    return deps.exports.chooseTarget(request.data);
  });

  ipcMain.on(IPC.showInFolder, (event, data: unknown) => {
    if (!trusted(event) || typeof data !== 'string') return;
    deps.exports.reveal(data);
  });

  ipcMain.handle(IPC.printToPdf, async (event, data: unknown): Promise<PrintOutcome> => {
    if (!trusted(event)) return { ok: false, message: 'Printing was refused: the request did not come from the app’s window.' };
    const request = printToPdfRequestSchema.safeParse(data);
    if (!request.success) return { ok: false, message: 'Printing was refused: the request is not shaped like a print request.' };
    try {
      await deps.exports.print(request.data);
      return { ok: true };
    } catch (error) {
      const details = isAppError(error) && error.details !== undefined ? ` ${JSON.stringify(error.details)}` : '';
      deps.log(`Printing to PDF failed: ${error instanceof Error ? error.message : String(error)}${details}`);
      return { ok: false, message: isAppError(error) ? error.message : 'The PDF could not be made.' };
    }
  });
}
