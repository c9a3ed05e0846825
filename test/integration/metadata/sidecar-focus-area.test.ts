/**
 * The focus area in an XMP sidecar (issue 15): setting it writes Folio's MWG region of type
 * Focus beside the regions other tools wrote; clearing it removes Folio's region and only that
 * one (read back with Debian's exiftool).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsIn, MethodName, Result } from '../../../shared/contract.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rowAt, writeImage } from '../import/import-fixture.js';
import { exiftoolRead, exiftoolSidecar } from './exiftool-files.js';

describe('the focus area in sidecars', () => {
  let t: TempLibrary;
  let folder: string;
  const file = (rel: string): string => path.join(folder, rel);
  const id = (rel: string): number => rowAt(t.library, rel).id;
  const call = <M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> => t.library.service.call(method, args, t.ctx);
  const regions = (sidecar: string): { Type?: string; Name?: string }[] =>
    ((exiftoolRead(sidecar, ['XMP-mwg-rs:RegionInfo'])['XMP-mwg-rs:RegionInfo'] as { RegionList?: { Type?: string; Name?: string }[] } | undefined)?.RegionList ?? []);

  beforeAll(async () => {
    t = openTempLibrary({ workers: 1 });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder, { recursive: true });
    await writeImage(file('alone.jpg'), 1, { width: 200, height: 100 });
    await writeImage(file('faces.jpg'), 2, { width: 200, height: 100 });
    // digiKam named a face in this one's sidecar: that region is not Folio's to remove.
    exiftoolSidecar(file('faces.jpg.xmp'), [
      '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=200,H=100,Unit=pixel},RegionList=[{Area={X=0.2,Y=0.3,W=0.1,H=0.2,Unit=normalized},Type=Face,Name=Ada}]}',
    ]);
    await importAndWait(t.library, folder);
    await call('config.set', { writeSidecars: true });
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('clearing the focus area removes the region Folio wrote (the sidecar had only that one)', async () => {
    const alone = id('alone.jpg');
    await call('media.update', { id: alone, patch: { customCoordinates: '20,10,100,50', description: 'kept' } });
    await t.library.sidecars.idle();
    expect(regions(file('alone.jpg.xmp'))).toEqual([expect.objectContaining({ Type: 'Focus', Name: 'Folio focus area' })]);
    await call('media.update', { id: alone, patch: { customCoordinates: null } });
    await t.library.sidecars.idle();
    expect(exiftoolRead(file('alone.jpg.xmp'), ['XMP-mwg-rs:RegionInfo', 'XMP-dc:Description'])).toEqual({ SourceFile: file('alone.jpg.xmp'), 'XMP-dc:Description': 'kept' });
  });

  it("clearing it keeps the regions other tools wrote", async () => {
    const faces = id('faces.jpg');
    await call('media.update', { id: faces, patch: { customCoordinates: '0,0,100,100' } });
    await t.library.sidecars.idle();
    expect(regions(file('faces.jpg.xmp')).map((region) => region.Type)).toEqual(['Face', 'Focus']);
    await call('media.update', { id: faces, patch: { customCoordinates: null } });
    await t.library.sidecars.idle();
    expect(regions(file('faces.jpg.xmp'))).toEqual([expect.objectContaining({ Type: 'Face', Name: 'Ada' })]);
    expect(exiftoolRead(file('faces.jpg.xmp'), ['XMP-mwg-rs:RegionInfo'])['XMP-mwg-rs:RegionInfo']).toMatchObject({ AppliedToDimensions: { W: 200, H: 100 } });
  });
});
