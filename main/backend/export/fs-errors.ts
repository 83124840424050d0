// File-system errors while writing an export → AppErrors a researcher can act on. The system's own
// text (and errno code) stays in details.
import { AppError } from '../../../shared/errors';

const PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `path`: what was being written (the target the researcher chose, not the temporary file). */
export function exportWriteError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = errnoOf(error);
  const details = { path, errno: code ?? null, systemMessage: error instanceof Error ? error.message : String(error) };
  if (code !== undefined && PERMISSION.has(code)) {
    const why = code === 'EROFS' ? 'the disk is read-only' : 'permission denied';
    return new AppError('permission_denied', `Cannot write ${path}: ${why}. Choose a folder you can write to.`, details);
  }
  if (code !== undefined && FULL.has(code)) {
    return new AppError('disk_full', `Cannot write ${path}: the disk is full. Nothing was saved; free some space and try again.`, details);
  }
  if (code === 'ENOTDIR') {
    return new AppError('not_a_directory', `Cannot write ${path}: a part of that path is a file, not a folder.`, details);
  }
  if (code === 'ENOENT') return new AppError('file_not_found', `Cannot write ${path}: its folder does not exist.`, details);
  if (code === 'EISDIR') return new AppError('bad_request', `${path} is a folder: choose a file name for the export.`, details);
  if (code === 'ENAMETOOLONG') return new AppError('bad_request', `Cannot write ${path}: the name is too long.`, details);
  return new AppError('internal', `Could not write ${path}. Nothing was saved.`, details);
}
