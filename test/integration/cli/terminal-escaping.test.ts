/**
 * A file named `$(printf '\033[2J\033]0;pwned\007').jpg` must not clear the terminal or set its
 * title when the CLI prints it: import's problem list, list and get show the escapes as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

const HOSTILE = '\x1b[2J\x1b]0;pwned\x07';
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

let dir: string;
let library: string;
let photos: string;

beforeAll(() => {
  dir = makeTempDir('folio-cli-escape-');
  library = path.join(dir, 'library');
  photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/corrupted.jpg']);
  fs.renameSync(path.join(photos, 'jpg', 'Canon_40D.jpg'), path.join(photos, 'jpg', `${HOSTILE}.jpg`));
  // A damaged file with a hostile name lands in the problem list.
  fs.renameSync(path.join(photos, 'jpg', 'corrupted.jpg'), path.join(photos, `${HOSTILE}broken\r.jpg`));
});
afterAll(() => removeDir(dir));

function expectNoRawControls(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toContain('\u202e');
}

describe('the CLI escapes user and file text on a terminal', () => {
  it('in the problem list of folio import', async () => {
    const run = await runFolio(['import', photos, '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expectNoRawControls(run.stdout);
    expectNoRawControls(run.stderr);
    expect(run.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07broken\\r.jpg');
  });

  it('in folio list and folio get, while --json keeps the exact file name', async () => {
    const json = await runFolio(['list', '--json', '--library', library]);
    const items = json.json<{ items: MediaItem[] }>().items;
    const photo = items.find((item) => item.originalName.endsWith('pwned\x07.jpg'));
    expect(photo?.originalName).toBe(`${HOSTILE}.jpg`);
    // The display name has its control characters replaced at import (what the API returns, it accepts).
    expect(photo?.name).toBe('\ufffd[2J\ufffd]0;pwned\ufffd.jpg');
    const list = await runFolio(['list', '--library', library]);
    expect(list.code, list.stderr).toBe(0);
    expectNoRawControls(list.stdout);
    expect(list.stdout).toContain('\ufffd[2J\ufffd]0;pwned\ufffd.jpg');

    const get = await runFolio(['get', String(photo?.id), '--library', library]);
    expect(get.code, get.stderr).toBe(0);
    expectNoRawControls(get.stdout);
    expect(get.stdout).toMatch(/name: +\ufffd\[2J/);
    expect(get.stdout).toMatch(/path: +.*\\x1b\[2J/);
  });

  it('in error messages that quote the command line', async () => {
    const run = await runFolio([`frob${HOSTILE}`, '--library', library]);
    expect(run.code).toBe(2);
    expectNoRawControls(run.stderr);
    expect(run.stderr).toContain('frob\\x1b[2J');
  });
});
