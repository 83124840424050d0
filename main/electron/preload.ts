// Preload (sandboxed, context-isolated): exposes `window.synthlab`, named and typed functions only
// (shared/desktop-bridge.ts). The MessagePort to the backend, ipcRenderer and every IPC event
// object stay here; the page gets plain data and callbacks. The connection logic is plain code
// (shared/desktop-link.ts), tested under Node against a real backend.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import type { MessagePortLike } from '../../shared/api-port-transport';
import { backendStatusSchema, DESKTOP_BRIDGE_GLOBAL, desktopCommandSchema, isSqliteFileName, type DesktopBridge, type DesktopCommand } from '../../shared/desktop-bridge';
import { createBackendLink } from '../../shared/desktop-link';
import { IPC, type PrintOutcome } from './ipc-channels';

const link = createBackendLink({ requestPort: () => ipcRenderer.send(IPC.portRequest) });

const portMessage = z.object({ generation: z.number().int() });
ipcRenderer.on(IPC.port, (event, data: unknown) => {
  const [port] = event.ports;
  const parsed = portMessage.safeParse(data);
  if (port === undefined || !parsed.success) return;
  // A DOM MessagePort; this tsconfig has no DOM types, so it is named by the shape it has.
  link.portArrived(port as unknown as MessagePortLike, parsed.data.generation);
});

ipcRenderer.on(IPC.backendStatus, (_event, data: unknown) => {
  const status = backendStatusSchema.safeParse(data);
  if (status.success) link.statusChanged(status.data);
});

const commandListeners = new Set<(command: DesktopCommand) => void>();
/** Commands that came before the page subscribed (a file opened while the app was loading). */
const unheardCommands: DesktopCommand[] = [];
function emitCommand(command: DesktopCommand): void {
  if (commandListeners.size === 0) unheardCommands.push(command);
  for (const listener of [...commandListeners]) listener(command);
}
ipcRenderer.on(IPC.command, (_event, data: unknown) => {
  const command = desktopCommandSchema.safeParse(data);
  if (command.success) emitCommand(command.data);
});

// A SQLite file dropped on the window opens it. The page never sees File objects' real paths
// except this one, which the user chose by dropping it.
interface DroppedFile {
  name: string;
}
interface FileDragEvent {
  preventDefault(): void;
  dataTransfer: { types: readonly string[]; files: ArrayLike<DroppedFile> } | null;
}
interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: FileDragEvent) => void): void;
}
const page = globalThis as unknown as DropTarget;
const carriesFiles = (event: FileDragEvent): boolean => event.dataTransfer?.types.includes('Files') === true;
page.addEventListener('dragover', (event) => {
  if (carriesFiles(event)) event.preventDefault();
});
page.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const files = Array.from(event.dataTransfer?.files ?? []);
  const database = files.find((file) => isSqliteFileName(file.name));
  if (!database) return;
  const path = webUtils.getPathForFile(database as unknown as File);
  if (path !== '') emitCommand({ type: 'open-sqlite', path, source: 'drop' });
});

const bridge: DesktopBridge = {
  appVersion: packageJson.version,
  platform: process.platform,
  send: (request, onProgress) => link.bridge.send(request, onProgress),
  cancel: (requestId) => link.bridge.cancel(requestId),
  onCommand(listener) {
    commandListeners.add(listener);
    for (const command of unheardCommands.splice(0)) listener(command);
    return () => void commandListeners.delete(listener);
  },
  onBackendStatus: (listener) => link.onStatus(listener),
  backendStatus: () => link.status(),
  restartBackend: async () => {
    await ipcRenderer.invoke(IPC.restartBackend);
  },
  allowWeakSecretStorage: async () => (await ipcRenderer.invoke(IPC.allowWeakSecrets)) === true,
  chooseExportTarget: async (request) => {
    const path: unknown = await ipcRenderer.invoke(IPC.chooseExportTarget, request);
    return typeof path === 'string' ? path : null;
  },
  showInFolder: (path) => {
    if (typeof path === 'string') ipcRenderer.send(IPC.showInFolder, path);
  },
  printHtmlToPdf: async (request) => {
    const outcome = (await ipcRenderer.invoke(IPC.printToPdf, request)) as PrintOutcome | undefined;
    if (outcome?.ok !== true) throw new Error(outcome?.message ?? 'The PDF could not be made.');
  },
};

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_GLOBAL, bridge);
link.start();
