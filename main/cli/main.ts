// `synthlab-browser`: the command line. Each command lives in commands/; this file parses the
// command name and turns failures into one clear line and an exit code.
import { describeFailure, processIo, UsageError, type CliIo } from './output';
import { runMigrate } from './commands/migrate';
import { runStatus } from './commands/status';
import { runDemo } from './commands/demo';
import { runServe } from './commands/serve';
import { runExportCommand } from './commands/export';

export const USAGE = `Usage: synthlab-browser <command> [options]

Commands:
  migrate --db URL                 create or upgrade this app's schema (refuses databases it did not create)
  status  --db URL [--json]        engine, kind of database, version, read-only, pending migrations, rows per table
  demo    --db URL [--scale small|medium|large] [--seed N] [--replace]
                                   fill a database this app created with realistic demo data
  serve   [--db URL] [--port N] [--host 127.0.0.1] [--open]
                                   serve the app to a browser on this machine; without --db or
                                   DATABASE_URL it opens the saved default connection, else the
                                   app's own database in the user-data folder (created on first run)
  export  --db URL --format md|md-dir|json|jsonl|csv|html --out PATH [--force]
          [--experiment ID | --exec ID [--synth ID] | --synth ID | --search TEXT [--experiment ID] [--exec ID]]
          [--include-notes] [--bom] [--include-deleted]
                                   write transcripts to a file (a folder for md-dir), everything when no
                                   scope is given; never replaces PATH without --force

--db falls back to the DATABASE_URL environment variable. URLs: a SQLite file path, sqlite:///abs.db,
sqlite:rel.db, postgresql://user:pass@host:5432/db (also postgres://, postgresql+psycopg2://, ?sslmode=…).
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  migrate: runMigrate,
  status: runStatus,
  demo: runDemo,
  serve: runServe,
  export: runExportCommand,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`synthlab-browser: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')}; or --help)`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    const { line, exitCode } = describeFailure(error);
    io.err(line);
    return exitCode;
  }
}

export { UsageError };
