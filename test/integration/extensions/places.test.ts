/**
 * The `places` extension on real geotagged files. jpg/gps/DSCN0027.jpg (ianare/exif-samples)
 * was taken at 43.4684 N, 11.8815 E: Piazza San Domenico in Arezzo, Tuscany (the church is in
 * the photo; checked against the town's coordinates, 43.463 N 11.880 E). The other positions
 * are written into copies of a corpus photo with exiftool, as a camera would have.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFiles, seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { CORPUS_DIR, openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';

let t: TempLibrary;
let corpus: SeededLibrary;
let made: SeededLibrary;
const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

function geotag(file: string, latitude: number, longitude: number): void {
  execFileSync('exiftool', [
    '-q', '-overwrite_original',
    `-GPSLatitude=${Math.abs(latitude)}`, `-GPSLatitudeRef=${latitude < 0 ? 'S' : 'N'}`,
    `-GPSLongitude=${Math.abs(longitude)}`, `-GPSLongitudeRef=${longitude < 0 ? 'W' : 'E'}`,
    file,
  ]);
}

beforeAll(async () => {
  t = openTempLibrary();
  corpus = await seedLibrary(t, ['jpg/gps/DSCN0027.jpg', 'jpg/Canon_40D.jpg'], { thumbnails: false });
  const dir = path.join(t.dir, 'made');
  fs.mkdirSync(dir);
  const positions: Record<string, [number, number]> = {
    // Kehl, on the German bank of the Rhine, 4.6 km from Strasbourg's centre: the border decides.
    'kehl.jpg': [48.5727, 7.8157],
    'atlantic.jpg': [30.0, -40.0],
    'sydney.jpg': [-33.8568, 151.2153],
  };
  for (const [name, [lat, lon]] of Object.entries(positions)) {
    fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(dir, name));
    geotag(path.join(dir, name), lat, lon);
  }
  made = await recordFiles(t, dir, Object.keys(positions), { thumbnails: false });
}, 60_000);
afterAll(async () => t.dispose());

const placesOf = async (id: number) => {
  const item = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'places' }] })).items[0];
  return { tags: item?.aiTags ?? [], run: item?.extensionStatus.find((run) => run.extension === 'places') };
};

describe('places', () => {
  it('tags the Arezzo photo Places/Italy/Tuscany/Arezzo, confident as it is 0.6 km from the centre', async () => {
    const { tags, run } = await placesOf(corpus.item('jpg/gps/DSCN0027.jpg').id);
    expect(run).toMatchObject({ status: 'done', message: null });
    expect(tags).toEqual([{ name: 'Places/Italy/Tuscany/Arezzo', confidence: expect.any(Number), source: 'places' }]);
    expect(tags[0]?.confidence).toBeGreaterThan(0.9);
    expect(tags[0]?.confidence).toBeLessThan(1);
  });

  it('takes the country from its borders and the town from that country', async () => {
    expect((await placesOf(made.item('kehl.jpg').id)).tags.map((tag) => tag.name)).toEqual(['Places/Germany/Baden-Wurttemberg/Kehl']);
    expect((await placesOf(made.item('sydney.jpg').id)).tags.map((tag) => tag.name)).toEqual([expect.stringMatching(/^Places\/Australia\/New South Wales\//)]);
  });

  it('says why when there is no place or no position, and changes no user tag', async () => {
    const sea = await placesOf(made.item('atlantic.jpg').id);
    expect(sea.tags).toEqual([]);
    expect(sea.run).toMatchObject({ status: 'done', message: expect.stringContaining('at sea') });
    const none = await placesOf(corpus.item('jpg/Canon_40D.jpg').id);
    expect(none.run).toMatchObject({ status: 'unsupported', message: 'The item has no GPS position' });
    expect((await call('media.get', { id: corpus.item('jpg/gps/DSCN0027.jpg').id })).tags).toEqual([]);
  });

  it('runs with the other extensions in one request, each keeping its own tags', async () => {
    const id = corpus.item('jpg/gps/DSCN0027.jpg').id;
    const item = (await call('media.autoTag', { ids: [id], extensions: [{ name: 'places' }, { name: 'local-analysis' }] })).items[0];
    const sources = new Set(item?.aiTags.map((tag) => tag.source));
    expect(sources).toEqual(new Set(['places', 'local-analysis']));
    expect(item?.aiTags).toContainEqual(expect.objectContaining({ name: 'geotagged', source: 'local-analysis' }));
  });
});
