/**
 * Albums for the generated library (issue 14), with the skew real collections have: one
 * album of 50,000 items (a "best of" over the years), a few of thousands, most of a few dozen
 * to a few hundred (one shoot each: a run of neighbouring ids with some left out). Written with
 * plain SQL through the real schema, as the library generator does.
 */
import type { Db } from '../../electron/library/db/connection.js';
import { tagKey } from '../../shared/tags.js';

export interface GeneratedAlbums {
  /** Album id of the 50,000-item album (or the library's size, if smaller). */
  bigId: number;
  bigName: string;
  count: number;
  links: number;
}

export function generateAlbums(db: Db, itemCount: number, albumCount: number, rand: () => number): GeneratedAlbums {
  const insertAlbum = db.prepare(`INSERT INTO albums (kind, name, name_key, parent_id, query, created_at) VALUES ('album', ?, ?, NULL, NULL, '2024-01-01T00:00:00.000Z')`);
  const insertItem = db.prepare(`INSERT OR IGNORE INTO album_items (album_id, media_id, position, added_at) VALUES (?, ?, ?, '2024-01-01T00:00:00.000Z')`);
  let bigId = 0;
  let links = 0;
  db.transaction(() => {
    for (let rank = 0; rank < albumCount; rank += 1) {
      const name = rank === 0 ? 'Best of' : `Shoot ${String(rank).padStart(4, '0')}`;
      const albumId = Number(insertAlbum.run(name, tagKey(name)).lastInsertRowid);
      if (rank === 0) bigId = albumId;
      // Zipf-like sizes: 50,000, then about 50,000 / rank^1.3 (a few thousands, mostly tens).
      const size = Math.min(itemCount, rank === 0 ? 50_000 : Math.max(12, Math.floor(50_000 / (rank + 1) ** 1.3)));
      let position = 0;
      if (rank === 0) {
        // Scattered over the whole library.
        const chosen = new Set<number>();
        while (chosen.size < size) chosen.add(1 + Math.floor(rand() * itemCount));
        for (const id of chosen) links += insertItem.run(albumId, id, (position += 1)).changes;
      } else {
        let id = 1 + Math.floor(rand() * Math.max(1, itemCount - size * 2));
        while (position < size && id <= itemCount) {
          if (rand() < 0.7) links += insertItem.run(albumId, id, (position += 1)).changes;
          id += 1;
        }
      }
    }
  })();
  return { bigId, bigName: 'Best of', count: albumCount, links };
}
