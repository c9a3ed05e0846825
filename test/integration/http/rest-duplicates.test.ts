/**
 * The near-duplicate routes on a real server: jpg/gps/DSCN0010.jpg (a Tuscan hillside) imported
 * with a copy resized to half by sharp, beside Canon_40D.jpg (an iguana), a different picture.
 */
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, copyCorpus } from '../../helpers/temp-library.js';
import { startTestServer, type TestServer } from './http-fixture.js';
import type { ItemJson } from './rest-fixture.js';

let t: TestServer;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await startTestServer({
    corpus: ['jpg/gps/DSCN0010.jpg', 'jpg/Canon_40D.jpg'],
    async afterCorpus(temp) {
      const folder = copyCorpus(path.join(temp.dir, 'copies'), []);
      await sharp(path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg')).resize(320).jpeg({ quality: 85 }).toFile(path.join(folder, 'hillside-small.jpg'));
      await temp.library.service.call('import.start', { path: folder }, temp.ctx);
      await temp.library.importer.whenIdle();
    },
  });
  const listed = (await t.api('GET', '/api/media?limit=10')).json<{ items: ItemJson[] }>().items;
  for (const item of listed) ids[item.originalName as string] = item.id;
}, 60_000);
afterAll(() => t.close());

describe('near duplicates over REST', () => {
  it('groups the photo with its resized copy, the larger first, and leaves the other picture out', async () => {
    const answer = (await t.api('GET', '/api/duplicates')).json<{ groups: { kind: string; items: { id: number; width: number }[] }[]; unhashed: number }>();
    expect(answer.unhashed).toBe(0);
    expect(answer.groups).toHaveLength(1);
    expect(answer.groups[0]?.kind).toBe('near');
    expect(answer.groups[0]?.items.map((item) => item.id)).toEqual([ids['DSCN0010.jpg'], ids['hillside-small.jpg']]);
    expect((await t.api('GET', '/api/duplicates?maxDistance=40')).status).toBe(400);
  });

  it('lists what looks like one item', async () => {
    const answer = (await t.api('GET', `/api/media/${ids['DSCN0010.jpg']}/similar`)).json<{ hashed: boolean; items: { id: number; sameFile: boolean }[] }>();
    expect(answer.hashed).toBe(true);
    expect(answer.items.map((item) => item.id)).toEqual([ids['hillside-small.jpg']]);
    expect(answer.items[0]?.sameFile).toBe(false);
    expect((await t.api('GET', '/api/media/999999/similar')).status).toBe(404);
    expect((await t.api('GET', `/api/media/${ids['DSCN0010.jpg']}/similar?colour=red`)).status).toBe(400);
  });
});
