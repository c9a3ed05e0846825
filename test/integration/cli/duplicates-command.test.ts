/** `folio duplicates`, run as a script would: a photo, a half-size copy of it, and another photo. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuplicateGroup } from '../../../shared/duplicates.js';
import { CORPUS_DIR, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

let dir: string;
let library: string;
beforeAll(async () => {
  dir = makeTempDir('folio-cli-duplicates-');
  library = path.join(dir, 'library');
  const photos = path.join(dir, 'photos');
  fs.mkdirSync(photos);
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg'), path.join(photos, 'a-hillside.jpg'));
  await sharp(path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg')).resize(320).toFile(path.join(photos, 'b-hillside-small.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(photos, 'c-iguana.jpg'));
  const run = await runFolio(['import', photos, '--library', library]);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);
afterAll(() => removeDir(dir));

describe('folio duplicates', () => {
  it('prints the near-duplicate group, largest first, and what looks like one item', async () => {
    const groups = await runFolio(['duplicates', '--library', library, '--json']);
    expect(groups.code, groups.stderr).toBe(0);
    const answer = groups.json<{ groups: DuplicateGroup[]; unhashed: number }>();
    expect(answer.unhashed).toBe(0);
    expect(answer.groups).toEqual([
      { kind: 'near', items: [expect.objectContaining({ id: 1, width: 640, height: 480, distance: 0 }), expect.objectContaining({ id: 2, width: 320 })] },
    ]);
    const text = await runFolio(['duplicates', '--library', library]);
    expect(text.stdout).toMatch(/^near:\n {2}1\t640×480\t/);
    const similar = await runFolio(['duplicates', '--similar', '2', '--library', library]);
    expect(similar.stdout).toMatch(/^1\tdistance \d\n$/);
    const usage = await runFolio(['duplicates', '--distance', 'far', '--library', library]);
    expect(usage.code).toBe(2);
  });
});
