import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath, parseLaunchArgs } from '../../../electron/main/launch-options.js';

describe('launch arguments', () => {
  it('reads --library <dir> and --library=<dir>, resolved against the working directory', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--library', 'libs/a'], '/home/me').library).toBe(path.resolve('/home/me/libs/a'));
    expect(parseLaunchArgs(['folio', '--library=/data/lib'], '/home/me').library).toBe(path.resolve('/data/lib'));
  });

  it('uses the default library when the flag is absent, empty or has no value', () => {
    expect(parseLaunchArgs(['folio']).library).toBeUndefined();
    expect(parseLaunchArgs(['folio', '--library=']).library).toBeUndefined();
    expect(parseLaunchArgs(['folio', '--library']).library).toBeUndefined();
    expect(parseLaunchArgs(['folio', '--library', '--inspect']).library).toBeUndefined();
  });

  it("ignores Chromium's and Electron's own switches", () => {
    expect(parseLaunchArgs(['electron', '--no-sandbox', '--enable-logging', '.', '--library', '/x', '--ozone-platform=x11']).library).toBe(
      path.resolve('/x'),
    );
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('sits beside the bundled main', () => {
    expect(nativeBindingPath(path.join('/repo', 'dist'))).toBe(path.join('/repo', 'dist', 'native', 'better_sqlite3.node'));
  });

  it('is loaded from the unpacked folder in a packaged app', () => {
    const inAsar = path.join('/opt', 'Folio', 'resources', 'app.asar', 'dist');
    expect(nativeBindingPath(inAsar)).toBe(path.join('/opt', 'Folio', 'resources', 'app.asar.unpacked', 'dist', 'native', 'better_sqlite3.node'));
  });
});
