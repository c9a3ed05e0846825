/**
 * A large library for the gallery's tests and benchmark: rows generated with plain SQL
 * (test/bench/large-library.ts), and real thumbnails of a few photos, made by the importer's own
 * thumbnail code and shared by content hash the way duplicates share them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { upsertThumbnails } from '../../../electron/library/db/thumbnail-repo.js';
import { openLibrary } from '../../../electron/library/library.js';
import { decodeForThumbnails, writeThumbnails } from '../../../electron/library/thumbnails/render-thumbnails.js';
import { generateLargeLibrary } from '../../bench/large-library.js';

export interface LargeLibraryOptions {
  items: number;
  tags: number;
  /** Photos whose thumbnails the items share (item id modulo their count picks one). */
  photos: readonly string[];
}

/** Builds the library in `dir`; resolves to its tag names, most used first. */
export async function buildLargeLibrary(dir: string, options: LargeLibraryOptions): Promise<string[]> {
  const library = openLibrary(dir, { workers: 1 });
  try {
    generateLargeLibrary(library.db, path.join(dir, 'photos'), options.items, options.tags);
    const md5s: string[] = [];
    for (const file of options.photos) {
      const bytes = fs.readFileSync(file);
      const md5 = crypto.createHash('md5').update(bytes).digest('hex');
      const decoded = await decodeForThumbnails(bytes, { pixelLimit: 268_402_689, timeoutSeconds: 60 });
      upsertThumbnails(library.db, md5, await writeThumbnails(decoded, md5, library.paths));
      md5s.push(md5);
    }
    const share = library.db.prepare('UPDATE media SET md5 = ? WHERE id % ? = ?');
    library.db.transaction(() => md5s.forEach((md5, i) => share.run(md5, md5s.length, i)))();
    return (library.db.prepare('SELECT name FROM tags ORDER BY item_count DESC').all() as { name: string }[]).map((t) => t.name);
  } finally {
    await library.close();
  }
}
