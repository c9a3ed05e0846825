/**
 * The tags a search term means. For now a flat lookup by the tag's key (the name in any case
 * or Unicode form); the tag tree replaces this file, with the same signature, to add a tag's
 * descendants, its aliases and what implies it. Every search term goes through here.
 */
import type { Db } from './connection.js';
import { findTags } from './tag-repo.js';

export function tagMatchIds(db: Db, written: string): number[] {
  return findTags(db, [written]).map((tag) => tag.id);
}
