import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../shared/events.js';
import { METADATA_MAX_BYTES, METADATA_MAX_DEPTH } from '../../../shared/metadata.js';
import { READ_ONLY_FIELDS } from '../../../shared/schemas.js';
import { seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let seeded: SeededLibrary;
let id: number;
let changes: LibraryChange[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown, actor = 'user') =>
  t.library.service.call(method, args, testContext(actor));

beforeEach(async () => {
  t = openTempLibrary();
  seeded = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg'], { thumbnails: false });
  id = seeded.items[0]?.id as number;
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

/** The row exactly as stored, to prove a refused call changed nothing. */
const rowOf = (itemId: number) => t.library.db.prepare(`SELECT * FROM media WHERE id = ?`).get(itemId);

describe('media.update', () => {
  it('changes the named fields only, stamps who and when, and tells open UIs', async () => {
    const before = await call('media.get', { id });
    const item = await call('media.update', { id, patch: { name: '  Garden ', description: 'Spring', metadata: { rating: 4, tags: ['x'] } } }, 'api');
    expect(item).toMatchObject({ name: 'Garden', description: 'Spring', metadata: { rating: 4, tags: ['x'] }, updatedBy: 'api' });
    expect(item.updatedAt > before.updatedAt).toBe(true);
    expect(item.originalName).toBe('Canon_40D.jpg');
    // The name sorts by its folded form, wherever its case puts it among the other names.
    const byName = await call('media.list', { sort: { field: 'name', direction: 'asc' } });
    const names = byName.items.map((listed) => listed.name);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(names).toContain('Garden');
    expect(changes).toEqual([{ aspects: ['fields'], ids: [id], actor: 'api' }]);
    // A second patch leaves the first one's fields alone.
    const next = await call('media.update', { id, patch: { customCoordinates: ' 10, 20 ,30,40' } });
    expect(next).toMatchObject({ name: 'Garden', description: 'Spring', customCoordinates: '10,20,30,40' });
  });

  it('tags replace the list, [] clears it, and the tag counts follow', async () => {
    await call('media.update', { id, patch: { tags: ['Beach', 'sea', 'BEACH'] } });
    expect((await call('media.get', { id })).tags).toEqual(['Beach', 'sea']);
    await call('media.update', { id, patch: { tags: ['sea', 'sky'] } });
    expect((await call('media.get', { id })).tags).toEqual(['sea', 'sky']);
    expect((await call('tags.list', {})).map(({ path, count }) => ({ name: path, count }))).toEqual([{ name: 'sea', count: 1 }, { name: 'sky', count: 1 }]);
    await call('media.update', { id, patch: { tags: [] } });
    expect((await call('media.get', { id })).tags).toEqual([]);
    expect((await call('tags.list', {})).map(({ path, count }) => ({ name: path, count }))).toEqual([]);
    expect(changes.at(-1)).toEqual({ aspects: ['tags'], ids: [id], actor: 'user' });
  });

  it('metadata replaces the object; null clears the focus area', async () => {
    await call('media.update', { id, patch: { metadata: { a: 1, b: { c: [true, null] } }, customCoordinates: '0,0,5,5' } });
    const item = await call('media.update', { id, patch: { metadata: { z: 'only' }, customCoordinates: null } });
    expect(item.metadata).toEqual({ z: 'only' });
    expect(item.customCoordinates).toBeNull();
  });

  it('refuses a patch with no field, or naming a read-only or unknown field, and changes nothing', async () => {
    const before = rowOf(id);
    await expectFolioError(call('media.update', { id, patch: {} }), 'INVALID_ARGUMENT');
    for (const field of READ_ONLY_FIELDS) {
      const error = await expectFolioError(call('media.update', { id, patch: { name: 'x', [field]: 1 } }), 'INVALID_ARGUMENT', `patch.${field}`);
      expect(error.message).toContain('read-only');
    }
    const unknown = await expectFolioError(call('media.update', { id, patch: { colour: 'red' } }), 'INVALID_ARGUMENT', 'patch.colour');
    expect(unknown.message).toContain('not a known field');
    await expectFolioError(call('media.update', { id: 424_242, patch: { name: 'x' } }), 'NOT_FOUND', 'id');
    expect(rowOf(id)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('refuses bad names, tags, coordinates and metadata, naming the field, and changes nothing', async () => {
    await call('media.update', { id, patch: { tags: ['keep'], metadata: { keep: true } } });
    const before = rowOf(id);
    const cases: [unknown, string][] = [
      [{ name: '   ' }, 'patch.name'],
      [{ name: 'a\u0000b' }, 'patch.name'],
      [{ name: 'x'.repeat(256) }, 'patch.name'],
      [{ description: 'x'.repeat(20_001) }, 'patch.description'],
      [{ tags: ['ok', ''] }, 'patch.tags[1]'],
      [{ tags: ['  \t '] }, 'patch.tags[0]'],
      [{ tags: ['bell\u0007'] }, 'patch.tags[0]'],
      [{ tags: ['x'.repeat(101)] }, 'patch.tags[0]'],
      [{ tags: 'beach' }, 'patch.tags'],
      [{ customCoordinates: '1,2,3' }, 'patch.customCoordinates'],
      [{ customCoordinates: '-1,0,5,5' }, 'patch.customCoordinates'],
      [{ customCoordinates: '0,0,0,5' }, 'patch.customCoordinates'],
      [{ metadata: [1, 2] }, 'patch.metadata'],
      [{ metadata: JSON.parse('{"__proto__":{"admin":true}}') }, 'patch.metadata.__proto__'],
      [{ metadata: { a: { constructor: 1 } } }, 'patch.metadata.a.constructor'],
      [{ metadata: { prototype: 1 } }, 'patch.metadata.prototype'],
      [{ metadata: { big: 'x'.repeat(METADATA_MAX_BYTES) } }, 'patch.metadata'],
    ];
    for (const [patch, field] of cases) await expectFolioError(call('media.update', { id, patch }), 'INVALID_ARGUMENT', field);
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < METADATA_MAX_DEPTH; i += 1) deep = { d: deep };
    await expectFolioError(call('media.update', { id, patch: { metadata: deep } }), 'INVALID_ARGUMENT');
    expect(rowOf(id)).toEqual(before);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('keeps the focus area inside the upright image', async () => {
    const item = await call('media.get', { id });
    const { width, height } = item as { width: number; height: number };
    await call('media.update', { id, patch: { customCoordinates: `0,0,${width},${height}` } });
    await expectFolioError(call('media.update', { id, patch: { customCoordinates: `1,0,${width},${height}` } }), 'INVALID_ARGUMENT', 'customCoordinates');
    await expectFolioError(call('media.update', { id, patch: { customCoordinates: `0,${height},1,1` } }), 'INVALID_ARGUMENT', 'customCoordinates');
    t.library.db.prepare(`UPDATE media SET width = NULL, height = NULL WHERE id = ?`).run(id);
    await expectFolioError(call('media.update', { id, patch: { customCoordinates: '0,0,1,1' } }), 'INVALID_ARGUMENT', 'customCoordinates');
    expect((await call('media.get', { id })).customCoordinates).toBe(`0,0,${width},${height}`);
  });

  it('a failing part of a patch leaves the other parts unwritten', async () => {
    const before = rowOf(id);
    await expectFolioError(
      call('media.update', { id, patch: { name: 'New', tags: ['new'], customCoordinates: '0,0,99999,1' } }),
      'INVALID_ARGUMENT',
    );
    expect(rowOf(id)).toEqual(before);
    expect((await call('tags.list', {})).map(({ path, count }) => ({ name: path, count }))).toEqual([]);
  });
});

describe('media.replace', () => {
  it('needs a name and clears every editable field it is not given', async () => {
    await call('media.update', { id, patch: { description: 'd', tags: ['t'], metadata: { m: 1 }, customCoordinates: '0,0,1,1' } });
    const item = await call('media.replace', { id, fields: { name: 'Only a name' } });
    expect(item).toMatchObject({ name: 'Only a name', description: '', tags: [], metadata: {}, customCoordinates: null });
    const full = await call('media.replace', { id, fields: { name: 'N', description: 'D', tags: ['a'], metadata: { k: 'v' }, customCoordinates: '1,1,2,2' } });
    expect(full).toMatchObject({ name: 'N', description: 'D', tags: ['a'], metadata: { k: 'v' }, customCoordinates: '1,1,2,2' });
    await expectFolioError(call('media.replace', { id, fields: { description: 'no name' } }), 'INVALID_ARGUMENT', 'fields.name');
    await expectFolioError(call('media.replace', { id, fields: { name: 'x', md5: 'y' } }), 'INVALID_ARGUMENT', 'fields.md5');
    await expectFolioError(call('media.replace', { id: 424_242, fields: { name: 'x' } }), 'NOT_FOUND', 'id');
  });
});

describe('media.mergeMetadata', () => {
  it('sets and removes keys, keeping the others', async () => {
    await call('media.update', { id, patch: { metadata: { a: 1, b: 2, c: { d: 3 } } } });
    const item = await call('media.mergeMetadata', { id, set: { b: 'two', e: [1] }, remove: ['a', 'missing'] });
    expect(item.metadata).toEqual({ b: 'two', c: { d: 3 }, e: [1] });
    expect(Object.keys(item.metadata)).toEqual(['b', 'c', 'e']);
  });

  it('refuses nothing to do, a key both set and removed, forbidden keys and a merge over the size limit', async () => {
    await call('media.update', { id, patch: { metadata: { half: 'x'.repeat(METADATA_MAX_BYTES / 2) } } });
    const before = rowOf(id);
    await expectFolioError(call('media.mergeMetadata', { id }), 'INVALID_ARGUMENT', 'set');
    await expectFolioError(call('media.mergeMetadata', { id, remove: [] }), 'INVALID_ARGUMENT', 'set');
    await expectFolioError(call('media.mergeMetadata', { id, set: { a: 1 }, remove: ['a'] }), 'INVALID_ARGUMENT', 'remove[0]');
    await expectFolioError(call('media.mergeMetadata', { id, remove: ['__proto__'] }), 'INVALID_ARGUMENT', 'remove[0]');
    await expectFolioError(call('media.mergeMetadata', { id, set: JSON.parse('{"__proto__":1}') }), 'INVALID_ARGUMENT');
    await expectFolioError(
      call('media.mergeMetadata', { id, set: { other: 'y'.repeat(METADATA_MAX_BYTES / 2 + 10) } }),
      'INVALID_ARGUMENT',
      'set',
    );
    await expectFolioError(call('media.mergeMetadata', { id: 424_242, set: { a: 1 } }), 'NOT_FOUND', 'id');
    expect(rowOf(id)).toEqual(before);
  });
});

describe('media.setParent', () => {
  it('makes derived versions, counts them on the parent, detaches with null', async () => {
    const [a, b] = seeded.items.map((item) => item.id) as [number, number];
    expect(await call('media.setParent', { ids: [b], parentId: a })).toEqual({ ids: [b] });
    expect((await call('media.get', { id: b })).parentId).toBe(a);
    expect((await call('media.get', { id: a })).derivedCount).toBe(1);
    await call('media.setParent', { ids: [b], parentId: null });
    expect((await call('media.get', { id: a })).derivedCount).toBe(0);
  });

  it('refuses self-parenting, cycles, unknown items and a trashed parent, changing nothing', async () => {
    const [a, b] = seeded.items.map((item) => item.id) as [number, number];
    await call('media.setParent', { ids: [b], parentId: a });
    await expectFolioError(call('media.setParent', { ids: [a], parentId: a }), 'INVALID_ARGUMENT', 'parentId');
    await expectFolioError(call('media.setParent', { ids: [a], parentId: b }), 'INVALID_ARGUMENT', 'parentId');
    await expectFolioError(call('media.setParent', { ids: [a], parentId: 424_242 }), 'NOT_FOUND', 'parentId');
    await expectFolioError(call('media.setParent', { ids: [b, 424_242], parentId: a }), 'NOT_FOUND', 'ids[1]');
    await call('media.setParent', { ids: [b], parentId: null });
    await call('media.softDelete', { ids: [a] });
    await expectFolioError(call('media.setParent', { ids: [b], parentId: a }), 'CONFLICT', 'parentId');
    expect((await call('media.get', { id: a })).parentId).toBeNull();
    expect((await call('media.get', { id: b })).parentId).toBeNull();
  });
});
