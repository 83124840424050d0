// Errors that cross a boundary (API, CLI, transports) are values with a code and a message a
// researcher understands; `details` carries what a developer needs to dig further.

export const ERROR_CODES = [
  // input
  'bad_request', // params failed validation
  'unknown_method',
  'bad_url', // a connection URL we cannot read
  // opening a database
  'file_not_found',
  'not_sqlite', // the file exists but is not an SQLite database
  'corrupt_database',
  'unreachable', // the server did not answer (refused, DNS, timeout while connecting)
  'auth_failed',
  'database_missing',
  'ssl_error',
  // schema policy
  'foreign_schema', // a database this app did not create, asked to be migrated or filled
  'read_only', // a write was attempted on a read-only connection
  // while running
  'timeout',
  'cancelled',
  'connection_lost',
  'connection_changed',
  'no_database', // nothing is open yet
  'constraint_violation', // a write broke a CHECK, UNIQUE, NOT NULL or foreign key
  'not_found',
  // writing files (exports)
  'target_exists', // the file or folder to write is already there, and replacing it was not asked for
  'permission_denied', // the folder cannot be written (EACCES, EPERM, a read-only file system)
  'disk_full', // no space left (ENOSPC, EDQUOT)
  'not_a_directory', // a part of the path is a file where a folder is needed (ENOTDIR)
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorValue {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toValue(): AppErrorValue {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
