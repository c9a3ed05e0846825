/**
 * A large library for the gallery's tests and benchmark: rows generated with plain SQL
 * (test/bench/large-library.ts), and real thumbnails of a few photos, made by the importer's own
 * thumbnail code and shared by content hash the way duplicates share them.
 */
import path from 'node:path';
import { openLibrary } from '../../../electron/library/library.js';
import { generateLargeLibrary, lendPhotoThumbnails } from '../../bench/large-library.js';

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
    await lendPhotoThumbnails(library, options.photos);
    return (library.db.prepare('SELECT name FROM tags ORDER BY item_count DESC').all() as { name: string }[]).map((t) => t.name);
  } finally {
    await library.close();
  }
}
