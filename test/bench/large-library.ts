/**
 * Generates a large library for the query benchmark with plain SQL inserts (the importer would
 * need a million real files): realistic shapes, not uniform noise. Tag popularity is Zipf-like
 * (a few tags on a quarter of the items, thousands on a handful), an item has 0–6 tags (3 on
 * average), dates spread over twenty years, sizes log-normal. Inserts go through the real
 * schema, so every trigger and index is paid for as in real use.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { DEFAULT_DECODE_TIMEOUT_SECONDS, DEFAULT_PIXEL_LIMIT } from '../../electron/library/base/options.js';
import type { Db } from '../../electron/library/db/connection.js';
import { upsertThumbnails } from '../../electron/library/db/thumbnail-repo.js';
import type { Library } from '../../electron/library/library.js';
import { decodeForThumbnails, writeThumbnails } from '../../electron/library/thumbnails/render-thumbnails.js';
import { tagKey } from '../../shared/tags.js';

/** A small deterministic PRNG (mulberry32), so every run measures the same library. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'be', 'do', 'fa', 'gu', 'ha', 'je', 'ko', 'la', 'mo', 'pi', 'ri', 'su', 'ta', 'un', 'ze', 'bri', 'cha', 'dre', 'fla', 'gro', 'pla', 'stra'];

/** Word-like tag names, so prefixes spread the way real vocabularies do. */
export function tagNames(count: number, rand: () => number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const syllables = 2 + Math.floor(rand() * 3);
    let name = '';
    for (let i = 0; i < syllables; i += 1) name += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (rand() < 0.15) name += ` ${SYLLABLES[Math.floor(rand() * SYLLABLES.length)]}${SYLLABLES[Math.floor(rand() * SYLLABLES.length)]}`;
    names.add(name);
  }
  return [...names];
}

/** Samples ranks 0..n-1 with P(k) ∝ 1/(k+1) (Zipf, s = 1) by inverting the cumulative sum. */
export function zipfSampler(n: number, rand: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += 1 / (k + 1);
    cumulative[k] = sum;
  }
  return () => {
    const target = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface LargeLibrary {
  items: number;
  tagNames: string[];
  links: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Generates the rows with the secondary indexes and the text index's trigger set aside, then
 * builds them once at the end: sorting 5,000,000 keys once is minutes faster than inserting them
 * one by one into B-trees that outgrow the cache (the random-order date and name keys miss on
 * almost every insert). The counting triggers stay, so every maintained count is what real
 * inserts would leave. `synchronous = OFF` only while generating: a crash then loses a bench
 * library, which is never marked finished (cached-large-library.ts), never a user's.
 */
/**
 * Indexes the counting triggers read while rows go in: the branch counts ask for an item's own
 * other links (migration 017), which without this index is a scan of every link per insert.
 */
const KEPT_FOR_TRIGGERS = ['media_tags_by_item'];

export function generateLargeLibrary(db: Db, folderPath: string, items: number, tags: number, seed = 42): LargeLibrary {
  const deferred = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE tbl_name IN ('media', 'media_tags') AND sql IS NOT NULL
         AND (type = 'index' OR (type = 'trigger' AND name = 'media_text_insert'))
         AND name NOT IN (${KEPT_FOR_TRIGGERS.map((name) => `'${name}'`).join(', ')})`,
    )
    .all() as { type: 'index' | 'trigger'; name: string; sql: string }[];
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.transaction(() => deferred.forEach((d) => db.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`)))();
  try {
    return insertRows(db, folderPath, items, tags, seed);
  } finally {
    db.transaction(() => {
      for (const d of deferred) db.exec(d.sql);
      // The text index follows media through triggers; the rows that went in without the
      // insert trigger are indexed here in one pass, from the content table.
      if (deferred.some((d) => d.name === 'media_text_insert')) db.exec(`INSERT INTO media_text(media_text) VALUES ('rebuild')`);
    })();
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`synchronous = ${synchronous}`);
  }
}

function insertRows(db: Db, folderPath: string, items: number, tags: number, seed: number): LargeLibrary {
  const rand = random(seed);
  const names = tagNames(tags, rand);
  const now = new Date().toISOString();
  db.prepare(`INSERT INTO folders (path, added_at) VALUES (?, ?)`).run(folderPath, now);
  // Flat names hold no "/": each is a top-level tag of the tag tree, its own last level.
  const insertTag = db.prepare(`INSERT INTO tags (name, key, level, level_key, created_at) VALUES (?, ?, ?, ?, ?)`);
  db.transaction(() => {
    names.forEach((name) => insertTag.run(name, tagKey(name), name, tagKey(name), now));
  })();
  const insertMedia = db.prepare(
    `INSERT INTO media (id, folder_id, rel_path, display_path, original_name, file_size, mtime, md5, type, mime, format, width, height,
       taken_at, name, name_key, file_state, created_at, updated_at, updated_by)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, 'import')`,
  );
  const insertLink = db.prepare(`INSERT OR IGNORE INTO media_tags (media_id, tag_id, source, confidence, added_at) VALUES (?, ?, 'user', 1, ?)`);
  const nextTag = zipfSampler(tags, rand);
  const start = Date.parse('2005-01-01T00:00:00Z');
  const span = Date.parse('2025-01-01T00:00:00Z') - start;
  let links = 0;
  const BATCH = 250_000;
  for (let from = 1; from <= items; from += BATCH) {
    db.transaction(() => {
      for (let id = from; id < Math.min(from + BATCH, items + 1); id += 1) {
        const taken = new Date(start + Math.floor(rand() * span));
        const takenAt = rand() < 0.85 ? taken.toISOString().slice(0, 19) : null;
        const mtime = new Date(taken.getTime() + Math.floor(rand() * 86_400_000 * 30)).toISOString();
        const video = rand() < 0.05;
        const name = `${video ? 'VID' : 'IMG'}_${taken.getUTCFullYear()}${pad(taken.getUTCMonth() + 1)}${pad(taken.getUTCDate())}_${pad(id, 7)}.${video ? 'mp4' : 'jpg'}`;
        const rel = `${taken.getUTCFullYear()}/${pad(taken.getUTCMonth() + 1)}/${name}`;
        const size = Math.round(Math.exp(14.5 + rand() * 2));
        const created = new Date(Date.parse('2024-06-01T00:00:00Z') + id * 1000).toISOString();
        const md5 = (id * 2654435761).toString(16).padStart(32, '0').slice(-32);
        insertMedia.run(
          id, Buffer.from(rel), rel, name, size, mtime, md5, video ? 'video' : 'image', video ? 'video/mp4' : 'image/jpeg',
          video ? 'mp4' : 'jpeg', 4000, 3000, takenAt, name, tagKey(name), created, created,
        );
        // 0–6 tags, mean 3: the sum of six fair coin flips.
        let count = 0;
        for (let i = 0; i < 6; i += 1) if (rand() < 0.5) count += 1;
        for (let i = 0; i < count; i += 1) links += insertLink.run(id, nextTag() + 1, created).changes;
      }
    })();
  }
  return { items, tagNames: names, links };
}

/**
 * Gives the generated items real thumbnails: the photos' are rendered once and every item
 * shares one of them by content hash, the way duplicates do.
 */
export async function lendPhotoThumbnails(library: Library, photos: readonly string[]): Promise<void> {
  const md5s: string[] = [];
  for (const file of photos) {
    const bytes = fs.readFileSync(file);
    const md5 = crypto.createHash('md5').update(bytes).digest('hex');
    const decoded = await decodeForThumbnails(bytes, { pixelLimit: DEFAULT_PIXEL_LIMIT, timeoutSeconds: DEFAULT_DECODE_TIMEOUT_SECONDS });
    upsertThumbnails(library.db, md5, await writeThumbnails(decoded, md5, library.paths));
    md5s.push(md5);
  }
  // One pass over the items (not one per photo): at 5,000,000 items each pass takes a minute.
  library.db.prepare(`UPDATE media SET md5 = json_extract(?, '$[' || CAST(id % ? AS INTEGER) || ']')`).run(JSON.stringify(md5s), md5s.length);
}
