// `npm start`: the desktop app. Gets the Electron binary (downloading it if it is missing), the
// Electron build of better-sqlite3, builds main, preload and renderer, and launches. Where
// Electron cannot be had (no network, an offline build machine) it stops and names browser
// mode, which needs none of it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';
import { ensureElectronNative, ROOT } from './electron-native.mjs';

const BROWSER_MODE = `Folio also runs without Electron, in your browser:
  npm run serve     the app on http://127.0.0.1 with your library
  npm run demo      the same with a small demo library`;

function fail(message) {
  console.error(`\nfolio: ${message}\n\n${BROWSER_MODE}\n`);
  process.exit(1);
}

function ensureElectronBinary(root) {
  const found = electronBinary(root);
  if (found) return found;
  if (!fs.existsSync(path.join(root, 'node_modules', 'electron', 'install.js'))) {
    fail('Electron is not installed (node_modules/electron is missing). Run "npm install" first.');
  }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    fail('The Electron binary is not installed, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded.');
  }
  console.log('Downloading Electron…');
  const install = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'inherit',
    timeout: 10 * 60_000,
  });
  const binary = install.status === 0 ? electronBinary(root) : null;
  if (!binary) fail('The Electron binary could not be downloaded (no network, or its download site is blocked here).');
  return binary;
}

function main() {
  const binary = ensureElectronBinary(ROOT);
  try {
    ensureElectronNative({ root: ROOT });
  } catch (error) {
    fail(error.message);
  }
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Electron run as Node would ignore the app; never inherit that from the shell.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(binary, [ROOT, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

main();
