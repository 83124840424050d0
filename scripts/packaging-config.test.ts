// `npm run dist` cannot run here (it downloads Electron), so the packaging config is checked the
// way electron-builder itself checks it first: against the JSON schema of the installed
// electron-builder, plus what the issue asks of it, plus the files it points at.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// Both come with electron-builder (a dev dependency); neither ships TypeScript types.
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  npmRebuild: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; executableName: string; maintainer?: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
}

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  productName: string;
  homepage?: string;
  author?: unknown;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const quiet = { isEnabled: false, add: () => undefined };

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('fits the schema of the installed electron-builder', async () => {
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('is checked for real: a misspelt option fails the same validation', async () => {
    await expect(validateConfiguration({ ...config, linx: { target: 'deb' } }, quiet)).rejects.toThrow(/linx/);
  });

  it('builds what the issue asks: AppImage and deb, dmg, nsis, with the app id and product name', () => {
    expect(config.appId).toBe('org.synthlab.browser');
    expect(config.productName).toBe('Synth Lab Browser');
    expect(packageJson.productName).toBe(config.productName);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(packageJson.scripts.dist).toMatch(/electron-vite build && electron-builder$/);
  });

  it('rebuilds better-sqlite3 for Electron and keeps it out of the asar archive', () => {
    expect(packageJson.dependencies['better-sqlite3']).toBeDefined();
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('packs the built bundles, and package.json starts the app from the built main bundle', () => {
    expect(config.files).toContain('out/**');
    expect(packageJson.main).toBe('out/main/index.js');
  });

  it('points every platform at an icon that exists and is large enough (512×512 PNG)', () => {
    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      expect(pngSize(icon)).toEqual({ width: 512, height: 512 });
    }
  });

  it('gives the deb target the metadata it refuses to build without: a homepage and a maintainer with an email', () => {
    // app-builder-lib's FpmTarget takes the homepage from package.json (or a GitHub remote, which a
    // source archive has not), and the maintainer from linux.maintainer or the author's email.
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(config.linux.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^>\s]+>$/);
  });

  it('turns off the Electron features the app does not use', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});
