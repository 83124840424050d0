// Electron main process: wiring only (DESIGN.md). One instance, one locked-down window on
// app://synthlab/, the backend in a supervised utility process reached over a MessagePort, the
// menu, and the password store. What can be written as plain code lives under main/backend/ and
// is tested under Node; this file needs an Electron binary to run.
import { join } from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import { userDataDir } from '../backend/app-paths';
import { APP_ENTRY_URL } from '../backend/desktop/app-protocol';
import { databaseFromArgv } from '../backend/desktop/launch-args';
import { buildMenuModel, type MenuAction } from '../backend/desktop/menu-model';
import { RecentDatabases } from '../backend/desktop/recent-databases';
import { BackendSupervisor } from '../backend/port/supervisor';
import { isSqliteFileName, SQLITE_FILE_EXTENSIONS, type DesktopCommand } from '../../shared/desktop-bridge';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { utilityProcessSpawner } from './backend-process';
import { desktopExports } from './exports';
import { registerIpc } from './ipc';
import { IPC } from './ipc-channels';
import { applicationMenu } from './menu';
import { askToAllowWeakSecretStorage, openElectronSecretStore } from './secret-store';
import { lockDown } from './security';
import { createMainWindow } from './window';

const log = (line: string): void => void process.stderr.write(`[main] ${line}\n`);

// Serve mode, the CLI and the desktop app share one data folder (settings, embedded database);
// Chromium's own files go there too. Before `ready`, and before the single-instance lock, which is
// per data folder (so a test on a temporary SYNTHLAB_BROWSER_HOME never meets the user's app).
const dataDir = userDataDir();
app.setPath('userData', dataDir);
app.enableSandbox();
registerAppScheme();

const launchDatabase = databaseFromArgv(process.argv, process.cwd());
if (!app.requestSingleInstanceLock({ databasePath: launchDatabase })) {
  app.quit();
} else {
  start();
}

function start(): void {
  const devServerOrigin = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : null;
  const entryUrl = devServerOrigin === null ? APP_ENTRY_URL : (process.env.ELECTRON_RENDERER_URL as string);
  let mainWindow: BrowserWindow | null = null;
  /** Commands that arrived before the window could take them (macOS open-file at launch). */
  const pendingCommands: DesktopCommand[] = [];

  const sendCommand = (command: DesktopCommand): void => {
    if (mainWindow === null || mainWindow.isDestroyed() || mainWindow.webContents.isLoading()) pendingCommands.push(command);
    else mainWindow.webContents.send(IPC.command, command);
  };
  const openDatabase = (path: string, source: 'dialog' | 'recent' | 'drop' | 'launch'): void => sendCommand({ type: 'open-sqlite', path, source });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const fromFirst = (additionalData as { databasePath?: unknown } | null)?.databasePath;
    const path = typeof fromFirst === 'string' ? fromFirst : databaseFromArgv(argv, workingDirectory);
    if (path !== null) openDatabase(path, 'launch');
  });
  // macOS: a file dropped on the Dock icon or opened from Finder.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (isSqliteFileName(path)) openDatabase(path, 'launch');
  });

  void app.whenReady().then(async () => {
    serveRenderer(join(import.meta.dirname, '../renderer'));
    lockDown(devServerOrigin);

    const secrets = await openElectronSecretStore(dataDir, log);
    const recent = await RecentDatabases.open(join(dataDir, 'recent-databases.json'));
    const supervisor = new BackendSupervisor(utilityProcessSpawner(join(import.meta.dirname, 'backend.js')), {
      init: { dataDir, launchDatabase },
      secrets,
      log,
      onStatus: (status) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.backendStatus, status);
        if (status.state === 'stopped' || status.state === 'ready') refreshMenu();
      },
      onDatabaseOpened: (database) => {
        if (database.path === null) return;
        app.addRecentDocument(database.path);
        recent.add(database.path).then(refreshMenu, (error: unknown) => log(`Could not update recent databases: ${String(error)}`));
      },
    });

    function refreshMenu(): void {
      const model = buildMenuModel({ platform: process.platform, recent: recent.paths, isPackaged: app.isPackaged, backendStopped: supervisor.status.state === 'stopped' });
      Menu.setApplicationMenu(applicationMenu(model, runMenuAction));
    }

    const sqliteFilters = [{ name: 'SQLite database', extensions: SQLITE_FILE_EXTENSIONS.map((extension) => extension.slice(1)) }];
    function runMenuAction(action: MenuAction): void {
      switch (action.kind) {
        case 'command':
          return sendCommand(action.command);
        case 'choose-new-sqlite':
          void dialogFor(mainWindow, 'save', {
            title: 'New SQLite Database',
            defaultPath: join(app.getPath('documents'), 'synthlab.db'),
            filters: sqliteFilters,
          }).then((path) => {
            if (path !== null) sendCommand({ type: 'create-sqlite', path });
          });
          return;
        case 'choose-sqlite':
          void dialogFor(mainWindow, 'open', { title: 'Open SQLite Database', filters: sqliteFilters }).then((path) => {
            if (path !== null) openDatabase(path, 'dialog');
          });
          return;
        case 'clear-recent':
          app.clearRecentDocuments();
          void recent.clear().then(refreshMenu);
          return;
        case 'show-data-folder':
          void shell.openPath(dataDir);
          return;
        case 'restart-backend':
          return supervisor.restartNow();
        case 'open-external':
          void shell.openExternal(action.url);
          return;
      }
    }

    registerIpc({
      appContents: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null),
      devServerOrigin,
      supervisor,
      allowWeakSecrets: () => askToAllowWeakSecretStorage(secrets, mainWindow),
      exports: desktopExports({ parent: () => mainWindow, defaultFolder: app.getPath('documents'), log }),
      log,
    });
    app.setAboutPanelOptions({ applicationName: 'Synth Lab Browser', applicationVersion: app.getVersion() });
    supervisor.start();
    refreshMenu();

    const openWindow = async (): Promise<void> => {
      mainWindow = await createMainWindow({
        preload: join(import.meta.dirname, '../preload/index.js'),
        url: entryUrl,
        stateFile: join(dataDir, 'window-state.json'),
        devTools: !app.isPackaged,
        log,
      });
      mainWindow.webContents.on('did-finish-load', () => {
        for (const command of pendingCommands.splice(0)) sendCommand(command);
      });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    };
    await openWindow();
    app.on('activate', () => {
      if (mainWindow === null) void openWindow();
    });

    // Let the backend close its database before the app goes.
    let stopped = false;
    app.on('before-quit', (event) => {
      if (stopped) return;
      event.preventDefault();
      void supervisor.stop().finally(() => {
        stopped = true;
        app.quit();
      });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

async function dialogFor(parent: BrowserWindow | null, kind: 'open' | 'save', options: { title: string; defaultPath?: string; filters: Electron.FileFilter[] }): Promise<string | null> {
  if (kind === 'save') {
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const openOptions: Electron.OpenDialogOptions = { ...options, properties: ['openFile'] };
  const result = parent ? await dialog.showOpenDialog(parent, openOptions) : await dialog.showOpenDialog(openOptions);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
