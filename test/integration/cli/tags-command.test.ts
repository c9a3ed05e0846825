import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import type { TagNode } from '../../../shared/tag-tree.js';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
let ids: number[];

beforeAll(async () => {
  dir = makeTempDir('folio-cli-tags-');
  library = path.join(dir, 'library');
  const photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg']);
  const imported = await runFolio(['import', photos, '--library', library, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const list = await runFolio(['list', '--json', '--sort', 'name', '--library', library]);
  ids = list.json<{ items: MediaItem[] }>().items.map((item) => item.id);
  const [a, b] = ids as [number, number];
  expect((await runFolio(['tag', String(a), '--add', 'Places/France/Paris,cat', '--library', library])).code).toBe(0);
  expect((await runFolio(['tag', String(b), '--add', 'Places/Italy', '--library', library])).code).toBe(0);
}, 60_000);
afterAll(() => removeDir(dir));

const folio = (...args: string[]) => runFolio([...args, '--library', library]);
const tagsOf = async (id: number) => (await folio('get', String(id), '--json')).json<MediaItem>();

describe('folio tags', () => {
  it('lists the tree, indented, and as JSON', async () => {
    const tree = await folio('tags', '--tree');
    expect(tree.code, tree.stderr).toBe(0);
    expect(tree.stdout).toContain('Places  0 (branch 2)');
    expect(tree.stdout).toContain('    Paris  1');
    const json = (await folio('tags', '--tree', '--json')).json<TagNode[]>();
    expect(json.map((tag) => tag.path)).toEqual(['cat', 'Places', 'Places/France', 'Places/France/Paris', 'Places/Italy']);
    expect((await runFolio(['--help'])).stdout).toContain('tags merge <path…> --into <path>');
  });

  it('renames, aliases, implies, colours, merges, deletes and undoes', async () => {
    const [a, b] = ids as [number, number];
    const renamed = await folio('tags', 'rename', 'places', 'Travel', '--json');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect((await tagsOf(a)).tags).toEqual(['cat', 'Travel/France/Paris']);
    const undo = renamed.json<{ undo: string }>().undo;
    expect((await folio('tags', 'undo', undo)).code).toBe(0);
    expect((await tagsOf(a)).tags).toEqual(['cat', 'Places/France/Paris']);

    expect((await folio('tags', 'alias', 'kitty', 'cat')).stdout).toContain('Added alias "kitty" for "cat"');
    expect((await folio('tag', String(b), '--add', 'KITTY')).code).toBe(0);
    expect((await tagsOf(b)).tags).toEqual(['cat', 'Places/Italy']);
    expect((await folio('tags', 'imply', 'kitty', 'Animals')).code).toBe(0);
    expect((await tagsOf(b)).impliedTags).toEqual(['Animals']);
    const cycle = await folio('tags', 'imply', 'Animals', 'cat');
    expect(cycle.code).toBe(4);
    expect(cycle.stderr).toContain('cycle');
    expect((await folio('tags', 'colour', 'cat', '#FF8800')).stdout).toContain('#ff8800');
    expect((await folio('tags', 'imply', 'cat', 'Animals', '--remove')).code).toBe(0);

    const merged = await folio('tags', 'merge', 'Places/Italy', 'Places/France', '--into', 'Places/Europe');
    expect(merged.stdout).toContain('Merged into "Places/Europe", now on 1 item');
    expect((await tagsOf(a)).tags).toEqual(['cat', 'Places/Europe/Paris']);
    const deleted = await folio('tags', 'delete', 'Places', '--json');
    expect(deleted.json<{ removedFrom: number }>().removedFrom).toBe(2);
    expect((await tagsOf(b)).tags).toEqual(['cat']);
  }, 240_000);

  it('gives bad input its exit code and message, changing nothing', async () => {
    const before = (await folio('tags', '--tree', '--json')).stdout;
    const unknown = await folio('tags', 'rename', 'no such', 'x');
    expect(unknown.code).toBe(3);
    const empty = await folio('tags', 'rename', 'cat', 'a//b');
    expect(empty.code).toBe(4);
    expect(empty.stderr).toContain('empty level');
    expect((await folio('tags', 'frobnicate')).code).toBe(2);
    expect((await folio('tags', 'merge', 'cat')).code).toBe(2);
    expect((await folio('tags', '--tree', '--json')).stdout).toBe(before);
  }, 120_000);

  it('folio tag with an alias at the start of a path stores the tag below the alias’s tag', async () => {
    const [a] = ids as [number];
    expect((await folio('tags', 'alias', 'nyc', 'Cities/New York')).code).toBe(3); // no such tag yet
    expect((await folio('tag', String(a), '--add', 'Cities/New York')).code).toBe(0);
    expect((await folio('tags', 'alias', 'nyc', 'Cities/New York')).code).toBe(0);
    const tagged = await folio('tag', String(a), '--add', 'NYC/Brooklyn');
    expect(tagged.code, tagged.stderr).toBe(0);
    expect((await tagsOf(a)).tags).toContain('Cities/New York/Brooklyn');
  }, 120_000);
});
