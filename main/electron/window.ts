// The main window: locked down (context isolation, sandbox, no Node, no webview, no drag-and-drop
// navigation), placed where it was last time, and brought back if its renderer process dies.
import { BrowserWindow, screen } from 'electron';
import { loadWindowState, placeWindow, saveWindowState, MIN_WINDOW_SIZE } from '../backend/desktop/window-state';

export interface MainWindowOptions {
  preload: string;
  url: string;
  stateFile: string;
  devTools: boolean;
  log: (line: string) => void;
}

const SAVE_DELAY_MS = 500;
const MAX_RELOADS_PER_MINUTE = 3;

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const place = placeWindow(
    await loadWindowState(options.stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(place.x === undefined || place.y === undefined ? {} : { x: place.x, y: place.y }),
    width: place.width,
    height: place.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Synth Lab Browser',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  if (place.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    saveWindowState(options.stateFile, { ...bounds, maximized: window.isMaximized() }).catch((error: unknown) =>
      options.log(`Could not remember the window position: ${String(error)}`),
    );
  };
  const saveSoon = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  };
  // 'resize' and 'move' (not 'resized'/'moved', which Linux never sends), debounced.
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    if (saveTimer) clearTimeout(saveTimer);
    save();
  });

  // A crashed or killed renderer leaves a blank window: load the app again, a few times at most.
  const reloads: number[] = [];
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    const now = Date.now();
    while (reloads.length > 0 && now - reloads[0]! > 60_000) reloads.shift();
    if (reloads.length >= MAX_RELOADS_PER_MINUTE) return options.log(`The window's page stopped (${details.reason}) again; not reloading it.`);
    reloads.push(now);
    options.log(`The window's page stopped (${details.reason}); reloading it.`);
    void window.loadURL(options.url);
  });

  window.loadURL(options.url).catch((error: unknown) => options.log(`The window could not load ${options.url}: ${String(error)}`));
  return window;
}
