// The IPC channel names between main and the preload; nothing else crosses from the page to main.
export const IPC = {
  /** preload → main (send): a port to the backend, please. */
  portRequest: 'synthlab:port-request',
  /** main → preload (postMessage with one port): `{ generation }` of the backend it reaches. */
  port: 'synthlab:port',
  /** main → preload: a BackendStatus. */
  backendStatus: 'synthlab:backend-status',
  /** main → preload: a DesktopCommand (menu, dock, second launch). */
  command: 'synthlab:command',
  /** preload → main (invoke): restart a backend that stopped for good. */
  restartBackend: 'synthlab:restart-backend',
  /** preload → main (invoke): ask the user whether passwords may be saved with a weak keyring. */
  allowWeakSecrets: 'synthlab:allow-weak-secrets',
  /** preload → main (invoke): a save dialog for an export; answers the chosen path or null. */
  chooseExportTarget: 'synthlab:choose-export-target',
  /** preload → main (send): show a finished export in the file manager. */
  showInFolder: 'synthlab:show-in-folder',
  /** preload → main (invoke): print an HTML export to PDF; answers a PrintOutcome. */
  printToPdf: 'synthlab:print-to-pdf',
} as const;

/** How a print ends, as IPC carries it (an Error thrown in a handler would arrive without its code). */
export type PrintOutcome = { ok: true } | { ok: false; message: string };
