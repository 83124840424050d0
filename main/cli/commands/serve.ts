// `serve [--db URL] [--port N] [--host 127.0.0.1] [--open]`: the app for a browser on this machine.
// The database: --db, else DATABASE_URL, else the saved default connection, else the embedded
// SQLite file in the user-data folder (created on first run). Saved passwords live in memory only.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeKind } from '../../../shared/capabilities';
import { describeTarget } from '../../../shared/connection-url';
import { appPaths } from '../../backend/app-paths';
import { DownloadRegistry } from '../../backend/export/downloads';
import { startServeServer } from '../../backend/serve/server';
import { SavedConnections } from '../../backend/services/connection/saved';
import { openStartupDatabase } from '../../backend/services/connection/startup';
import { createBackendDispatcher } from '../../backend/services/index';
import { DatabaseSession, type ActiveDatabase } from '../../backend/services/session';
import { MemorySecretStore } from '../../backend/settings/secret-store';
import { SettingsStore } from '../../backend/settings/store';
import { parseCommandArgs, parseIntegerOption } from '../args';
import type { CliIo } from '../output';

const BUILT_RENDERER = resolve(dirname(fileURLToPath(import.meta.url)), '../../../out/renderer');

const ORIGIN_LABELS: Record<ActiveDatabase['origin']['source'], string> = {
  command_line: '--db',
  environment: 'DATABASE_URL',
  saved: 'the default saved connection',
  embedded: 'the embedded database',
  entered: 'a URL',
};

export async function runServe(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs('serve', args, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    open: { type: 'boolean', default: false },
  });
  const port = parseIntegerOption('serve', 'port', values.port, { min: 0, max: 65535 }) ?? 0;

  const paths = appPaths();
  const settings = await SettingsStore.open(paths.settingsFile);
  for (const notice of settings.notices) io.err(`Settings: ${notice.message}`);
  const secrets = new MemorySecretStore();
  const session = new DatabaseSession();
  const db = await openStartupDatabase({
    session,
    saved: new SavedConnections(settings, secrets),
    embeddedDatabasePath: paths.embeddedDatabase,
    commandLineUrl: values.db,
    warn: (line) => io.err(line),
  });

  const downloads = new DownloadRegistry();
  let server;
  try {
    server = await startServeServer({
      dispatcher: createBackendDispatcher({ session, settings, secrets, downloads }),
      downloads,
      host: values.host,
      port,
      ...(existsSync(resolve(BUILT_RENDERER, 'index.html')) ? { staticDir: BUILT_RENDERER } : {}),
      log: (line) => io.err(line),
    });
  } catch (error) {
    await session.close();
    downloads.dispose();
    throw error;
  }
  io.err(
    `Database (${ORIGIN_LABELS[db.origin.source]}): ${describeTarget(db.handle.target)} — ${describeKind(db.capabilities)}${db.capabilities.readOnly ? ', read-only' : ''}`,
  );
  io.out(`Synth Lab Browser is serving at ${server.url}`);
  if (values.open) openInBrowser(server.url);

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.err('Stopping…');
  await server.close();
  await session.close();
  downloads.dispose();
  return 0;
}

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no desktop browser: the printed URL is enough
    child.unref();
  } catch {
    // as above
  }
}
