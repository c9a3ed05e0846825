/**
 * Permission faults need a user the file system says no to. Root is never refused, so when
 * the tests run as root (CI does) the CLI runs as `nobody` for these cases; otherwise as the
 * current user, for whom chmod is enough.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;
const as = asRoot ? { uid: NOBODY, gid: NOBODY } : undefined;

let dir: string;
beforeEach(() => {
  dir = makeTempDir('folio-other-user-');
  fs.chmodSync(dir, 0o755);
});
afterEach(() => removeDir(dir));

interface ListJson {
  items: { id: number; name: string; fileState: string; tags: string[] }[];
}

describe('a library this user may only read', () => {
  it('lists and gets, refuses a write saying why, and leaves nothing behind', async () => {
    const library = path.join(dir, 'library');
    const photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg']);
    expect((await runFolio(['import', photos, '--library', library])).code).toBe(0);
    if (!asRoot) fs.chmodSync(library, 0o555);
    const before = fs.readdirSync(library).sort();
    try {
      const listed = await runFolio(['list', '--json', '--library', library], {}, as);
      expect(listed.code, listed.stderr).toBe(0);
      const items = listed.json<ListJson>().items;
      expect(items).toHaveLength(2);
      const got = await runFolio(['get', String(items[0]?.id), '--json', '--library', library], {}, as);
      expect(got.code, got.stderr).toBe(0);
      const tagged = await runFolio(['tag', String(items[0]?.id), '--add', 'x', '--library', library], {}, as);
      expect(tagged.code).toBe(9);
      expect(tagged.stderr).toContain(`The library at ${library} is read-only`);
      expect(fs.readdirSync(library).sort()).toEqual(before);
    } finally {
      if (!asRoot) fs.chmodSync(library, 0o755);
    }
    // The owner opens it as before.
    expect((await runFolio(['tag', '1', '--add', 'x', '--library', library])).code).toBe(0);
  });
});

describe('rescan and permissions', () => {
  it('notices a file that became unreadable though its size and time did not change', async () => {
    const library = path.join(dir, 'library');
    const photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg']);
    if (asRoot) for (const target of [dir, photos, path.join(photos, 'jpg')]) fs.chownSync(target, NOBODY, NOBODY);
    expect((await runFolio(['import', photos, '--library', library], {}, as)).code).toBe(0);
    const file = path.join(photos, 'jpg', 'Nikon_D70.jpg');
    const { mtime } = fs.statSync(file);
    fs.chmodSync(file, 0o000);
    fs.utimesSync(file, mtime, mtime);
    try {
      expect((await runFolio(['rescan', '--library', library], {}, as)).code).toBe(0);
      const items = (await runFolio(['list', '--json', '--library', library], {}, as)).json<ListJson>().items;
      expect(items.find((item) => item.name === 'Nikon_D70.jpg')?.fileState).toBe('unreadable');
      expect(items.find((item) => item.name === 'Canon_40D.jpg')?.fileState).toBe('ok');
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });
});
