/**
 * Writing edits back to XMP sidecars (issue 15): real JPEGs, real ExifTool (exiftool-vendored
 * writes, Debian's exiftool reads back), a real library; a second library imports the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsIn, MethodName, Result } from '../../../shared/contract.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from '../service/expect-error.js';
import { importAndWait, rowAt, writeImage } from '../import/import-fixture.js';
import { exiftoolRead, exiftoolSidecar } from './exiftool-files.js';

describe('writing metadata back to XMP sidecars', () => {
  let t: TempLibrary;
  let folder: string;
  const file = (rel: string): string => path.join(folder, rel);
  const id = (rel: string): number => rowAt(t.library, rel).id;
  const call = <M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> => t.library.service.call(method, args, t.ctx);

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'sub/e.jpg'].entries()) await writeImage(file(name), i + 1, { width: 200, height: 100 });
    // b.jpg has a Lightroom sidecar with a property Folio does not own (and a keyword Folio reads).
    exiftoolSidecar(file('b.xmp'), ['-XMP-dc:Subject=old', '-XMP-photoshop:City=Lyon', '-XMP-dc:Creator=Ansel']);
    await importAndWait(t.library, folder);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('is off by default: edits write nothing', async () => {
    expect(await call('config.get', {})).toEqual({ writeSidecars: false });
    await call('media.editTags', { ids: [id('a.jpg')], add: ['draft'], remove: [] });
    await t.library.sidecars.idle();
    expect(fs.existsSync(file('a.jpg.xmp'))).toBe(false);
    expect((await call('sidecars.status', {})).pending).toBe(0);
    const error = await expectFolioError(call('sidecars.writeAll', {}), 'CONFLICT');
    expect(error.message).toMatch(/Writing sidecars is off/);
  });

  it('when on, writes tags as three keyword trees, rating, label, flag, title, description and focus area; ExifTool reads them back', async () => {
    expect(await call('config.set', { writeSidecars: true })).toEqual({ writeSidecars: true });
    const a = id('a.jpg');
    await call('media.editTags', { ids: [a], add: ['Places/France/Paris', 'sea'], remove: ['draft'] });
    await call('media.setCurating', { ids: [a], rating: 4, label: 'purple', flag: 'pick' });
    await call('media.update', { id: a, patch: { name: 'Harbour', description: 'Boats at dusk', customCoordinates: '20,10,100,50' } });
    await t.library.sidecars.idle();
    const back = exiftoolRead(file('a.jpg.xmp'), ['XMP:all']);
    expect(back).toMatchObject({
      'XMP-dc:Subject': ['Paris', 'sea'],
      'XMP-lr:HierarchicalSubject': ['Places|France|Paris', 'sea'],
      'XMP-digiKam:TagsList': ['Places/France/Paris', 'sea'],
      'XMP-xmp:Rating': 4,
      'XMP-xmp:Label': 'Purple',
      'XMP-digiKam:ColorLabel': 6,
      'XMP-digiKam:PickLabel': 3,
      'XMP-dc:Title': 'Harbour',
      'XMP-dc:Description': 'Boats at dusk',
    });
    expect(back['XMP-mwg-rs:RegionInfo']).toMatchObject({ RegionList: [{ Type: 'Focus', Area: { X: 0.35, Y: 0.35, W: 0.5, H: 0.5 } }] });
    expect(await call('media.fileMetadata', { id: a })).toMatchObject({ sidecar: { state: 'up-to-date', error: null } });
    // A reject goes out as Lightroom's -1.
    await call('media.setCurating', { ids: [a], flag: 'reject' });
    await t.library.sidecars.idle();
    expect(exiftoolRead(file('a.jpg.xmp'), ['XMP-xmp:Rating', 'XMP-digiKam:PickLabel'])).toMatchObject({ 'XMP-xmp:Rating': -1, 'XMP-digiKam:PickLabel': 1 });
  });

  it('rewrites the keywords of every item of a renamed branch', async () => {
    const [places] = await call('tags.list', { prefix: 'Places' });
    expect(places?.path).toBe('Places');
    await call('tags.update', { id: places?.id as number, path: 'Travel' });
    await t.library.sidecars.idle();
    const back = exiftoolRead(file('a.jpg.xmp'), ['XMP:all']);
    expect(back).toMatchObject({ 'XMP-lr:HierarchicalSubject': ['sea', 'Travel|France|Paris'], 'XMP-digiKam:TagsList': ['sea', 'Travel/France/Paris'] });
  });

  it("updates an existing name.xmp in place, keeping every property it does not own", async () => {
    await call('config.set', { writeSidecars: true });
    await call('media.editTags', { ids: [id('b.jpg')], add: ['new'], remove: [] });
    await t.library.sidecars.idle();
    expect(fs.existsSync(file('b.jpg.xmp'))).toBe(false);
    expect(exiftoolRead(file('b.xmp'), ['XMP:all'])).toMatchObject({ 'XMP-dc:Subject': ['new', 'old'], 'XMP-photoshop:City': 'Lyon', 'XMP-dc:Creator': ['Ansel'] });
    expect(fs.readdirSync(folder).filter((name) => name.includes('folio-write'))).toEqual([]);
  });

  it("finishes a write that a kill cut short inside ExifTool's own write (its _exiftool_tmp leftover)", async () => {
    await call('config.set', { writeSidecars: true });
    const leftover = file('.b.xmp.folio-write.xmp_exiftool_tmp');
    fs.writeFileSync(leftover, '<?xpacket begin'); // what a SIGKILL mid-write leaves
    await call('media.editTags', { ids: [id('b.jpg')], add: ['after-kill'], remove: [] });
    await t.library.sidecars.idle();
    expect((await call('sidecars.status', {})).failed).toBe(0);
    expect(exiftoolRead(file('b.xmp'), ['XMP-dc:Subject'])).toMatchObject({ 'XMP-dc:Subject': ['after-kill', 'new', 'old'] });
    expect(fs.readdirSync(folder).filter((name) => name.includes('folio-write'))).toEqual([]);
  });

  // A read-only folder cannot be made here (the tests may run as root, which ignores
  // permissions): a directory where the sidecar would go fails the write the same way.
  it('reports a sidecar it cannot write on the item and in the status, and loses no edit', async () => {
    await call('config.set', { writeSidecars: true });
    fs.mkdirSync(file('sub/e.jpg.xmp'));
    const e = id('sub/e.jpg');
    await call('media.editTags', { ids: [e], add: ['kept'], remove: [] });
    await t.library.sidecars.idle();
    const status = await call('sidecars.status', {});
    expect(status).toMatchObject({ failed: 1, lastError: { mediaId: e, message: expect.stringMatching(/e\.jpg\.xmp could not be written: .*(EISDIR|directory)/i) } });
    expect(await call('media.fileMetadata', { id: e })).toMatchObject({ sidecar: { state: 'failed', error: expect.stringMatching(/could not be written/) } });
    expect((await call('media.get', { id: e })).tags).toEqual(['kept']);
    fs.rmdirSync(file('sub/e.jpg.xmp'));
  });

  it('"write all" writes every item, then a fresh library importing the files reproduces tags, ratings and labels', async () => {
    const { queued } = await call('sidecars.writeAll', {});
    expect(queued).toBeGreaterThanOrEqual(4);
    await t.library.sidecars.idle();
    const done = await call('sidecars.status', {});
    expect(t.library.db.prepare(`SELECT media_id, error FROM sidecar_writes`).all()).toEqual([]);
    expect(done).toMatchObject({ pending: 0, failed: 0 });
    expect(fs.existsSync(file('sub/e.jpg.xmp'))).toBe(true);

    const fresh = openTempLibrary({ workers: 2 });
    try {
      await importAndWait(fresh.library, folder);
      const again = async (rel: string) => fresh.library.service.call('media.get', { id: rowAt(fresh.library, rel).id }, fresh.ctx);
      const original = async (rel: string) => call('media.get', { id: id(rel) });
      for (const rel of ['a.jpg', 'b.jpg', 'sub/e.jpg']) {
        const [before, after] = [await original(rel), await again(rel)];
        expect([...after.tags].sort(), rel).toEqual([...before.tags].sort());
        expect({ rating: after.rating, label: after.label, flag: after.flag, name: after.name, description: after.description }, rel).toEqual({
          rating: before.flag === 'reject' ? 0 : before.rating,
          label: before.label,
          flag: before.flag,
          name: before.name,
          description: before.description,
        });
      }
    } finally {
      await fresh.dispose();
    }
  });

  it('cancels the rest of a "write all" but not the writes of edits', async () => {
    await call('config.set', { writeSidecars: false }); // nothing drains while the queue is filled
    await call('config.set', { writeSidecars: true });
    t.library.db.prepare(`INSERT OR REPLACE INTO sidecar_writes (media_id, reason, queued_at) SELECT id, 'all', 'x' FROM media`).run();
    t.library.db.prepare(`UPDATE sidecar_writes SET reason = 'edit' WHERE media_id = ?`).run(id('c.jpg'));
    const { cancelled } = await call('sidecars.cancel', {});
    expect(cancelled).toBe(4);
    expect(t.library.db.prepare(`SELECT media_id FROM sidecar_writes`).pluck().all()).toEqual([id('c.jpg')]);
    t.library.sidecars.poke();
    await t.library.sidecars.idle();
    expect((await call('sidecars.status', {})).pending).toBe(0);
  });
});
