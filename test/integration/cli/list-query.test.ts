/** `folio list --query`: the search language on the command line, and a fault printed with its place. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { exitCodeFor } from '../../../electron/library/cli/exit-codes.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
let ids: number[];

beforeAll(async () => {
  dir = makeTempDir('folio-cli-query-');
  library = path.join(dir, 'library');
  const photos = copyCorpus(path.join(dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Fujifilm_FinePix_E500.jpg']);
  expect((await runFolio(['import', photos, '--library', library, '--json'])).code).toBe(0);
  ids = (await runFolio(['list', '--json', '--sort', 'name', '--library', library])).json<{ items: MediaItem[] }>().items.map((item) => item.id);
  const [canon, fuji] = ids as [number, number, number];
  expect((await runFolio(['rate', String(canon), String(fuji), '--rating', '5', '--library', library])).code).toBe(0);
  expect((await runFolio(['tag', String(fuji), '--add', 'keeper', '--library', library])).code).toBe(0);
}, 60_000);
afterAll(() => removeDir(dir));

describe('folio list --query', () => {
  it('lists what the query finds', async () => {
    const run = await runFolio(['list', '--json', '--sort', 'name', '--query', 'rating:5 -tag:keeper OR camera:nikon', '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json<{ items: MediaItem[] }>().items.map((item) => item.originalName)).toEqual(['Canon_40D.jpg', 'Nikon_D70.jpg']);
  });

  it('prints a fault with its place and exits with the INVALID_ARGUMENT code', async () => {
    const run = await runFolio(['list', '--query', 'rating:5 (tag:keeper', '--library', library]);
    expect(run.code).not.toBe(0);
    expect(run.code).toBe(exitCodeFor('INVALID_ARGUMENT'));
    expect(run.stderr).toContain('  rating:5 (tag:keeper\n           ^~~~~~~~~~~\n');
    expect(run.stderr).toContain('folio: This "(" is never closed (at character 10) (--query)');
    const json = await runFolio(['list', '--json', '--query', 'flag:maybe', '--library', library]);
    expect(json.json()).toEqual({
      error: { code: 'INVALID_ARGUMENT', message: 'flag: takes none, pick, reject, not "maybe" (at character 6)', field: '--query', details: { position: 5, length: 5 } },
    });
  });
});
