/** `folio config`, `folio sidecars` and `folio export-metadata` (issue 15), run as the real command. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SidecarStatus } from '../../../shared/file-metadata.js';
import type { MetadataExportRow } from '../../../shared/metadata-export.js';
import type { MediaItem } from '../../../shared/media.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { writeImage } from '../import/import-fixture.js';
import { exiftoolRead, exiftoolWrite } from '../metadata/exiftool-files.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
let photos: string;
let ids: number[];

beforeAll(async () => {
  dir = makeTempDir('folio-cli-metadata-');
  library = path.join(dir, 'library');
  photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  await writeImage(path.join(photos, 'a.jpg'), 1);
  await writeImage(path.join(photos, 'b.jpg'), 2);
  exiftoolWrite(path.join(photos, 'a.jpg'), ['-XMP-lr:HierarchicalSubject=Places|France', '-XMP-dc:Subject=France', '-XMP-dc:Description=He said "hi", then left', '-XMP-xmp:Rating=2']);
  const imported = await runFolio(['import', photos, '--library', library, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const list = await runFolio(['list', '--json', '--sort', 'name', '--library', library]);
  ids = list.json<{ items: MediaItem[] }>().items.map((item) => item.id);
}, 60_000);
afterAll(() => removeDir(dir));

describe('folio config', () => {
  it('shows write-sidecars off by default, turns it on, and refuses a bad key or value with a usage error', async () => {
    expect((await runFolio(['config', 'get', '--json', '--library', library])).json()).toEqual({ writeSidecars: false });
    const set = await runFolio(['config', 'set', 'write-sidecars', 'true', '--library', library]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('write-sidecars true\n');
    const badValue = await runFolio(['config', 'set', 'write-sidecars', 'maybe', '--library', library]);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toContain('write-sidecars is true or false, not "maybe"');
    const badKey = await runFolio(['config', 'set', 'colour', 'true', '--library', library]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('"colour" is not one');
  });
});

describe('folio sidecars write-all', () => {
  it("writes every item's sidecar and reports the status", async () => {
    const run = await runFolio(['sidecars', 'write-all', '--json', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<SidecarStatus>()).toMatchObject({ enabled: true, pending: 0, failed: 0 });
    expect(exiftoolRead(path.join(photos, 'a.jpg.xmp'), ['XMP-lr:HierarchicalSubject', 'XMP-xmp:Rating'])).toMatchObject({ 'XMP-lr:HierarchicalSubject': ['Places|France'], 'XMP-xmp:Rating': 2 });
    // b.jpg has nothing to say: no empty sidecar is made for it.
    expect(fs.existsSync(path.join(photos, 'b.jpg.xmp'))).toBe(false);
  });
});

describe('folio export-metadata', () => {
  it('exports one CSV row per item with tags as paths, quoting what needs it', async () => {
    const run = await runFolio(['export-metadata', '--format', 'csv', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('id,path,name,description,tags,aiTags,rating,label,flag,albums,metadata,type,mime,size,width,height,md5,takenAt,cameraMake,cameraModel,latitude,longitude,duration');
    expect(lines[1]).toMatch(new RegExp(`^${ids[0]},.*a\\.jpg,a\\.jpg,"He said ""hi"", then left",Places/France,,2,none,none,,,image,image/jpeg,`));
    expect(lines).toHaveLength(4); // header, two rows, and the empty string after the last line break
  });

  it('exports JSON for a search, and refuses an unknown format', async () => {
    const run = await runFolio(['export-metadata', '--format', 'json', '--query', 'tag:"Places/France"', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.json<MetadataExportRow[]>();
    expect(rows.map((row) => row.id)).toEqual([ids[0]]);
    expect(rows[0]).toMatchObject({ tags: ['Places/France'], rating: 2, description: 'He said "hi", then left', albums: [], metadata: {} });
    const bad = await runFolio(['export-metadata', '--format', 'xml', '--library', library]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format is csv or json, not "xml"');
  });

  it('writes to a file and never overwrites one', async () => {
    const out = path.join(dir, 'export.json');
    expect((await runFolio(['export-metadata', '--format', 'json', '-o', out, '--library', library])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toHaveLength(2);
    const again = await runFolio(['export-metadata', '--format', 'json', '-o', out, '--library', library]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already exists; an export never overwrites a file');
  });
});
