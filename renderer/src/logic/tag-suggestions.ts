/**
 * What the tag editor shows besides the chips: autocomplete rows (the path, its count, and an
 * alias with the tag it leads to) and the implied tags with the tag that brings each.
 */
import { pathKey, type TagTree, type TreeTag } from './tag-tree.js';

export interface Suggestion {
  path: string;
  name: string;
  count: number;
  /** The alias the typed text matched; choosing it stores `path`. */
  viaAlias?: string;
}

/** Suggestions without the tags the chips already show (paths compared level by level, as the library does). */
export function suggestionsWithout<T extends Suggestion>(suggestions: readonly T[], present: readonly string[]): T[] {
  const keys = new Set(present.map(pathKey));
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    const key = pathKey(s.path);
    if (keys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The path above a suggestion's name (`Places/France` for `Places/France/Paris`), or ''. */
export function parentPathOf(suggestion: Pick<Suggestion, 'path' | 'name'>): string {
  const cut = suggestion.path.length - suggestion.name.length - 1;
  return cut > 0 ? suggestion.path.slice(0, cut) : '';
}

export interface ImpliedTag {
  path: string;
  /** A tag of the item (or another implied one) whose rule brings this one; null when not known here. */
  by: string | null;
}

/**
 * Names, for each implied tag, a tag the item has (by hand or implied) that implies it, so a
 * chain `kitten → cat → animal` reads "animal, implied by cat". Only the rules in the loaded
 * tree are looked at; a rule not found leaves `by` null (the chip still says "implied").
 */
export function impliedWithSources(implied: readonly string[], own: readonly string[], tree: TagTree<TreeTag>): ImpliedTag[] {
  const candidates = [...own, ...implied];
  return implied.map((path) => {
    const key = pathKey(path);
    const by = candidates.find((c) => pathKey(c) !== key && (tree.byKey.get(pathKey(c))?.tag.implies ?? []).some((i) => pathKey(i) === key));
    return { path, by: by ?? null };
  });
}
