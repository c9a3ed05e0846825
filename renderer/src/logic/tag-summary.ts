/** A multi-selection's tags split into those every item has and those only some have. */
import type { TagCount } from '../../../shared/media.js';
import { tagKey } from '../../../shared/tags.js';

export interface SplitTags {
  all: string[];
  some: TagCount[];
}

export function splitTagSummary(total: number, tags: readonly TagCount[]): SplitTags {
  const all: string[] = [];
  const some: TagCount[] = [];
  for (const tag of tags) {
    if (tag.count >= total) all.push(tag.name);
    else if (tag.count > 0) some.push(tag);
  }
  return { all, some };
}

/** Autocomplete suggestions without the tags the chips already show (compared like the library does). */
export function withoutPresent(suggestions: readonly TagCount[], present: readonly string[]): TagCount[] {
  const keys = new Set(present.map(tagKey));
  return suggestions.filter((s) => !keys.has(tagKey(s.name)));
}
