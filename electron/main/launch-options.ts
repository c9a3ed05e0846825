import path from 'node:path';

export interface LaunchOptions {
  /** `--library <dir>` or `--library=<dir>`, resolved against the working directory. */
  library: string | undefined;
}

/**
 * Reads our own options from Electron's argv. Chromium and Electron add switches of their own
 * (`--no-sandbox`, `--inspect`, the app path), so unknown arguments are ignored, not refused.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string = process.cwd()): LaunchOptions {
  let library: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--library') {
      const value = argv[i + 1];
      if (value !== undefined && !value.startsWith('--')) library = value;
      i += 1;
    } else if (arg.startsWith('--library=')) {
      library = arg.slice('--library='.length);
    }
  }
  return { library: library === undefined || library === '' ? undefined : path.resolve(cwd, library) };
}

/**
 * Where the Electron build of better-sqlite3 is: `native/better_sqlite3.node` beside the bundled
 * main. `npm start` and `npm run dist` put it there (scripts/electron-native.mjs); in a packaged
 * app the file is unpacked from the asar, because the OS cannot load a library from inside one.
 */
export function nativeBindingPath(mainDir: string): string {
  const file = path.join(mainDir, 'native', 'better_sqlite3.node');
  return file.replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);
}
