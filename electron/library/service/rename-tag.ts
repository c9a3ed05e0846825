/**
 * Renaming a user tag everywhere. Renaming onto an existing tag merges the two (an item that
 * had both keeps one link), which is what a person tidying "NYC" into "New York" means; so the
 * target existing is never a conflict. Only user links move: an extension's AI tags keep
 * their own name, since the extension would produce that name again on its next run.
 */
import { FolioError } from '../../../shared/errors.js';
import type { TagCount } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { countUserLinks, moveUserLinks } from '../db/media-tag-repo.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { deleteUnusedTags, ensureTags, getTagByKey, pathKey, rewriteBranch } from '../db/tag-repo.js';

export function renameTag(db: Db, from: string, to: string, actor: string, now: string): { tag: TagCount; ids: number[] } {
  const source = getTagByKey(db, pathKey(from));
  if (!source || countUserLinks(db, source.id) === 0) {
    throw new FolioError('NOT_FOUND', `No item has the tag "${from}"`, { field: 'from' });
  }
  if (pathKey(to) === source.key) {
    // Same tag, new spelling ("paris" → "Paris"): one row changes, every item shows it.
    rewriteBranch(db, source, { name: to, key: source.key, parentId: source.parent_id, level: to, levelKey: source.level_key });
    return { tag: { name: to, count: source.item_count }, ids: [] };
  }
  const [target] = ensureTags(db, [to], now);
  if (!target) throw new Error('ensureTags returned nothing');
  const ids = moveUserLinks(db, source.id, target.id, now);
  touchMedia(db, ids, actor, now);
  deleteUnusedTags(db);
  const merged = getTagByKey(db, target.key);
  return { tag: { name: merged?.name ?? to, count: merged?.item_count ?? 0 }, ids };
}
