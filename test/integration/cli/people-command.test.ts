/** `folio people`, run as a script would, on the old portrait of the corpus (tiff/DudleyLeavittUtah.tiff, one man). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/people.js';
import { CORPUS_DIR, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
beforeAll(async () => {
  dir = makeTempDir('folio-cli-people-');
  library = path.join(dir, 'library');
  const photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  fs.copyFileSync(path.join(CORPUS_DIR, 'tiff/DudleyLeavittUtah.tiff'), path.join(photos, 'portrait.tiff'));
  const run = await runFolio(['import', photos, '--library', library]);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);
afterAll(() => removeDir(dir));

describe('folio people', () => {
  it('scans an item for faces, lists the person, names it, and the item carries People/<name>', async () => {
    const scan = await runFolio(['people', 'scan', '1', '--library', library]);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout).toBe('1\t1 face found\n');
    const list = await runFolio(['people', '--library', library, '--json']);
    const people = list.json<{ people: Person[] }>().people;
    expect(people).toHaveLength(1);
    const id = String(people[0]?.id);
    expect((await runFolio(['people', '--library', library])).stdout).toBe(`${id}\t(unnamed)\t1 face in 1 item\tsample: item 1\n`);
    const named = await runFolio(['people', 'name', id, 'Dudley', 'Leavitt', '--library', library]);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toMatch(new RegExp(`^Person ${id} is Dudley Leavitt; 1 item tagged \\(undo: folio people undo [0-9a-f-]{36}\\)\n$`));
    const item = await runFolio(['get', '1', '--library', library, '--json']);
    expect(item.json<{ tags: string[] }>().tags).toContain('People/Dudley Leavitt');
  });

  it('undoes the latest people edit, then names the person again', async () => {
    const undone = await runFolio(['people', 'undo', '--library', library]);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toBe('The latest people edit was undone\n');
    expect((await runFolio(['get', '1', '--library', library, '--json'])).json<{ tags: string[] }>().tags).not.toContain('People/Dudley Leavitt');
    const id = String((await runFolio(['people', '--library', library, '--json'])).json<{ people: Person[] }>().people[0]?.id);
    const again = await runFolio(['people', 'name', id, 'Dudley', 'Leavitt', '--library', library, '--json']);
    const token = again.json<{ undo: string }>().undo;
    expect((await runFolio(['people', 'undo', token, '--library', library])).stdout).toBe(`People edit ${token} was undone\n`);
    const twice = await runFolio(['people', 'undo', token, '--library', library]);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toContain('already undone');
    expect((await runFolio(['people', 'name', id, 'Dudley', 'Leavitt', '--library', library])).code).toBe(0);
  });

  it('answers a wrong use with exit code 2 and a wrong person with NOT_FOUND', async () => {
    expect((await runFolio(['people', 'name', '1', '--library', library])).code).toBe(2);
    expect((await runFolio(['people', 'dance', '--library', library])).code).toBe(2);
    const missing = await runFolio(['people', 'name', '999', 'Nobody', '--library', library]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Person 999 was not found');
  });
});
