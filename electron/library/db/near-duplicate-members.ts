/**
 * `duplicate:near` membership: the items (images not in the trash) whose picture has a near
 * duplicate, i.e. another content whose perceptual hash is at most `maxDistance` bits away.
 * Exact copies alone (the same md5 twice) are not near duplicates; a copy of a picture that
 * has a near duplicate is a member like the picture. For the search language's term: the ids
 * go into the list query as `id IN (SELECT value FROM json_each(?))`. Every pair of distinct
 * contents is compared: 10,000 pictures are 50 M pairs, a few hundred ms.
 */
import { DEFAULT_NEAR_DISTANCE } from '../../../shared/duplicates.js';
import { hammingDistance, hashHalves } from '../base/hash-distance.js';
import type { Db } from './connection.js';
import { hashedImages } from './perceptual-hash-repo.js';

export function nearDuplicateIds(db: Db, maxDistance = DEFAULT_NEAR_DISTANCE): number[] {
  const items = hashedImages(db);
  const byMd5 = new Map<string, { hi: number; lo: number; ids: number[] }>();
  for (const item of items) {
    if (item.dhash === null) continue;
    const known = byMd5.get(item.md5);
    if (known) known.ids.push(item.id);
    else {
      const [hi, lo] = hashHalves(item.dhash);
      byMd5.set(item.md5, { hi, lo, ids: [item.id] });
    }
  }
  const contents = [...byMd5.values()];
  const member = new Array<boolean>(contents.length).fill(false);
  for (let i = 0; i < contents.length; i += 1) {
    const a = contents[i];
    if (!a) continue;
    for (let j = i + 1; j < contents.length; j += 1) {
      const b = contents[j];
      if (b && hammingDistance(a.hi, a.lo, b.hi, b.lo) <= maxDistance) {
        member[i] = true;
        member[j] = true;
      }
    }
  }
  return contents.flatMap((content, index) => (member[index] ? content.ids : [])).sort((x, y) => x - y);
}
