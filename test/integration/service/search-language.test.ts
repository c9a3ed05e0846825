/**
 * Every field of the search language against a real library (a SQLite file, the service's
 * own list query): each query's ids are checked against the rows read back and filtered in
 * JavaScript, with the count, the paged list and the id list agreeing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceAiTags } from '../../../electron/library/db/media-tag-repo.js';
import { findTags } from '../../../electron/library/db/tag-repo.js';
import { insertFolder, insertSyntheticItems } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { expectFolioError } from './expect-error.js';

let t: TempLibrary;
let ids: number[];

interface Row {
  id: number;
  rating: number;
  label: string;
  flag: string;
  type: string;
  availability: string;
  file_state: string;
  sort_date: string;
  created_at: string;
  file_size: number;
  width: number | null;
  height: number | null;
  camera_make: string | null;
  camera_model: string | null;
  display_path: string;
  name: string;
  original_name: string;
  format: string | null;
  gps_lat: number | null;
  description: string;
  metadata: string;
  md5: string | null;
  tags: string[];
  ai: Record<string, number>;
  albums: string[];
}

const call = <M extends Parameters<TempLibrary['library']['service']['call']>[0]>(method: M, args: unknown) =>
  t.library.service.call(method, args, t.ctx);

const LABELS = ['none', 'red', 'yellow', 'green', 'blue', 'purple'];
const FLAGS = ['none', 'pick', 'reject'];
const DAY = 86_400_000;

// Every test only reads, so one library serves them all.
beforeAll(async () => {
  t = openTempLibrary();
  const db = t.library.db;
  const folderId = insertFolder(db, `${t.dir}/synthetic`);
  ids = insertSyntheticItems(db, { count: 120, folderId, name: (i) => (i % 4 === 0 ? `beach_${i}.jpg` : `IMG_${i}.png`) });
  const update = db.prepare(
    `UPDATE media SET rating = ?, label = ?, flag = ?, taken_at = ?, created_at = ?, file_size = ?, width = ?, height = ?,
       camera_make = ?, camera_model = ?, format = ?, gps_lat = ?, gps_lon = ?, description = ?, metadata = ?, md5 = ?, type = ?
     WHERE id = ?`,
  );
  const now = Date.now();
  ids.forEach((id, i) => {
    update.run(
      i % 6,
      LABELS[i % 5],
      FLAGS[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0],
      i % 10 === 9 ? null : `${2018 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`,
      new Date(now - (i % 20) * DAY).toISOString(),
      (i % 8) * 4_000_000,
      i % 11 === 0 ? null : 1000 + i * 40,
      i % 11 === 0 ? null : 800 + i * 20,
      i % 3 === 0 ? 'Canon' : i % 3 === 1 ? 'NIKON CORPORATION' : null,
      i % 3 === 0 ? 'EOS R5' : i % 3 === 1 ? 'Z 6' : null,
      i % 4 === 0 ? 'jpeg' : 'png',
      i % 9 === 0 ? 48.85 : null,
      i % 9 === 0 ? 2.35 : null,
      i % 5 === 0 ? 'sunset over the sea' : i % 5 === 1 ? 'a dog on the beach' : '',
      i % 13 === 0 ? JSON.stringify({ client: 'Acme' }) : '{}',
      i % 17 < 2 ? 'dupe-md5' : `md5-${i}`,
      i % 23 === 0 ? 'video' : 'image',
      id,
    );
  });
  db.prepare(`UPDATE media SET availability = 'missing' WHERE id = ?`).run(ids[4]);
  db.prepare(`UPDATE media SET file_state = 'damaged' WHERE id = ?`).run(ids[5]);
  await call('media.editTags', { ids: ids.filter((_, i) => i % 2 === 0), add: ['even'] });
  await call('media.editTags', { ids: ids.filter((_, i) => i % 3 === 0), add: ['third'] });
  await call('media.editTags', { ids: [ids[7], ids[50]], add: ['Rare'] });
  await call('media.editTags', { ids: [ids[9], ids[51]], add: ['new york'] });
  // AI tags as an extension records them, with a confidence.
  await call('media.editTags', { ids: [ids[100] as number], add: ['dog'] });
  await call('media.editTags', { ids: [ids[100] as number], remove: ['dog'] });
  const dog = findTags(db, ['dog'])[0]?.id as number;
  ids.slice(0, 30).forEach((id, i) => replaceAiTags(db, id, 'local-analysis', [{ tagId: dog, confidence: (i % 10) / 10, box: null }], new Date().toISOString()));
  // An album made as the albums' repository does.
  const album = db.prepare(`INSERT INTO albums (kind, name, name_key, created_at) VALUES ('album', 'Summer Trip', 'summer trip', ?)`).run(new Date().toISOString());
  const addItem = db.prepare(`INSERT INTO album_items (album_id, media_id, position, added_at) VALUES (?, ?, ?, ?)`);
  ids.filter((_, i) => i % 10 === 3).forEach((id, i) => addItem.run(album.lastInsertRowid, id, i, new Date().toISOString()));
  // One item in the trash: no query finds it (it would match many).
  await call('media.softDelete', { ids: [ids[0]] });
});
afterAll(async () => t.dispose());

function rows(): Row[] {
  const db = t.library.db;
  const base = db.prepare(`SELECT * FROM media WHERE id NOT IN (SELECT media_id FROM trash)`).all() as Omit<Row, 'tags' | 'ai' | 'albums'>[];
  const links = db.prepare(`SELECT l.media_id AS id, g.name, l.source, l.confidence FROM media_tags l JOIN tags g ON g.id = l.tag_id`).all() as {
    id: number; name: string; source: string; confidence: number;
  }[];
  const albums = db.prepare(`SELECT ai.media_id AS id, a.name FROM album_items ai JOIN albums a ON a.id = ai.album_id`).all() as { id: number; name: string }[];
  return base.map((row) => ({
    ...row,
    tags: links.filter((link) => link.id === row.id && link.source === 'user').map((link) => link.name.toLowerCase()),
    ai: Object.fromEntries(links.filter((link) => link.id === row.id && link.source !== 'user').map((link) => [link.name, link.confidence])),
    albums: albums.filter((entry) => entry.id === row.id).map((entry) => entry.name),
  }));
}

const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const md5Count = (all: Row[], md5: string | null) => all.filter((row) => row.md5 === md5).length;

/** [query, the rows it must find]. */
const CASES: [string, (row: Row, all: Row[]) => boolean][] = [
  ['tag:even', (r) => r.tags.includes('even')],
  ['#even', (r) => r.tags.includes('even')],
  ['-tag:even', (r) => !r.tags.includes('even')],
  ['tag:"new york"', (r) => r.tags.includes('new york')],
  ['tag:rare OR tag:"new york"', (r) => r.tags.includes('rare') || r.tags.includes('new york')],
  ['tag:even OR tag:rare', (r) => r.tags.includes('even') || r.tags.includes('rare')],
  ['tag:even tag:third', (r) => r.tags.includes('even') && r.tags.includes('third')],
  ['tag:nosuchtag', () => false],
  ['tag:nosuchtag OR tag:rare', (r) => r.tags.includes('rare')],
  ['-tag:nosuchtag', () => true],
  ['ai:dog', (r) => 'dog' in r.ai],
  ['ai:dog>=0.8', (r) => (r.ai.dog ?? -1) >= 0.8],
  ['ai:dog<0.2', (r) => 'dog' in r.ai && (r.ai.dog as number) < 0.2],
  ['rating:>=4', (r) => r.rating >= 4],
  ['rating:3', (r) => r.rating === 3],
  ['rating:=0', (r) => r.rating === 0],
  ['rating:<2', (r) => r.rating < 2],
  ['rating:2..4', (r) => r.rating >= 2 && r.rating <= 4],
  ['rating:>=4 label:red', (r) => r.rating >= 4 && r.label === 'red'],
  ['label:red', (r) => r.label === 'red'],
  ['-label:none', (r) => r.label !== 'none'],
  ['flag:pick', (r) => r.flag === 'pick'],
  ['-flag:reject', (r) => r.flag !== 'reject'],
  ['type:video', (r) => r.type === 'video'],
  ['-type:video', (r) => r.type !== 'video'],
  ['is:missing', (r) => r.availability === 'missing'],
  ['is:damaged', (r) => r.file_state === 'damaged'],
  ['is:untagged', (r) => r.tags.length === 0],
  ['album:"Summer Trip"', (r) => r.albums.includes('Summer Trip')],
  ['album:"summer TRIP"', (r) => r.albums.includes('Summer Trip')],
  ['-album:"Summer Trip"', (r) => !r.albums.includes('Summer Trip')],
  ['album:Nowhere', () => false],
  ['taken:2019', (r) => r.sort_date.startsWith('2019')],
  ['taken:2019-06', (r) => r.sort_date.startsWith('2019-06')],
  ['taken:2020-03-04', (r) => r.sort_date.startsWith('2020-03-04')],
  ['taken:2019..2020', (r) => r.sort_date >= '2019' && r.sort_date < '2021'],
  ['taken:2018-01..2019-06-15', (r) => r.sort_date >= '2018-01-01' && r.sort_date < '2019-06-16'],
  ['taken:>2020', (r) => r.sort_date >= '2021'],
  ['taken:<2019', (r) => r.sort_date < '2019'],
  ['taken:2019..2020 -flag:reject', (r) => r.sort_date >= '2019' && r.sort_date < '2021' && r.flag !== 'reject'],
  ['added:<7d', (r) => r.created_at > ago(7)],
  ['added:>10d', (r) => r.created_at < ago(10)],
  [`added:${new Date().toISOString().slice(0, 4)}`, (r) => r.created_at.startsWith(new Date().toISOString().slice(0, 4))],
  ['size:>10MB', (r) => r.file_size > 10_000_000],
  ['size:4MB..8MB', (r) => r.file_size >= 4_000_000 && r.file_size <= 8_000_000],
  ['width:>=4000', (r) => r.width !== null && r.width >= 4000],
  ['height:<1000', (r) => r.height !== null && r.height < 1000],
  ['-width:>=4000', (r) => !(r.width !== null && r.width >= 4000)],
  ['camera:canon', (r) => r.camera_make === 'Canon'],
  ['camera:"z 6"', (r) => r.camera_model === 'Z 6'],
  ['folder:synthetic/1', (r) => r.display_path.includes('synthetic/1')],
  ['name:beach', (r) => r.name.toLowerCase().includes('beach')],
  ['format:jpeg', (r) => r.format === 'jpeg'],
  ['ext:png', (r) => r.original_name.endsWith('.png') || r.format === 'png'],
  ['has:gps', (r) => r.gps_lat !== null],
  ['has:description', (r) => r.description !== ''],
  ['has:metadata.client', (r) => JSON.parse(r.metadata).client !== undefined],
  ['has:metadata.nothing', () => false],
  ['duplicate:exact', (r, all) => r.md5 !== null && md5Count(all, r.md5) > 1],
  ['sunset', (r) => `${r.name} ${r.description}`.toLowerCase().includes('sunset')],
  ['"on the beach"', (r) => r.description.includes('on the beach')],
  ['dog OR sunset', (r) => /dog|sunset/u.test(r.description)],
  ['-sunset', (r) => !`${r.name} ${r.description}`.includes('sunset')],
  ['(tag:rare OR rating:5) -label:red', (r) => (r.tags.includes('rare') || r.rating === 5) && r.label !== 'red'],
  ['(rating:>=3 OR flag:pick) (label:red OR label:blue) -type:video taken:2018..2021 tag:even', (r) =>
    (r.rating >= 3 || r.flag === 'pick') && (r.label === 'red' || r.label === 'blue') && r.type !== 'video' &&
    r.sort_date >= '2018' && r.sort_date < '2022' && r.tags.includes('even')],
  ['-(tag:even OR tag:third)', (r) => !r.tags.includes('even') && !r.tags.includes('third')],
  ['tag:even -tag:third rating:>0', (r) => r.tags.includes('even') && !r.tags.includes('third') && r.rating > 0],
];

describe('the search language on a real library', () => {
  it.each(CASES)('%s', async (query, expected) => {
    const all = rows();
    const want = all.filter((row) => expected(row, all)).map((row) => row.id).sort((a, b) => a - b);
    const { ids: got } = await call('media.listIds', { filter: { query }, sort: { field: 'name', direction: 'asc' } });
    expect([...got].sort((a, b) => a - b)).toEqual(want);
    const page = await call('media.list', { filter: { query }, limit: 500, withTotal: true });
    expect(page.total ?? 0).toBe(want.length);
    expect(page.items.map((item) => item.id).sort((a, b) => a - b)).toEqual(want);
  });

  it('pages an OR of tags in order without repeating an item that has both', async () => {
    const query = 'tag:even OR tag:third';
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('media.list', { filter: { query }, limit: 7, sort: { field: 'takenAt', direction: 'desc' }, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const { ids: all } = await call('media.listIds', { filter: { query }, sort: { field: 'takenAt', direction: 'desc' } });
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('adds up with the other filter fields', async () => {
    const { ids: got } = await call('media.listIds', { filter: { query: 'rating:>=4', tagsAll: ['even'], text: 'beach' } });
    const want = rows().filter((r) => r.rating >= 4 && r.tags.includes('even') && `${r.name} ${r.description}`.includes('beach'));
    expect([...got].sort((a, b) => a - b)).toEqual(want.map((r) => r.id).sort((a, b) => a - b));
  });

  it('counts the timeline buckets of a query', async () => {
    const result = await call('media.sortBuckets', { filter: { query: 'taken:2019' }, sort: { field: 'takenAt', direction: 'desc' } });
    expect(result.buckets.every((bucket) => bucket.key.startsWith('2019-'))).toBe(true);
    expect(result.total).toBe(rows().filter((r) => r.sort_date.startsWith('2019')).length);
  });

  it.each([
    ['rating:>=9', 'A rating is from 0 to 5', 9, 1],
    ['(tag:a', 'never closed', 0, 6],
    ['colour:red', 'not a search field', 0, 7],
  ])('refuses %s with INVALID_ARGUMENT at its place, changing nothing', async (query, message, position, length) => {
    const error = await expectFolioError(call('media.list', { filter: { query } }), 'INVALID_ARGUMENT', 'filter.query');
    expect(error.message).toContain(message);
    expect(error.details).toEqual({ position, length });
    await expectFolioError(call('media.listIds', { filter: { query } }), 'INVALID_ARGUMENT', 'filter.query');
  });
});
