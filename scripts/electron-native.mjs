// Builds better-sqlite3 for Electron without touching the Node build that `npm test` and the
// CLI use. The Electron build goes to a cache keyed by both versions and is copied to
// dist/native/better_sqlite3.node, where the desktop app's main process loads it through
// better-sqlite3's `nativeBinding` option. Used by `npm start` and `npm run dist`.
//
// The work happens in a temporary copy of the package: a failed or interrupted build can never
// delete or overwrite node_modules/better-sqlite3/build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function installedElectronVersion(root = ROOT) {
  return readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
}

export function betterSqliteVersion(root = ROOT) {
  return readJson(path.join(root, 'node_modules', 'better-sqlite3', 'package.json')).version;
}

export function nativeCacheFile(root, electronVersion, sqliteVersion, arch = process.arch) {
  return path.join(root, 'node_modules', '.cache', 'folio-native', `electron-${electronVersion}-${arch}-better-sqlite3-${sqliteVersion}`, 'better_sqlite3.node');
}

/** Where the bundled main process looks for it (see electron/main/launch-options.ts). */
export function nativeOutputFile(root = ROOT) {
  return path.join(root, 'dist', 'native', 'better_sqlite3.node');
}

/**
 * The environment for the build tools: aimed at Electron's ABI and headers. npm passes its own
 * config down as npm_config_* variables (this machine's `nodedir`, for one, would make node-gyp
 * compile against Node's headers and produce a module Electron refuses), so those are dropped.
 */
export function electronBuildEnv(env, electronVersion) {
  const clean = Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_config_/i.test(key)));
  return {
    ...clean,
    npm_config_runtime: 'electron',
    npm_config_target: electronVersion,
    npm_config_disturl: 'https://electronjs.org/headers',
    npm_config_build_from_source: 'false',
  };
}

function run(command, args, cwd, env, log, output) {
  log(`$ ${path.basename(command)} ${args.map((arg) => path.basename(arg)).join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', output, output], timeout: 15 * 60_000 });
  return result.status === 0;
}

function copyPackage(from, to) {
  // Everything but the Node build: sources, the bundled SQLite, the gyp file, lib/.
  fs.cpSync(from, to, { recursive: true, filter: (source) => path.relative(from, source).split(path.sep)[0] !== 'build' });
}

/**
 * Makes sure the Electron build exists and is at dist/native/better_sqlite3.node.
 * First a prebuilt binary for this Electron (better-sqlite3's own prebuild-install), else a
 * compile with node-gyp against Electron's headers. Both need the network the first time;
 * afterwards the cached file is reused. Throws an Error with a readable message on failure.
 */
export function ensureElectronNative({
  root = ROOT,
  electronVersion = installedElectronVersion(root),
  cacheFile = nativeCacheFile(root, electronVersion, betterSqliteVersion(root)),
  outputFile = nativeOutputFile(root),
  env = process.env,
  log = (line) => console.log(line),
  /** 'inherit' shows the build tools' output; 'ignore' hides it (tests). */
  output = 'inherit',
} = {}) {
  if (!fs.existsSync(cacheFile)) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-electron-native-'));
    try {
      const pkg = path.join(work, 'better-sqlite3');
      copyPackage(path.join(root, 'node_modules', 'better-sqlite3'), pkg);
      const buildEnv = electronBuildEnv(env, electronVersion);
      const require = createRequire(path.join(root, 'node_modules', 'better-sqlite3', 'package.json'));
      const tools = [];
      try {
        tools.push([process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]]);
      } catch {
        // Not installed with this better-sqlite3: go straight to compiling.
      }
      try {
        const gyp = createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
        tools.push([process.execPath, [gyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`]]);
      } catch {
        // No node-gyp: the prebuilt binary is the only way.
      }
      log(`Building better-sqlite3 for Electron ${electronVersion} (the Node build stays as it is)…`);
      const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
      const ok = tools.some(([command, args]) => run(command, args, pkg, buildEnv, log, output) && fs.existsSync(built));
      if (!ok) {
        throw new Error(
          `Could not get better-sqlite3 for Electron ${electronVersion}: neither a prebuilt binary nor a compile with Electron's headers worked ` +
            '(both need the network the first time, and compiling needs a C++ toolchain). npm test and browser mode are not affected.',
        );
      }
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      fs.copyFileSync(built, `${cacheFile}.tmp`);
      fs.renameSync(`${cacheFile}.tmp`, cacheFile);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
  fs.mkdirSync(path.dirname(outputFile), { recursive: true });
  fs.copyFileSync(cacheFile, outputFile);
  return outputFile;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(`Electron build of better-sqlite3: ${ensureElectronNative()}`);
  } catch (error) {
    console.error(`folio: ${error.message}`);
    process.exit(1);
  }
}
