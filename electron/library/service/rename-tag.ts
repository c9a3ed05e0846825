/**
 * `tags.rename`, kept for its callers: a path rename of the tag `from` names (an alias names
 * its tag), through the tag tree's move. Renaming onto an existing tag merges the two (an item
 * that had both keeps one link), which is what a person tidying "NYC" into "New York" means;
 * so the target existing is never a conflict. AI links move with the tag: the two are one now.
 */
import { FolioError } from '../../../shared/errors.js';
import type { TagCount } from '../../../shared/media.js';
import type { Db } from '../db/connection.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { pathKey, resolveTagKey } from '../db/tag-repo.js';
import { TagUndoRecorder } from './tag-undo.js';
import { moveTag, userItemsOfTags } from './tag-vocabulary.js';

export function renameTag(db: Db, from: string, to: string, actor: string, now: string): { tag: TagCount; ids: number[] } {
  const source = resolveTagKey(db, pathKey(from));
  if (!source || userItemsOfTags(db, [source.id]).length === 0) {
    throw new FolioError('NOT_FOUND', `No item has the tag "${from}"`, { field: 'from' });
  }
  const ids = userItemsOfTags(db, [source.id]);
  const recorder = new TagUndoRecorder(db, 'update', now);
  const moved = moveTag(db, recorder, source, to, now);
  recorder.finish();
  // The items' tags read differently either way, so they are the change's items.
  if (moved.merged) touchMedia(db, ids, actor, now);
  return { tag: { name: moved.tag.name, count: moved.tag.item_count }, ids };
}
