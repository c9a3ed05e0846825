/**
 * Finding pictures that look alike from their perceptual hashes. Every pair of distinct
 * contents is compared (two 32-bit popcounts per pair: 10,000 pictures are 50 M pairs, a few
 * hundred ms); pictures within maxDistance of each other are joined into one group, so a
 * chain of small edits ends up together.
 */
import type { DuplicateGroup, DuplicateMember, SimilarItem } from '../../../shared/duplicates.js';
import type { HashedItem } from '../db/perceptual-hash-repo.js';
import { hammingDistance, hashHalves } from '../thumbnails/perceptual-hash.js';

interface Content {
  md5: string;
  hi: number;
  lo: number;
  items: HashedItem[];
}

function contentsOf(items: readonly HashedItem[]): Content[] {
  const byMd5 = new Map<string, Content>();
  for (const item of items) {
    if (item.dhash === null) continue;
    const known = byMd5.get(item.md5);
    if (known) known.items.push(item);
    else {
      const [hi, lo] = hashHalves(item.dhash);
      byMd5.set(item.md5, { md5: item.md5, hi, lo, items: [item] });
    }
  }
  return [...byMd5.values()];
}

/** The one to keep first: most pixels, then most bytes, then the oldest item. */
function bestFirst(a: HashedItem, b: HashedItem): number {
  const pixels = (item: HashedItem) => (item.width ?? 0) * (item.height ?? 0);
  return pixels(b) - pixels(a) || b.file_size - a.file_size || a.id - b.id;
}

export function similarTo(items: readonly HashedItem[], target: HashedItem, maxDistance: number, limit: number): SimilarItem[] {
  if (target.dhash === null) return [];
  const [hi, lo] = hashHalves(target.dhash);
  const found: SimilarItem[] = [];
  for (const content of contentsOf(items)) {
    const distance = hammingDistance(hi, lo, content.hi, content.lo);
    if (distance > maxDistance) continue;
    for (const item of content.items) {
      if (item.id !== target.id) found.push({ id: item.id, distance, sameFile: item.md5 === target.md5 });
    }
  }
  return found.sort((a, b) => a.distance - b.distance || a.id - b.id).slice(0, limit);
}

export function duplicateGroups(items: readonly HashedItem[], maxDistance: number): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  const member = (item: HashedItem, distance: number): DuplicateMember => ({
    id: item.id,
    size: item.file_size,
    width: item.width,
    height: item.height,
    distance,
  });
  // Exact: the same bytes, hashed or not (md5 alone decides).
  const byMd5 = new Map<string, HashedItem[]>();
  for (const item of items) byMd5.set(item.md5, [...(byMd5.get(item.md5) ?? []), item]);
  for (const same of byMd5.values()) {
    if (same.length > 1) groups.push({ kind: 'exact', items: [...same].sort(bestFirst).map((item) => member(item, 0)) });
  }
  // Near: union-find over distinct contents.
  const contents = contentsOf(items);
  const parent = contents.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  for (let i = 0; i < contents.length; i += 1) {
    const a = contents[i] as Content;
    for (let j = i + 1; j < contents.length; j += 1) {
      const b = contents[j] as Content;
      if (hammingDistance(a.hi, a.lo, b.hi, b.lo) <= maxDistance) parent[root(j)] = root(i);
    }
  }
  const clusters = new Map<number, Content[]>();
  contents.forEach((content, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), content]));
  for (const cluster of clusters.values()) {
    if (cluster.length < 2) continue;
    const ranked = cluster.flatMap((content) => content.items.map((item) => ({ item, content }))).sort((x, y) => bestFirst(x.item, y.item));
    const first = ranked[0]?.content as Content;
    groups.push({
      kind: 'near',
      items: ranked.map(({ item, content }) => member(item, hammingDistance(first.hi, first.lo, content.hi, content.lo))),
    });
  }
  return groups.sort((a, b) => (a.items[0]?.id ?? 0) - (b.items[0]?.id ?? 0) || a.kind.localeCompare(b.kind));
}
