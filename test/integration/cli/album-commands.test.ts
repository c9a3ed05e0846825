import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album } from '../../../shared/albums.js';
import type { MediaItem } from '../../../shared/media.js';
import { removeDir } from '../../helpers/temp-library.js';
import { importedCliLibrary, THREE_CAMERAS } from './cli-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
let ids: number[];

beforeAll(async () => {
  ({ dir, library, ids } = await importedCliLibrary('folio-cli-albums-', THREE_CAMERAS));
}, 60_000);
afterAll(() => removeDir(dir));

const folio = (...args: string[]) => runFolio([...args, '--library', library]);

describe('folio albums and folio album', () => {
  it('documents itself in --help', async () => {
    const run = await runFolio(['--help']);
    expect(run.stdout).toContain('album create <name> [--folder | --smart <search>]');
  });

  // Fourteen runs of the CLI, each a new Node process: more than the default minute on a loaded machine.
  it('makes a folder, an album in it and a smart album; adds, reorders, removes; prints the tree', async () => {
    const [a, b, c] = ids.map(String) as [string, string, string];
    expect((await folio('album', 'create', 'Trips', '--folder')).code).toBe(0);
    const made = await folio('album', 'create', 'Summer', 'coast', '--in', 'trips');
    expect(made.stdout).toMatch(/Made album \d+ "Summer coast"/);
    expect((await folio('album', 'create', 'Nikons', '--smart', 'Nikon')).stdout).toContain('(1 items)');
    expect((await folio('album', 'add', 'summer coast', a, b, c)).stdout).toContain('Added 3; "Summer coast" has 3 items');
    expect((await folio('album', 'add', 'Summer coast', c, '--before', a)).stdout).toContain('Added 0, moved 1');
    expect((await folio('album', 'remove', 'Summer coast', b)).stdout).toContain('Removed 1; "Summer coast" has 2 items');
    const items = await folio('album', 'items', 'Summer coast', '--json');
    expect(items.json<{ items: MediaItem[] }>().items.map((item) => item.id)).toEqual([ids[2], ids[0]]);
    const tree = await folio('albums');
    expect(tree.code, tree.stderr).toBe(0);
    expect(tree.stdout).toMatch(/Trips\/\t1 inside\n\s+\d+ {4}Summer coast\t2 items\n\s+\d+ {2}Nikons\t1 item\tsmart: Nikon/);
    const json = await folio('albums', '--json');
    expect(json.json<Album[]>().map((album) => album.name)).toEqual(['Nikons', 'Summer coast', 'Trips']);
    expect((await folio('album', 'rename', 'Summer coast', 'Coast')).code).toBe(0);
    expect((await folio('album', 'move', 'Coast')).stdout).toContain('Moved "Coast" to the top');
    expect((await folio('album', 'delete', 'Trips')).code).toBe(0);
    expect((await folio('albums', '--json')).json<Album[]>().map((album) => [album.name, album.parentId])).toEqual([
      ['Coast', null],
      ['Nikons', null],
    ]);
  }, 180_000);

  it('refuses an unknown album, a duplicate name, adding to a smart album, with their exit codes', async () => {
    const [a] = ids.map(String) as [string];
    const unknown = await folio('album', 'add', 'Nowhere', a);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('There is no album or folder named "Nowhere"');
    await folio('album', 'create', 'Twice');
    const twice = await folio('album', 'create', 'TWICE');
    expect(twice.code).toBe(5);
    expect(twice.stderr).toContain('already an album named "Twice"');
    const smart = await folio('album', 'add', 'Nikons', a);
    expect(smart.code).toBe(4);
    expect(smart.stderr).toContain('is a smart album');
    expect((await folio('album', 'frobnicate')).code).toBe(2);
    expect((await folio('album', 'add', 'Twice', 'x1')).code).toBe(2);
  }, 120_000);
});
