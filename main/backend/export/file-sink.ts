// Where an export's bytes go: a temporary file (or folder, for md-dir) beside the target, named
// `.<name>.partial-<random>`, renamed onto the target only once everything is written and synced.
// A cancel, an error, a full disk or a refused permission removes the temporary file: the target
// is either the complete export or untouched. Nothing is replaced unless `overwrite` says so.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, lstat, mkdir, open, rename, rm, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { errnoOf, exportWriteError } from './fs-errors';

/** Text is gathered into writes of about this many characters (a few hundred KB). */
const FLUSH_CHARS = 128 * 1024;

/** md-dir: transcript files being written at the same time. */
const FILES_IN_FLIGHT = 8;

// A file system without hard links (FAT, exFAT, some network shares) answers link() with one of
// these; the export then checks for the target and renames, which leaves a tiny race window.
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

const partialName = (target: string): string => join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
}

function targetExists(path: string, isFolder: boolean): AppError {
  return new AppError(
    'target_exists',
    `${path} already exists. Choose another name, or confirm that it should be replaced${isFolder ? ' (the whole folder)' : ''}.`,
    { path },
  );
}

/**
 * Checks a target before any database work, so that a mistake is reported at once: the folder
 * exists and is writable, and the target is not there (unless it may be replaced) nor of the
 * wrong kind. The final placement checks again.
 */
export async function checkTarget(path: string, kind: 'file' | 'folder', overwrite: boolean): Promise<void> {
  const folder = dirname(path);
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
    await access(folder, constants.W_OK);
    const found = await lstat(path).catch((error: unknown) => {
      if (errnoOf(error) === 'ENOENT') return null;
      throw error;
    });
    if (found === null) return;
    if (kind === 'file' && found.isDirectory()) throw new AppError('bad_request', `${path} is a folder: choose a file name for the export.`, { path });
    if (kind === 'folder' && !found.isDirectory()) {
      throw new AppError('bad_request', `${path} is a file: a folder of Markdown files needs a folder name.`, { path });
    }
    if (!overwrite) throw targetExists(path, kind === 'folder');
  } catch (error) {
    throw exportWriteError(error, path);
  }
}

/** A file written through large buffered writes; each write is awaited, so memory stays bounded. */
class BufferedFile {
  #pieces: string[] = [];
  #pendingChars = 0;
  #bytes = 0;
  #closed = false;

  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<BufferedFile> {
    return new BufferedFile(await open(path, 'wx'));
  }

  get bytes(): number {
    return this.#bytes + Buffer.byteLength(this.#pieces.join(''));
  }

  async write(text: string): Promise<void> {
    if (text === '') return;
    this.#pieces.push(text);
    this.#pendingChars += text.length;
    if (this.#pendingChars >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#pieces.length === 0) return;
    const buffer = Buffer.from(this.#pieces.join(''), 'utf8');
    this.#pieces = [];
    this.#pendingChars = 0;
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
      offset += bytesWritten;
    }
    this.#bytes += buffer.length;
  }

  /** Writes what is buffered, syncs it to the disk (so a rename never exposes a hole) and closes. */
  async finish(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    this.#closed = true;
    await this.handle.close();
  }

  async abandon(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.handle.close().catch(() => undefined);
  }
}

export interface ExportSink {
  /** Appends to the export's single file (md-dir: its index.md). */
  write(text: string): Promise<void>;
  /** md-dir only: one more file in the folder. */
  writeFile(name: string, content: string): Promise<void>;
  /** Bytes written so far (all files). */
  readonly bytes: number;
  /** Moves the finished export onto its target. */
  commit(): Promise<void>;
  /** Removes everything written; safe to call more than once, and after a failed commit. */
  discard(): Promise<void>;
}

export interface SinkOptions {
  /** The file, or for md-dir the folder, to create. */
  path: string;
  overwrite: boolean;
}

/** Runs file work, turning what the file system throws into an export error about `path`. */
function guardWrites(path: string): <T>(work: () => Promise<T>) => Promise<T> {
  return async (work) => {
    try {
      return await work();
    } catch (error) {
      throw exportWriteError(error, path);
    }
  };
}

/** A single-file export: `.<name>.partial-<random>` beside the target, then renamed onto it. */
export async function openFileSink({ path, overwrite }: SinkOptions): Promise<ExportSink> {
  const temp = partialName(path);
  let file: BufferedFile;
  try {
    file = await BufferedFile.create(temp);
  } catch (error) {
    throw exportWriteError(error, path);
  }
  let placed = false;
  const guard = guardWrites(path);
  return {
    write: (text) => guard(() => file.write(text)),
    writeFile: () => Promise.reject(new Error('A single-file export has no other files')),
    get bytes() {
      return file.bytes;
    },
    commit: () =>
      guard(async () => {
        await file.finish();
        await placeFile(temp, path, overwrite);
        placed = true;
      }),
    async discard() {
      await file.abandon();
      if (!placed) await unlink(temp).catch(() => undefined);
    },
  };
}

async function placeFile(temp: string, path: string, overwrite: boolean): Promise<void> {
  if (overwrite) {
    await rename(temp, path);
    return;
  }
  // link() refuses an existing target atomically, where "check, then rename" could replace a file
  // that appeared meanwhile.
  try {
    await link(temp, path);
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'EEXIST') throw targetExists(path, false);
    if (code === undefined || !LINK_UNSUPPORTED.has(code)) throw error;
    if (await exists(path)) throw targetExists(path, false);
    await rename(temp, path);
    return;
  }
  await unlink(temp);
}

/** md-dir: a temporary folder beside the target holding index.md and one file per transcript. */
export async function openFolderSink({ path, overwrite }: SinkOptions, indexName: string): Promise<ExportSink> {
  const temp = partialName(path);
  let index: BufferedFile;
  let fileBytes = 0;
  try {
    await mkdir(temp);
    index = await BufferedFile.create(join(temp, indexName));
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw exportWriteError(error, path);
  }
  let placed = false;
  const guard = guardWrites(path);
  // A few files are written at once: each is an open, a write and a close on libuv's thread pool,
  // and waiting for every one in turn would make a folder of 50,000 files mostly waiting.
  const writing = new Set<Promise<void>>();
  const failure: { error: unknown; happened: boolean } = { error: null, happened: false };
  const throwIfFailed = (): void => {
    if (failure.happened) throw failure.error;
  };
  return {
    write: (text) => guard(() => index.write(text)),
    writeFile: (name, content) =>
      guard(async () => {
        throwIfFailed();
        if (name === indexName || name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`Refusing file name ${name}`);
        const written: Promise<void> = writeFile(join(temp, name), content, { flag: 'wx' })
          .then(
            () => {
              fileBytes += Buffer.byteLength(content);
            },
            (error: unknown) => {
              if (failure.happened) return;
              failure.happened = true;
              failure.error = error;
            },
          )
          .finally(() => writing.delete(written));
        writing.add(written);
        if (writing.size >= FILES_IN_FLIGHT) await Promise.race(writing);
        throwIfFailed();
      }),
    get bytes() {
      return fileBytes + index.bytes;
    },
    commit: () =>
      guard(async () => {
        await Promise.all(writing);
        throwIfFailed();
        await index.finish();
        await placeFolder(temp, path, overwrite);
        placed = true;
      }),
    async discard() {
      await Promise.all(writing);
      await index.abandon();
      if (!placed) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

async function placeFolder(temp: string, path: string, overwrite: boolean): Promise<void> {
  // rename() would quietly replace an existing empty folder: check first.
  if (!(await exists(path))) {
    await rename(temp, path);
    return;
  }
  if (!overwrite) throw targetExists(path, true);
  // The old folder moves aside first, so that a failure in between can put it back.
  const aside = join(dirname(path), `.${basename(path)}.replaced-${randomBytes(6).toString('hex')}`);
  await rename(path, aside);
  try {
    await rename(temp, path);
  } catch (error) {
    await rename(aside, path).catch(() => undefined);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}
