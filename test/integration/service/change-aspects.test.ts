/**
 * Every write tells open UIs each aspect it changed: a rename is `fields`, a tag edit `tags`, a
 * PATCH of both says both (the gallery once kept the old name under a tile after such a PATCH).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../../shared/events.js';
import { seedLibrary } from '../../helpers/seed-library.js';
import { copyCorpus, openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
let a: number;
let b: number;
let changes: LibraryChange[];

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown, actor = 'user') =>
  t.library.service.call(method, args, testContext(actor));

beforeEach(async () => {
  t = openTempLibrary({ workers: 1 });
  const seeded = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg'], { thumbnails: false });
  [a, b] = seeded.items.map((item) => item.id) as [number, number];
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

describe('change events name every aspect they changed', () => {
  it('media.update with a name and tags reports fields and tags', async () => {
    await call('media.update', { id: a, patch: { name: 'Harbour', tags: ['sea', 'boats'] } }, 'api');
    expect(changes).toEqual([{ aspects: ['fields', 'tags'], ids: [a], actor: 'api' }]);
  });

  it('media.update with tags only reports tags; with the same tags again, only the stamp (fields)', async () => {
    await call('media.update', { id: a, patch: { tags: ['sea'] } });
    await call('media.update', { id: a, patch: { tags: ['sea'] } });
    expect(changes.map((c) => c.aspects)).toEqual([['tags'], ['fields']]);
  });

  it('media.replace reports fields, and tags when they changed', async () => {
    await call('media.replace', { id: a, fields: { name: 'One', tags: ['x'] } });
    await call('media.replace', { id: a, fields: { name: 'Two', tags: ['x'] } });
    expect(changes.map((c) => c.aspects)).toEqual([['fields', 'tags'], ['fields']]);
  });

  it('metadata merges, renames and derived versions are fields; an on-disk rename is files too', async () => {
    await call('media.mergeMetadata', { id: a, set: { rating: 3 } });
    await call('media.rename', { id: a, name: 'Shown only' });
    await call('media.rename', { id: a, name: 'renamed.jpg', onDisk: true });
    await call('media.setParent', { ids: [b], parentId: a });
    expect(changes.map((c) => c.aspects)).toEqual([['fields'], ['fields'], ['fields', 'files'], ['fields']]);
    expect(changes.at(-1)?.ids).toEqual([b, a]);
  });

  it('tag edits and tag renames are tags', async () => {
    await call('media.editTags', { ids: [a, b], add: ['trip'] });
    await call('tags.rename', { from: 'trip', to: 'journey' });
    expect(changes).toEqual([
      { aspects: ['tags'], ids: [a, b], actor: 'user' },
      { aspects: ['tags'], ids: [a, b], actor: 'user' },
    ]);
  });

  it('AI tags are aiTags; promoting one to a user tag is both', async () => {
    await call('media.autoTag', { ids: [a], extensions: [{ name: 'local-analysis' }] });
    expect(changes.at(-1)).toEqual({ aspects: ['aiTags'], ids: [a], actor: 'user' });
    const [first] = (await call('media.get', { id: a })).aiTags;
    expect(first).toBeDefined();
    await call('media.promoteAiTags', { ids: [a], names: [first?.name] });
    expect(changes.at(-1)).toEqual({ aspects: ['tags', 'aiTags'], ids: [a], actor: 'user' });
  });

  it('the trash: moving and restoring are trash, emptying forgets items too', async () => {
    await call('media.softDelete', { ids: [a] });
    await call('media.restore', { ids: [a] });
    await call('media.softDelete', { ids: [a] });
    await call('trash.empty', {});
    expect(changes.map((c) => c.aspects)).toEqual([['trash'], ['trash'], ['trash'], ['trash', 'items']]);
  });

  it('an import reports new items, what it read from the files, thumbnails and folders', async () => {
    const folder = copyCorpus(path.join(t.dir, 'more'), ['jpg/Pentax_K10D.jpg']);
    await call('import.start', { path: folder });
    await t.library.importer.whenIdle();
    const fromImport = changes.filter((c) => c.actor === 'import');
    expect([...new Set(fromImport.flatMap((c) => c.aspects))].sort()).toEqual(['files', 'folders', 'items', 'thumbnails']);
    const [created] = fromImport.find((c) => c.aspects.includes('items'))?.ids ?? [];
    expect(created).toBeGreaterThan(b);
    for (const aspect of ['files', 'thumbnails'] as const) {
      expect(fromImport.find((c) => c.aspects.includes(aspect))?.ids).toEqual([created]);
    }
  });
});
