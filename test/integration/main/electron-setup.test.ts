import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary } from '../../../scripts/electron-binary.mjs';
import { electronBuildEnv, ensureElectronNative, nativeCacheFile } from '../../../scripts/electron-native.mjs';
import { makeTempDir, removeDir, REPO_ROOT } from '../../helpers/temp-library.js';

const NODE_BUILD = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const sha1 = (file: string) => crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');

/** A checkout of just the start scripts, with an Electron npm package whose binary is missing. */
function fakeCheckout(dir: string, electron: { installExit?: number; present?: boolean } = {}): string {
  fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  for (const file of ['start-electron.mjs', 'electron-binary.mjs', 'electron-native.mjs']) {
    fs.copyFileSync(path.join(REPO_ROOT, 'scripts', file), path.join(dir, 'scripts', file));
  }
  if (electron.present !== false) {
    const pkg = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(pkg, { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, 'node_modules', 'electron', 'index.js'), path.join(pkg, 'index.js'));
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '41.0.0', main: 'index.js' }));
    // Stands in for the download that fails offline: exits without writing path.txt.
    fs.writeFileSync(path.join(pkg, 'install.js'), `console.error('getaddrinfo ENOTFOUND github.com'); process.exit(${electron.installExit ?? 1});`);
  }
  return path.join(dir, 'scripts', 'start-electron.mjs');
}

function start(script: string, env: Record<string, string | undefined> = {}) {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) childEnv[key] = value;
  return spawnSync(process.execPath, [script], { encoding: 'utf8', env: childEnv, timeout: 60_000 });
}

describe('npm start without the Electron binary', () => {
  let dir = '';
  afterEach(() => removeDir(dir));

  it('tries the download, then stops with a clear message that names browser mode', () => {
    dir = makeTempDir('folio-start-');
    const result = start(fakeCheckout(dir), { ELECTRON_SKIP_BINARY_DOWNLOAD: undefined });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Downloading Electron');
    expect(result.stderr).toContain('could not be downloaded');
    expect(result.stderr).toContain('npm run serve');
    expect(result.stderr).toContain('npm run demo');
  });

  it('also stops when the download "succeeds" without a binary, or is switched off', () => {
    dir = makeTempDir('folio-start-');
    const script = fakeCheckout(dir, { installExit: 0 });
    const silent = start(script, { ELECTRON_SKIP_BINARY_DOWNLOAD: undefined });
    expect(silent.status).toBe(1);
    expect(silent.stderr).toContain('npm run serve');
    const skipped = start(script, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(skipped.status).toBe(1);
    expect(skipped.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(skipped.stderr).toContain('npm run serve');
  });

  it('asks for npm install when Electron is not installed at all', () => {
    dir = makeTempDir('folio-start-');
    const result = start(fakeCheckout(dir, { present: false }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm install');
    expect(result.stderr).toContain('npm run serve');
  });

  it('finds the binary once the package has one', () => {
    dir = makeTempDir('folio-start-');
    fakeCheckout(dir);
    expect(electronBinary(dir)).toBeNull();
    const pkg = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(electronBinary(dir)).toBe(path.join(pkg, 'dist', 'electron'));
  });
});

describe('the Electron build of better-sqlite3', () => {
  let dir = '';
  afterEach(() => removeDir(dir));

  it('is built against Electron, never with npm’s Node settings', () => {
    const env = electronBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0' }, '41.7.1');
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_runtime: 'electron',
      npm_config_target: '41.7.1',
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_config_build_from_source: 'false',
    });
  });

  it('fails with a readable message and leaves the Node build exactly as it was', () => {
    dir = makeTempDir('folio-native-');
    const before = sha1(NODE_BUILD);
    const cacheFile = path.join(dir, 'cache', 'better_sqlite3.node');
    const outputFile = path.join(dir, 'dist', 'native', 'better_sqlite3.node');
    // No Electron has this version: no prebuilt binary and no headers exist, online or not.
    expect(() =>
      ensureElectronNative({ electronVersion: '999.0.0', cacheFile, outputFile, log: () => undefined, output: 'ignore' }),
    ).toThrow(/Could not get better-sqlite3 for Electron 999\.0\.0.*npm test and browser mode are not affected/s);
    expect(fs.existsSync(cacheFile)).toBe(false);
    expect(fs.existsSync(outputFile)).toBe(false);
    expect(sha1(NODE_BUILD)).toBe(before);
    const db = new Database(':memory:');
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
  });

  it('reuses a cached build without building again, and puts it beside the bundled main', () => {
    dir = makeTempDir('folio-native-');
    const cacheFile = nativeCacheFile(dir, '41.7.1', '12.6.2');
    expect(cacheFile).toBe(path.join(dir, 'node_modules', '.cache', 'folio-native', `electron-41.7.1-${process.arch}-better-sqlite3-12.6.2`, 'better_sqlite3.node'));
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
    fs.writeFileSync(cacheFile, 'electron build');
    const lines: string[] = [];
    const outputFile = path.join(dir, 'dist', 'native', 'better_sqlite3.node');
    expect(ensureElectronNative({ root: dir, electronVersion: '41.7.1', cacheFile, outputFile, log: (line: string) => lines.push(line) })).toBe(outputFile);
    expect(fs.readFileSync(outputFile, 'utf8')).toBe('electron build');
    expect(lines).toEqual([]);
  });
});
