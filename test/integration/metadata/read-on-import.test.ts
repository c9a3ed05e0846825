/**
 * Reading keywords, ratings, labels, captions and people from files and sidecars on import and
 * rescan (issue 15): real JPEGs made with sharp, their metadata written by ExifTool, imported
 * by a real library (SQLite file, worker threads).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importAndWait, rescanAndWait, rowAt, writeImage } from '../import/import-fixture.js';
import { exiftoolSidecar, exiftoolWrite } from './exiftool-files.js';

const LIGHTROOM = [
  '-XMP-dc:Subject=Places', '-XMP-dc:Subject=France', '-XMP-dc:Subject=Paris', '-XMP-dc:Subject=cat',
  '-XMP-lr:HierarchicalSubject=Places|France|Paris', '-XMP-lr:HierarchicalSubject=Places|France',
  '-XMP-xmp:Rating=3', '-XMP-xmp:Label=Green', '-XMP-dc:Title=Notre-Dame', '-XMP-dc:Description=Evening on the Seine',
];

describe('metadata read from files and sidecars on import', () => {
  let t: TempLibrary;
  let folder: string;
  const file = (rel: string): string => path.join(folder, rel);
  const item = async (rel: string) => t.library.service.call('media.get', { id: rowAt(t.library, rel).id }, t.ctx);
  const sourceRows = (rel: string) =>
    t.library.db.prepare(`SELECT field, value, location FROM file_metadata WHERE media_id = ? ORDER BY field, value`).all(rowAt(t.library, rel).id);
  const issues = () => t.library.db.prepare(`SELECT path, reason FROM import_issues ORDER BY path, reason`).all() as { path: string; reason: string }[];

  beforeAll(async () => {
    t = openTempLibrary({ workers: 2 });
    folder = path.join(t.dir, 'photos');
    fs.mkdirSync(folder, { recursive: true });
    const images = ['lightroom.jpg', 'digikam.jpg', 'raw-pair.png', 'iptc-synced.jpg', 'iptc-edited.jpg', 'windows.jpg', 'faces.jpg', 'plain.jpg',
      'bad-xml.jpg', 'latin1.jpg', 'huge.jpg', 'bomb.jpg', 'rescan.jpg'];
    for (const [i, name] of images.entries()) await writeImage(file(name), i + 1, name.endsWith('.png') ? { format: 'png' } : {});

    exiftoolWrite(file('lightroom.jpg'), LIGHTROOM);

    // digiKam: a name.ext.xmp sidecar that disagrees with what is inside the file.
    exiftoolWrite(file('digikam.jpg'), ['-XMP-xmp:Rating=2', '-XMP-dc:Subject=embedded-only', '-XMP-dc:Description=inside the file']);
    exiftoolSidecar(file('digikam.jpg.xmp'), ['-XMP-digiKam:TagsList=Events/Wedding/Dance', '-XMP-xmp:Rating=5', '-XMP-digiKam:ColorLabel=5', '-XMP-dc:Description=from the sidecar']);

    // Lightroom's name.xmp beside a file: -1 is "rejected".
    exiftoolSidecar(file('raw-pair.xmp'), ['-XMP-xmp:Rating=-1', '-XMP-mediapro:CatalogSets=Clients|Acme', '-XMP-microsoft:LastKeywordXMP=Windows/Keyword']);

    // IIM and XMP disagree. With the stored digest matching the IIM, XMP wins; once a tool
    // that only knows IIM changed the keywords (the digest no longer matches), IIM wins.
    exiftoolWrite(file('iptc-synced.jpg'), ['-XMP-dc:Subject=from-xmp', '-IPTC:Keywords=from-iptc', '-IPTC:Caption-Abstract=iptc caption', '-XMP-dc:Description=xmp caption', '-Photoshop:IPTCDigest=new']);
    fs.copyFileSync(file('iptc-synced.jpg'), file('iptc-edited.jpg'));
    exiftoolWrite(file('iptc-edited.jpg'), ['-IPTC:Keywords=edited-in-iptc', '-IPTC:Caption-Abstract=edited iptc caption']);

    exiftoolWrite(file('windows.jpg'), ['-XPKeywords=sunset;beach', '-XPTitle=Windows title', '-XPComment=Windows comment']);
    exiftoolWrite(file('faces.jpg'), [
      '-XMP-mwg-rs:RegionInfo={AppliedToDimensions={W=40,H=30,Unit=pixel},RegionList=[{Area={X=0.5,Y=0.5,W=0.2,H=0.2,Unit=normalized},Name=Alice,Type=Face},{Area={X=0.2,Y=0.2,W=0.1,H=0.1,Unit=normalized},Name=Focus point,Type=Focus}]}',
      '-XMP-MP:RegionInfoMP={Regions=[{PersonDisplayName=Carol,Rectangle=0.1|,0.1|,0.2|,0.2}]}',
    ]);

    // Damaged sidecars beside files whose embedded metadata is fine.
    for (const name of ['bad-xml', 'latin1', 'huge', 'bomb']) exiftoolWrite(file(`${name}.jpg`), ['-XMP-dc:Subject=still-read']);
    fs.writeFileSync(file('bad-xml.xmp'), "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description></rdf:RDF></x:xmpmeta>");
    fs.writeFileSync(file('latin1.xmp'), Buffer.from("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>Caf\xe9</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>", 'latin1'));
    fs.writeFileSync(file('huge.xmp'), `<x:xmpmeta xmlns:x='adobe:ns:meta/'><!--${'x'.repeat(10 * 1024 * 1024)}--></x:xmpmeta>`);
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('');
    fs.writeFileSync(file('bomb.xmp'), `<?xml version="1.0"?><!DOCTYPE x:xmpmeta [<!ENTITY e0 "boom">${entities}]><x:xmpmeta xmlns:x='adobe:ns:meta/'>&e10;</x:xmpmeta>`);

    exiftoolSidecar(file('rescan.jpg.xmp'), ['-XMP-dc:Subject=cat', '-XMP-dc:Subject=dog', '-XMP-xmp:Rating=2']);
    await importAndWait(t.library, folder);
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
  });

  it('takes Lightroom keywords as tag paths without their flat twins, with rating, label, title and description', async () => {
    const got = await item('lightroom.jpg');
    expect([...got.tags].sort()).toEqual(['Places/France/Paris', 'cat']);
    expect(got).toMatchObject({ rating: 3, label: 'green', flag: 'none', name: 'Notre-Dame', description: 'Evening on the Seine' });
    expect(sourceRows('lightroom.jpg')).toContainEqual({ field: 'keyword', value: 'Places/France/Paris', location: 'embedded' });
  });

  it('prefers a name.ext.xmp sidecar over the file for single values and merges keywords from both', async () => {
    const got = await item('digikam.jpg');
    expect([...got.tags].sort()).toEqual(['Events/Wedding/Dance', 'embedded-only']);
    expect(got).toMatchObject({ rating: 5, label: 'blue', description: 'from the sidecar' });
    expect(sourceRows('digikam.jpg')).toEqual(
      expect.arrayContaining([
        { field: 'keyword', value: 'Events/Wedding/Dance', location: 'sidecar' },
        { field: 'keyword', value: 'embedded-only', location: 'embedded' },
        { field: 'rating', value: '5', location: 'sidecar' },
      ]),
    );
  });

  it('reads a name.xmp sidecar for a file of another format: -1 is the reject flag, catalog sets and Windows keywords are paths', async () => {
    const got = await item('raw-pair.png');
    expect(got).toMatchObject({ rating: 0, flag: 'reject' });
    expect([...got.tags].sort()).toEqual(['Clients/Acme', 'Windows/Keyword']);
  });

  it('follows the IPTC digest: XMP while the IIM is in sync, the IIM once it was edited after', async () => {
    expect(await item('iptc-synced.jpg')).toMatchObject({ tags: ['from-xmp'], description: 'xmp caption' });
    expect(await item('iptc-edited.jpg')).toMatchObject({ tags: ['edited-in-iptc'], description: 'edited iptc caption' });
  });

  it('reads Windows XPKeywords, XPTitle and XPComment', async () => {
    const got = await item('windows.jpg');
    expect([...got.tags].sort()).toEqual(['beach', 'sunset']);
    expect(got).toMatchObject({ name: 'Windows title', description: 'Windows comment' });
  });

  it('turns named face regions (MWG and Microsoft) into People/ tags, not focus regions', async () => {
    expect([...(await item('faces.jpg')).tags].sort()).toEqual(['People/Alice', 'People/Carol']);
  });

  it('leaves a file without metadata as it was', async () => {
    expect(await item('plain.jpg')).toMatchObject({ tags: [], rating: 0, label: 'none', flag: 'none', name: 'plain.jpg' });
  });

  it('does not make items of sidecars', () => {
    const names = (t.library.db.prepare(`SELECT display_path FROM media`).pluck().all() as string[]).filter((name) => name.toLowerCase().endsWith('.xmp'));
    expect(names).toEqual([]);
  });

  it('records damaged sidecars with a reason, still reads the file, and the import goes on', async () => {
    const reasons = new Map(issues().map((issue) => [path.basename(issue.path), issue.reason]));
    expect(reasons.get('bad-xml.jpg')).toMatch(/sidecar bad-xml\.xmp was skipped: it is not well-formed XML/);
    expect(reasons.get('latin1.jpg')).toMatch(/sidecar latin1\.xmp was skipped: it is not UTF-8/);
    expect(reasons.get('huge.jpg')).toMatch(/sidecar huge\.xmp was skipped: it is 10\.0 MB, over the 4 MB/);
    expect(reasons.get('bomb.jpg')).toMatch(/sidecar bomb\.xmp was skipped: it declares a DTD/);
    for (const name of ['bad-xml.jpg', 'latin1.jpg', 'huge.jpg', 'bomb.jpg']) {
      expect(await item(name)).toMatchObject({ tags: ['still-read'] });
      expect(rowAt(t.library, name).file_state).toBe('ok');
    }
  });

  it('on rescan brings in what changed in a sidecar, without undoing later edits made in Folio', async () => {
    const id = rowAt(t.library, 'rescan.jpg').id;
    expect(await item('rescan.jpg')).toMatchObject({ rating: 2 });
    // Edits in Folio after the sidecar was written: a tag removed, a rating set.
    await t.library.service.call('media.editTags', { ids: [id], add: [], remove: ['cat'] }, t.ctx);
    await t.library.service.call('media.setCurating', { ids: [id], rating: 4 }, t.ctx);
    await rescanAndWait(t.library);
    expect(await item('rescan.jpg')).toMatchObject({ tags: ['dog'], rating: 4 });

    // The sidecar is edited later elsewhere: a new keyword and a new rating come in; the
    // keyword removed in Folio stays removed though the sidecar still holds it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    exiftoolSidecar(file('rescan.jpg.xmp'), ['-XMP-dc:Subject=cat', '-XMP-dc:Subject=dog', '-XMP-dc:Subject=bird', '-XMP-xmp:Rating=1']);
    await rescanAndWait(t.library);
    const got = await item('rescan.jpg');
    expect([...got.tags].sort()).toEqual(['bird', 'dog']);
    expect(got.rating).toBe(1);
  });
});
