import { DEFAULT_NEAR_DISTANCE } from '../../../shared/duplicates.js';
import { FolioError, notFound } from '../../../shared/errors.js';
import { hashedImages } from '../db/perceptual-hash-repo.js';
import { getMediaRows } from '../db/media-repo.js';
import { duplicateGroups, similarTo } from './near-duplicates.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type DuplicateHandlersMethod = 'media.similar' | 'duplicates.list';

const DEFAULT_SIMILAR_LIMIT = 100;

export function duplicateHandlers(lib: LibraryContext): HandlerGroup<DuplicateHandlersMethod> {
  const { db } = lib;
  return {
    'media.similar': ({ id, maxDistance, limit }) => {
      const [row] = getMediaRows(db, [id]);
      if (!row) throw notFound(`Item ${id}`, 'id');
      if (row.type !== 'image') throw new FolioError('UNSUPPORTED', `Item ${id} is a ${row.type}; similar pictures are found for images`, { field: 'id' });
      const images = hashedImages(db);
      const target = images.find((item) => item.id === id);
      if (!target || target.dhash === null) return { hashed: false, items: [] };
      return { hashed: true, items: similarTo(images, target, maxDistance ?? DEFAULT_NEAR_DISTANCE, limit ?? DEFAULT_SIMILAR_LIMIT) };
    },

    'duplicates.list': ({ maxDistance }) => {
      const images = hashedImages(db);
      return {
        groups: duplicateGroups(images, maxDistance ?? DEFAULT_NEAR_DISTANCE),
        unhashed: images.filter((item) => item.dhash === null).length,
      };
    },
  };
}
