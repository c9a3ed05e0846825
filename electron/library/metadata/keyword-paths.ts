/**
 * Keywords from every tool's field, as tag-tree paths. Hierarchical fields name their levels
 * (`lr:hierarchicalSubject` with `|`, `digiKam:TagsList` and `MicrosoftPhoto:LastKeywordXMP`
 * with `/`, `mediapro:CatalogSets` with `|`); flat fields (`dc:subject`, IPTC Keywords, Windows'
 * XPKeywords) hold single words. Lightroom writes a hierarchical keyword twice: as the path and
 * as each of its levels in `dc:subject`; those flat twins are dropped so that `Places|France`
 * does not also give top-level tags `Places` and `France`. A path that is the start of another
 * one (`Places` beside `Places|France|Paris`) is dropped too: in a tree the leaf carries its branch.
 */
import { tagPathKey, TAG_PATH_MAX_DEPTH } from '../../../shared/tag-path.js';
import { normalizeTag, tagKey } from '../../../shared/tags.js';

export interface KeywordFields {
  /** Each entry: the raw texts of one hierarchical field and the separator of its levels. */
  hierarchical: { texts: string[]; separator: string }[];
  /** Flat keywords, one word (or phrase) each. */
  flat: string[];
}

/**
 * A level as a tag may hold it, or null when it cannot be one. A comma separates tags in every
 * list Folio accepts (REST, the CLI), so a tag cannot hold one: `Smith, John` becomes
 * `Smith; John` rather than being lost.
 */
export function keywordLevel(raw: string): string | null {
  const text = raw.replace(/\s*,\s*/gu, '; ').replace(/\p{Cc}/gu, ' ');
  try {
    return normalizeTag(text);
  } catch {
    return null;
  }
}

function levelsOf(text: string, separator: string): string[] | null {
  const levels = text.split(separator).map(keywordLevel);
  if (levels.length === 0 || levels.length > TAG_PATH_MAX_DEPTH || levels.some((level) => level === null)) return null;
  return levels as string[];
}

/** The keyword paths, deduplicated (by key) in the order first seen. */
export function keywordPaths(fields: KeywordFields): string[][] {
  const paths = new Map<string, string[]>();
  const levelKeys = new Set<string>();
  for (const field of fields.hierarchical) {
    for (const text of field.texts) {
      const levels = levelsOf(text, field.separator);
      if (levels === null) continue;
      for (const level of levels) levelKeys.add(tagKey(level));
      const key = tagPathKey(levels);
      if (!paths.has(key)) paths.set(key, levels);
    }
  }
  for (const text of fields.flat) {
    const level = keywordLevel(text);
    if (level === null || levelKeys.has(tagKey(level))) continue;
    const key = tagPathKey([level]);
    if (!paths.has(key)) paths.set(key, [level]);
  }
  return dropBranches([...paths.values()]);
}

/** Keeps only the leaves: a path that is the start of a longer one goes. */
export function dropBranches(paths: string[][]): string[][] {
  const keys = paths.map(tagPathKey);
  return paths.filter((_, index) => !keys.some((other, j) => j !== index && other.startsWith(`${keys[index]}/`)));
}
