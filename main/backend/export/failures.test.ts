// What an export leaves behind when it does not finish, or may not write: a cancel, an existing
// target, an unwritable or missing folder, a full disk: never a partial file, never a replaced
// file that was not meant to be replaced, and a typed error saying what happened.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../shared/contract/export';
import { openTestDatabase, type TestDatabase } from '../test-support/databases';
import { makeTempDir } from '../test-support/tmp';
import { DownloadRegistry } from './downloads';
import { runExport, type ExportContext, type ExportParams } from './run';
import { rejectionOf } from '../test-support/app-error';

const temp = makeTempDir('slb-export-failures-');
let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase('demo-sqlite');
});
afterAll(async () => {
  await test.cleanup();
  temp.cleanup();
});

let folders = 0;
function freshFolder(): string {
  const dir = join(temp.dir, `case-${(folders += 1)}`);
  mkdirSync(dir);
  return dir;
}

function params(format: ExportFormat, path: string, overwrite = false): ExportParams {
  return {
    scope: { kind: 'all', includeDeletedExperiments: true },
    format,
    options: { includeInternalNotes: false, csvBom: false },
    target: { kind: 'file', path, overwrite },
  };
}


describe('cancel', () => {
  for (const format of ['jsonl', 'md-dir'] as const) {
    it(`${format}: stopped after the first transcripts, nothing is left in the folder`, async () => {
      const dir = freshFolder();
      const controller = new AbortController();
      let doneWhenCancelled = 0;
      const context: ExportContext = {
        signal: controller.signal,
        read: { batchSize: 1 },
        progress: (update) => {
          if (update.done >= 1 && !controller.signal.aborted) {
            doneWhenCancelled = update.done;
            controller.abort();
          }
        },
      };
      const error = await rejectionOf(runExport(test.db, params(format, join(dir, 'out')), context));
      expect(error.code).toBe('cancelled');
      expect(doneWhenCancelled).toBeGreaterThan(0);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

describe('an existing target', () => {
  it('is refused without overwrite, and left exactly as it was', async () => {
    const dir = freshFolder();
    const path = join(dir, 'notes.md');
    writeFileSync(path, 'my own notes');
    const before = statSync(path);
    const error = await rejectionOf(runExport(test.db, params('md', path)));
    expect(error.code).toBe('target_exists');
    expect(error.message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe('my own notes');
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(readdirSync(dir)).toEqual(['notes.md']);
  });

  it('is replaced with overwrite', async () => {
    const dir = freshFolder();
    const path = join(dir, 'all.json');
    writeFileSync(path, 'old');
    const result = await runExport(test.db, params('json', path, true));
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown[];
    expect(parsed).toHaveLength(result.transcripts);
    expect(readdirSync(dir)).toEqual(['all.json']);
  });

  it('that appears while the export runs is still not replaced', async () => {
    const dir = freshFolder();
    const path = join(dir, 'all.csv');
    const context: ExportContext = {
      read: { batchSize: 1 },
      progress: (update) => {
        if (update.done >= 1 && !existsSync(path)) writeFileSync(path, 'written meanwhile');
      },
    };
    const error = await rejectionOf(runExport(test.db, params('csv', path), context));
    expect(error.code).toBe('target_exists');
    expect(readFileSync(path, 'utf8')).toBe('written meanwhile');
    expect(readdirSync(dir)).toEqual(['all.csv']);
  });

  it('md-dir: an existing folder is refused without overwrite, replaced whole with it', async () => {
    const dir = freshFolder();
    const path = join(dir, 'transcripts');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'mine');
    expect((await rejectionOf(runExport(test.db, params('md-dir', path)))).code).toBe('target_exists');
    expect(readdirSync(path)).toEqual(['keep.txt']);

    const result = await runExport(test.db, params('md-dir', path, true));
    const names = readdirSync(path);
    expect(names).toContain('index.md');
    expect(names).not.toContain('keep.txt');
    expect(names).toHaveLength(result.transcripts + 1);
    expect(readdirSync(dir)).toEqual(['transcripts']);
  });

  it('a folder where a file should go, and a file where the folder should go, are refused', async () => {
    const dir = freshFolder();
    mkdirSync(join(dir, 'a-folder.md'));
    writeFileSync(join(dir, 'a-file'), 'x');
    expect((await rejectionOf(runExport(test.db, params('md', join(dir, 'a-folder.md'), true)))).code).toBe('bad_request');
    expect((await rejectionOf(runExport(test.db, params('md-dir', join(dir, 'a-file'), true)))).code).toBe('bad_request');
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('x');
  });
});

describe('where it cannot write', () => {
  it('a folder without write permission: permission_denied', async () => {
    // root may write anywhere a mode allows nothing; sysfs refuses new files even to root.
    const asRoot = process.getuid?.() === 0;
    const dir = asRoot ? '/sys' : freshFolder();
    if (!asRoot) chmodSync(dir, 0o555);
    try {
      const error = await rejectionOf(runExport(test.db, params('md', join(dir, 'slb-export.md'))));
      expect(error.code).toBe('permission_denied');
      expect(error.message).toMatch(/permission denied|read-only/);
      expect(existsSync(join(dir, 'slb-export.md'))).toBe(false);
    } finally {
      if (!asRoot) chmodSync(dir, 0o755);
    }
  });

  it('a folder that does not exist, or a file in the middle of the path', async () => {
    const dir = freshFolder();
    writeFileSync(join(dir, 'plain-file'), 'x');
    expect((await rejectionOf(runExport(test.db, params('md', join(dir, 'missing', 'out.md'))))).code).toBe('file_not_found');
    expect((await rejectionOf(runExport(test.db, params('md', join(dir, 'plain-file', 'out.md'))))).code).toBe('not_a_directory');
  });

  // A real full disk: a 64 KiB tmpfs, where the machine lets the tests mount one (root with the
  // capability); elsewhere this says so and does not run.
  const mountPoint = join(temp.dir, 'tiny-disk');
  mkdirSync(mountPoint, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status === 0;
  if (!mounted) process.stderr.write('export failures: cannot mount a small tmpfs here, so the full-disk test does not run\n');
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });
  it.runIf(mounted)('a full disk: disk_full, and no partial file', async () => {
    for (const format of ['html', 'md-dir'] as const) {
      const error = await rejectionOf(runExport(test.db, params(format, join(mountPoint, `all-${format}`))));
      expect(error.code).toBe('disk_full');
      expect(error.message).toMatch(/disk is full/);
      expect(readdirSync(mountPoint)).toEqual([]);
    }
  });
});

describe('downloads', () => {
  it('are written into the registry folder and offered once; md-dir and a backend without downloads are refused', async () => {
    const downloads = new DownloadRegistry();
    try {
      const download: ExportParams = { ...params('csv', '/unused'), target: { kind: 'download' } };
      const result = await runExport(test.db, download, { downloads });
      if (result.target !== 'download') throw new Error('expected a download');
      expect(result.fileName).toBe('transcripts-all-transcripts.csv');
      expect(result.downloadUrl).toBe(`/api/download/${result.downloadId}`);
      const entry = downloads.claim(result.downloadId)!;
      expect(readFileSync(entry.path).length).toBe(result.bytes);
      expect(readdirSync(downloads.dir)).toEqual([result.downloadId]);
      await downloads.release(entry, true);
      expect(readdirSync(downloads.dir)).toEqual([]);

      expect((await rejectionOf(runExport(test.db, { ...download, format: 'md-dir' }, { downloads }))).code).toBe('bad_request');
      expect((await rejectionOf(runExport(test.db, download))).code).toBe('bad_request');
    } finally {
      downloads.dispose();
    }
  });
});
