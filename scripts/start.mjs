// `npm start`: build, then launch the desktop app. Where the Electron binary is missing (an
// offline install with ELECTRON_SKIP_BINARY_DOWNLOAD), say so in one line and start serve mode in
// the system browser instead. Arguments pass through: `npm start -- lab.db` opens that file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { electronSqliteBinding, NATIVE_BINDING_ENV } from './electron-sqlite.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

/** Serve mode takes the database as --db; a bare SQLite path given to `npm start` becomes one. */
function serveArgs() {
  const database = args.find((arg) => !arg.startsWith('-') && /\.(db|sqlite3?|db3)$/i.test(arg));
  const rest = args.filter((arg) => arg !== database);
  return ['bin/synthlab-browser.mjs', 'serve', '--open', ...(database ? ['--db', database] : []), ...rest];
}

// Said first, before the build's output: what is about to start, and how to get the real thing.
const binary = electronBinary();
if (!binary) {
  console.error(
    'Electron binary not installed (offline install?): get it with `node node_modules/electron/install.js` on a machine with network access; starting serve mode in your browser instead.',
  );
}

const build = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (!binary) {
  run(process.execPath, serveArgs());
} else {
  let binding = null;
  try {
    binding = await electronSqliteBinding();
  } catch (error) {
    console.error(
      `better-sqlite3 could not be built for Electron (${error instanceof Error ? error.message : String(error)}); starting serve mode in your browser instead.`,
    );
  }
  if (binding === null) run(process.execPath, serveArgs());
  else run(binary, ['.', ...args], { ...process.env, [NATIVE_BINDING_ENV]: binding });
}
