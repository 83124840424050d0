// Serve mode's download registry: a download is claimed once, offered again when its transfer broke
// off, deleted once delivered or expired, and everything goes when the server stops.
import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DownloadRegistry } from './downloads';

let registry: DownloadRegistry | null = null;
afterEach(() => registry?.dispose());

function withFile(now: () => number, ttlMs = 1000): { downloads: DownloadRegistry; id: string; path: string } {
  const downloads = new DownloadRegistry({ now, ttlMs });
  registry = downloads;
  const { id, path } = downloads.reserve();
  writeFileSync(path, 'a,b\r\n');
  downloads.add({ id, path, fileName: 'x.csv', mimeType: 'text/csv', bytes: 5 });
  return { downloads, id, path };
}

describe('download registry', () => {
  it('hands a download out once, and deletes the file once delivered', async () => {
    const { downloads, id, path } = withFile(() => 0);
    const entry = downloads.claim(id)!;
    expect(entry).toMatchObject({ fileName: 'x.csv', expiresAt: 1000 });
    expect(downloads.claim(id)).toBeUndefined();
    await downloads.release(entry, true);
    expect(existsSync(path)).toBe(false);
  });

  it('offers it again after a broken transfer, until it expires', async () => {
    let clock = 0;
    const { downloads, id, path } = withFile(() => clock);
    await downloads.release(downloads.claim(id)!, false);
    expect(downloads.has(id)).toBe(true);
    clock = 1001;
    expect(downloads.claim(id)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });

  it('removes its folder when disposed', () => {
    const { downloads, path } = withFile(() => 0);
    const dir = downloads.dir;
    downloads.dispose();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });
});
