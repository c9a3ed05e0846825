import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import { removeDir } from '../../helpers/temp-library.js';
import { importedCliLibrary, THREE_CAMERAS } from './cli-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
let ids: number[];

beforeAll(async () => {
  ({ dir, library, ids } = await importedCliLibrary('folio-cli-rate-', THREE_CAMERAS));
}, 60_000);
afterAll(() => removeDir(dir));

async function item(id: number): Promise<MediaItem> {
  const run = await runFolio(['get', String(id), '--json', '--library', library]);
  expect(run.code, run.stderr).toBe(0);
  return run.json<MediaItem>();
}

describe('folio rate', () => {
  it('documents itself in --help', async () => {
    const run = await runFolio(['--help']);
    expect(run.stdout).toContain('rate <id…> [--rating 0-5]');
  });

  it('rates, labels and flags several items in one call, and lists them by rating', async () => {
    const [a, b, c] = ids as [number, number, number];
    const run = await runFolio(['rate', String(a), String(c), '--rating', '4', '--label', 'red', '--library', library, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toEqual({ updated: 2 });
    const pick = await runFolio(['rate', String(c), '--flag', 'pick', '--rating', '5', '--library', library]);
    expect(pick.stdout).toContain('Changed 1 of 1 item');
    expect(await item(a)).toMatchObject({ rating: 4, label: 'red', flag: 'none', updatedBy: 'cli' });
    expect(await item(c)).toMatchObject({ rating: 5, label: 'red', flag: 'pick' });
    expect(await item(b)).toMatchObject({ rating: 0, label: 'none', flag: 'none' });
    const byRating = await runFolio(['list', '--json', '--sort', 'rating:desc', '--library', library]);
    expect(byRating.json<{ items: MediaItem[] }>().items.map((x) => x.id)).toEqual([c, a, b]);
  });

  it('refuses a bad rating, label, missing options and unknown ids with their exit codes, changing nothing', async () => {
    const [a] = ids as [number];
    const before = await item(a);
    const six = await runFolio(['rate', String(a), '--rating', '6', '--library', library]);
    expect(six.code).toBe(4);
    expect(six.stderr).toContain('rating is at most 5');
    const pink = await runFolio(['rate', String(a), '--label', 'pink', '--library', library]);
    expect(pink.code).toBe(4);
    expect(pink.stderr).toContain('label is one of: none, red, yellow');
    const words = await runFolio(['rate', String(a), '--rating', 'four', '--library', library]);
    expect(words.code).toBe(2);
    const nothing = await runFolio(['rate', String(a), '--library', library]);
    expect(nothing.code).toBe(2);
    const unknown = await runFolio(['rate', String(a), '99999', '--rating', '1', '--library', library]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('nothing was changed');
    expect(await item(a)).toEqual(before);
  });
});
