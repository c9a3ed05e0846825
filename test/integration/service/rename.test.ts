import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let seeded: SeededLibrary;
let id: number;
let original: Buffer;
let dir: string;

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);
/** Every file in the folder with its bytes, to prove nothing else moved or changed. */
const snapshot = (folder: string) =>
  Object.fromEntries(fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name)).toString('base64')]));
const rowOf = () => t.library.db.prepare(`SELECT * FROM media WHERE id = ?`).get(id);

beforeEach(async () => {
  t = openTempLibrary();
  seeded = await seedLibrary(t, ['jpg/gps/DSCN0010.jpg', 'jpg/gps/DSCN0012.jpg'], { thumbnails: false });
  id = seeded.items[0]?.id as number;
  original = fs.readFileSync(seeded.items[0]?.absPath as string);
  dir = path.join(seeded.folderPath, 'jpg', 'gps');
});
afterEach(async () => t.dispose());

describe('media.rename', () => {
  it('changes the display name only, unless asked', async () => {
    const item = await call('media.rename', { id, name: 'Tuscany' });
    expect(item).toMatchObject({ name: 'Tuscany', originalName: 'DSCN0010.jpg' });
    expect(fs.existsSync(path.join(dir, 'DSCN0010.jpg'))).toBe(true);
    // The name sorts by its folded form: "Tuscany" comes after every other (lower-case) name.
    const byName = await call('media.listIds', { sort: { field: 'name', direction: 'asc' } });
    expect(byName.ids.at(-1)).toBe(id);
  });

  it('renames the file in its folder, keeping its bytes, and records where it is', async () => {
    const item = await call('media.rename', { id, name: 'Toscana – día 1.jpg', onDisk: true });
    const moved = path.join(dir, 'Toscana – día 1.jpg');
    expect(fs.readFileSync(moved).equals(original)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'DSCN0010.jpg'))).toBe(false);
    expect(item).toMatchObject({ name: 'Toscana – día 1.jpg', originalName: 'Toscana – día 1.jpg', path: moved });
    const row = t.library.db.prepare(`SELECT rel_path, display_path FROM media WHERE id = ?`).get(id) as { rel_path: Buffer; display_path: string };
    expect(row.rel_path.equals(Buffer.from('jpg/gps/Toscana – día 1.jpg'))).toBe(true);
    expect(row.display_path).toBe('jpg/gps/Toscana – día 1.jpg');
    // Renaming to its own name is fine and touches nothing on disk.
    await call('media.rename', { id, name: 'Toscana – día 1.jpg', onDisk: true });
    expect(fs.readFileSync(moved).equals(original)).toBe(true);
  });

  it('never overwrites: CONFLICT if the name is taken, both files untouched', async () => {
    const before = snapshot(dir);
    const rowBefore = rowOf();
    await expectFolioError(call('media.rename', { id, name: 'DSCN0012.jpg', onDisk: true }), 'CONFLICT', 'name');
    fs.writeFileSync(path.join(dir, 'not in library.txt'), 'mine');
    await expectFolioError(call('media.rename', { id, name: 'not in library.txt', onDisk: true }), 'CONFLICT', 'name');
    expect(fs.readFileSync(path.join(dir, 'not in library.txt'), 'utf8')).toBe('mine');
    fs.rmSync(path.join(dir, 'not in library.txt'));
    expect(snapshot(dir)).toEqual(before);
    expect(rowOf()).toEqual(rowBefore);
  });

  it.each([
    ['a separator', 'a/b.jpg'],
    ['a backslash', 'a\\b.jpg'],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['a Windows device name', 'CON'],
    ['a device name with an extension', 'nul.txt'],
    ['COM1 in lower case', 'com1.jpg'],
    ['LPT9', 'LPT9'],
    ['a trailing dot', 'photo.'],
    ['more than 255 bytes', `${'é'.repeat(128)}.jpg`],
  ])('refuses %s as INVALID_ARGUMENT and changes nothing', async (_label, name) => {
    const before = snapshot(dir);
    const rowBefore = rowOf();
    await expectFolioError(call('media.rename', { id, name, onDisk: true }), 'INVALID_ARGUMENT', 'name');
    expect(snapshot(dir)).toEqual(before);
    expect(rowOf()).toEqual(rowBefore);
  });

  it('refuses control characters and empty names (display or disk)', async () => {
    await expectFolioError(call('media.rename', { id, name: 'a\u0000b', onDisk: true }), 'INVALID_ARGUMENT', 'name');
    await expectFolioError(call('media.rename', { id, name: 'tab\there' }), 'INVALID_ARGUMENT', 'name');
    await expectFolioError(call('media.rename', { id, name: '   ' }), 'INVALID_ARGUMENT', 'name');
    await expectFolioError(call('media.rename', { id: 424_242, name: 'x' }), 'NOT_FOUND', 'id');
    await expectFolioError(call('media.rename', { id: 424_242, name: 'x', onDisk: true }), 'NOT_FOUND', 'id');
  });

  it('works beside a sibling whose name is not UTF-8, and on such a file itself', async () => {
    const latin1 = Buffer.concat([Buffer.from(dir + path.sep), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6a, 0x70, 0x67])]); // "café.jpg" in Latin-1
    fs.writeFileSync(latin1, original);
    await call('media.rename', { id, name: 'renamed.jpg', onDisk: true });
    expect(fs.readFileSync(latin1).equals(original)).toBe(true);
    // Now record the Latin-1 file as an item, as import would (raw bytes path), and rename it.
    const rel = Buffer.concat([Buffer.from('jpg/gps/'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6a, 0x70, 0x67])]);
    const other = Number(
      t.library.db
        .prepare(
          `INSERT INTO media (folder_id, rel_path, display_path, original_name, file_size, mtime, name, name_key, created_at, updated_at, updated_by, type, file_state)
           VALUES (?, ?, ?, ?, ?, '2024-01-01T00:00:00.000Z', ?, ?, 'now', 'now', 'import', 'image', 'ok')`,
        )
        .run(seeded.folderId, rel, rel.toString('utf8'), rel.toString('utf8').split('/').pop(), original.length, 'caf\ufffd.jpg', 'caf\ufffd.jpg')
        .lastInsertRowid,
    );
    const item = await call('media.rename', { id: other, name: 'café.jpg', onDisk: true });
    expect(fs.existsSync(latin1)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'café.jpg')).equals(original)).toBe(true);
    expect(item.path).toBe(path.join(dir, 'café.jpg'));
  });

  it('moves the file back when the database step fails', async () => {
    const before = snapshot(dir);
    const rowBefore = rowOf();
    // A real failure of the database step: a trigger (on this connection only) aborts the update.
    t.library.db.exec(`CREATE TEMP TRIGGER fail_rename BEFORE UPDATE OF rel_path ON media BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const error = await expectFolioError(call('media.rename', { id, name: 'will roll back.jpg', onDisk: true }), 'IO_ERROR');
    expect(error.message).toContain('disk full');
    expect(error.message).toContain('keeps its old name');
    expect(snapshot(dir)).toEqual(before);
    expect(rowOf()).toEqual(rowBefore);
    t.library.db.exec(`DROP TRIGGER fail_rename`);
  });

  it('moves the file back and answers CONFLICT when another item is recorded under the new name', async () => {
    // The other photo's file is gone (the library marks it missing), so the name is free on disk
    // but taken in the library: the move succeeds, the database refuses, the move is undone.
    const otherId = seeded.items[1]?.id as number;
    fs.rmSync(path.join(dir, 'DSCN0012.jpg'));
    t.library.db.prepare(`UPDATE media SET availability = 'missing' WHERE id = ?`).run(otherId);
    const before = snapshot(dir);
    await expectFolioError(call('media.rename', { id, name: 'DSCN0012.jpg', onDisk: true }), 'CONFLICT', 'name');
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'DSCN0010.jpg')).equals(original)).toBe(true);
  });

  it('is CONFLICT for a file that is missing or offline', async () => {
    t.library.db.prepare(`UPDATE media SET availability = 'offline' WHERE id = ?`).run(id);
    await expectFolioError(call('media.rename', { id, name: 'x.jpg', onDisk: true }), 'CONFLICT', 'onDisk');
    expect(fs.existsSync(path.join(dir, 'DSCN0010.jpg'))).toBe(true);
  });
});
