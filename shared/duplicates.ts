/** Near-duplicate pictures: the answers of `media.similar` and `duplicates.list`. */

/** Hash bits that may differ for two pictures to count as near duplicates (of 64). */
export const DEFAULT_NEAR_DISTANCE = 8;
export const MAX_NEAR_DISTANCE = 32;

export interface SimilarItem {
  id: number;
  /** Bits of the perceptual hashes that differ: 0 is the same picture, up to 64. */
  distance: number;
  /** The very same file content (same md5): an exact duplicate. */
  sameFile: boolean;
}

export interface DuplicateMember {
  id: number;
  size: number;
  width: number | null;
  height: number | null;
  /** Hash distance to the group's first item (0 for exact duplicates). */
  distance: number;
}

export interface DuplicateGroup {
  /** `exact`: the same file content several times; `near`: pictures that look the same. */
  kind: 'exact' | 'near';
  /** Largest (most pixels, then most bytes) first: the one to keep, by default. */
  items: DuplicateMember[];
}
