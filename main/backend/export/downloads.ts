// Serve mode's downloads: an export written for the browser lands in a temporary folder of this
// process and is fetched once with GET /api/download/<id>. The file is deleted once it has been
// sent, when it expires, or when the server stops.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DownloadEntry {
  id: string;
  path: string;
  /** The name the browser saves it as. */
  fileName: string;
  mimeType: string;
  bytes: number;
  expiresAt: number;
}

export interface DownloadRegistryOptions {
  /** How long an unfetched download is kept; default 30 minutes. */
  ttlMs?: number;
  now?: () => number;
}

const DEFAULT_TTL_MS = 30 * 60_000;
const SWEEP_EVERY_MS = 60_000;

export class DownloadRegistry {
  readonly #entries = new Map<string, DownloadEntry>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  #dir: string | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(options: DownloadRegistryOptions = {}) {
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /** This process's folder for downloads, created on first use. */
  get dir(): string {
    if (this.#dir === null) this.#dir = mkdtempSync(join(tmpdir(), 'slb-downloads-'));
    return this.#dir;
  }

  /** A fresh id and the path to write its file at (inside `dir`). */
  reserve(): { id: string; path: string } {
    const id = randomBytes(18).toString('base64url');
    return { id, path: join(this.dir, id) };
  }

  /** Makes a written file fetchable; returns when it expires. */
  add(entry: Omit<DownloadEntry, 'expiresAt'>): DownloadEntry {
    this.sweep();
    const added = { ...entry, expiresAt: this.#now() + this.#ttlMs };
    this.#entries.set(entry.id, added);
    if (this.#timer === null) {
      this.#timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
      this.#timer.unref();
    }
    return added;
  }

  /** Takes the download out of the registry for sending (so a second request finds nothing). */
  claim(id: string): DownloadEntry | undefined {
    this.sweep();
    const entry = this.#entries.get(id);
    if (entry !== undefined) this.#entries.delete(id);
    return entry;
  }

  /** After sending: delete the file, or (the transfer broke off) offer it again until it expires. */
  async release(entry: DownloadEntry, delivered: boolean): Promise<void> {
    if (!delivered && entry.expiresAt > this.#now()) {
      this.#entries.set(entry.id, entry);
      return;
    }
    await rm(entry.path, { force: true });
  }

  has(id: string): boolean {
    return this.#entries.has(id);
  }

  sweep(): void {
    const now = this.#now();
    for (const [id, entry] of this.#entries) {
      if (entry.expiresAt > now) continue;
      this.#entries.delete(id);
      rmSync(entry.path, { force: true });
    }
  }

  /** Deletes every download and the folder (the server is stopping). */
  dispose(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#entries.clear();
    if (this.#dir !== null) rmSync(this.#dir, { recursive: true, force: true });
    this.#dir = null;
  }
}
