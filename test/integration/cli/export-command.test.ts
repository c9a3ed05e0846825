/** `folio export` (issue 15), run as the real command on a real library and real files. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../shared/file-export.js';
import type { MediaItem } from '../../../shared/media.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { writeImage } from '../import/import-fixture.js';
import { exiftoolRead } from '../metadata/exiftool-files.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
let photos: string;
let ids: number[];

beforeAll(async () => {
  dir = makeTempDir('folio-cli-export-');
  library = path.join(dir, 'library');
  photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  await writeImage(path.join(photos, 'a.jpg'), 1, { width: 300, height: 200 });
  await writeImage(path.join(photos, 'b.jpg'), 2, { width: 300, height: 200 });
  expect((await runFolio(['import', photos, '--library', library, '--json'])).code).toBe(0);
  ids = (await runFolio(['list', '--json', '--sort', 'name', '--library', library])).json<{ items: MediaItem[] }>().items.map((item) => item.id);
  expect((await runFolio(['tag', String(ids[0]), '--add', 'Places/Lyon', '--library', library])).code).toBe(0);
}, 60_000);
afterAll(() => removeDir(dir));

describe('folio export', () => {
  it('exports ids with the metadata embedded by default', async () => {
    const out = path.join(dir, 'out-ids');
    const run = await runFolio(['export', out, String(ids[0]), String(ids[1]), '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Exported 2 of 2 to ${out}`);
    expect(fs.readdirSync(out).sort()).toEqual(['a.jpg', 'b.jpg']);
    expect(exiftoolRead(path.join(out, 'a.jpg'), ['XMP-lr:HierarchicalSubject'])).toMatchObject({ 'XMP-lr:HierarchicalSubject': ['Places|Lyon'] });
  });

  it('exports a search as JPEG renditions at a long edge, named by a template, and says so in JSON', async () => {
    const out = path.join(dir, 'out-query');
    const run = await runFolio(['export', out, '--query', 'tag:Places', '--long-edge', '90', '--quality', '60', '--template', 'small-{counter:2}', '--json', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<ExportProgress>()).toMatchObject({ state: 'done', mode: 'jpeg', total: 1, exported: 1 });
    expect(fs.readdirSync(out)).toEqual(['small-01.jpg']);
    expect((await sharp(path.join(out, 'small-01.jpg')).metadata()).width).toBe(90);
  });

  it('--sidecars writes untouched copies with name.ext.xmp', async () => {
    const out = path.join(dir, 'out-sidecars');
    const run = await runFolio(['export', out, String(ids[0]), '--sidecars', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['a.jpg', 'a.jpg.xmp']);
    expect(fs.readFileSync(path.join(out, 'a.jpg')).equals(fs.readFileSync(path.join(photos, 'a.jpg')))).toBe(true);
  });

  it('refuses what cannot be done with a usage error or the contract’s sentence', async () => {
    const noWhat = await runFolio(['export', path.join(dir, 'x'), '--library', library]);
    expect(noWhat.code).toBe(2);
    expect(noWhat.stderr).toContain('Say what to export');
    const both = await runFolio(['export', path.join(dir, 'x'), String(ids[0]), '--sidecars', '--long-edge', '100', '--library', library]);
    expect(both.code).toBe(2);
    const badEdge = await runFolio(['export', path.join(dir, 'x'), String(ids[0]), '--long-edge', 'big', '--library', library]);
    expect(badEdge.code).not.toBe(0);
    expect(badEdge.stderr).toContain('longEdge must be a number (got "big")');
    const noAlbum = await runFolio(['export', path.join(dir, 'x'), '--album', 'Nope', '--library', library]);
    expect(noAlbum.code).not.toBe(0);
    expect(noAlbum.stderr).toContain('An album named "Nope" was not found');
    expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
  });
});
