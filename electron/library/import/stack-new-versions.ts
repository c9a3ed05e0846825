import { nowIso } from '../base/clock.js';
import type { Db } from '../db/connection.js';
import { setParentOf } from '../db/media-repo.js';
import { getStackRules } from '../db/settings-repo.js';
import { stackCandidates } from '../db/stack-repo.js';
import { groupVersions } from '../items/stack-rules.js';

/**
 * After an import, groups the files it added with their other versions (a RAW and its JPEG, an
 * edit and its original, a Live Photo's still and video) by the library's stack rules, in one
 * transaction. Returns the ids that changed.
 */
export function stackNewVersions(db: Db, folderIds: readonly number[], since: string): number[] {
  const rules = getStackRules(db);
  if (folderIds.length === 0 || !Object.values(rules).some(Boolean)) return [];
  return db.transaction(() => {
    const groups = groupVersions(stackCandidates(db, folderIds, since), rules);
    const now = nowIso();
    for (const group of groups) setParentOf(db, group.versionIds, group.coverId, 'import', now);
    return groups.flatMap((g) => [g.coverId, ...g.versionIds]);
  })();
}
