/**
 * How a tag of the tag tree is written in every interface: its levels from the top, joined by
 * `/` (`Places/France/Paris`). A level that itself holds a `/` (an imported keyword such as
 * `AC/DC`) writes it as `\/`, and a backslash as `\\`, so every level can be addressed again:
 * `Music/AC\/DC` is the level `AC/DC` under `Music`. Each level follows the rules of a tag
 * (shared/tags.ts normalizeTag): trimmed, NFC, no control characters, no comma, a visible
 * character, at most TAG_MAX_LENGTH characters. An empty level (`a//b`, a leading or trailing
 * `/`) is refused rather than dropped, because the user meant something by it.
 */
import { FolioError } from './errors.js';
import { normalizeTag, tagKey } from './tags.js';

export const TAG_PATH_SEPARATOR = '/';
export const TAG_PATH_MAX_DEPTH = 32;

/** Splits a written path into its raw levels, undoing `\/` and `\\`; no other check. */
export function splitTagPath(path: string): string[] {
  const levels: string[] = [];
  let level = '';
  for (let i = 0; i < path.length; i += 1) {
    const char = path[i] as string;
    const next = path[i + 1];
    if (char === '\\' && (next === '/' || next === '\\')) {
      level += next;
      i += 1;
    } else if (char === TAG_PATH_SEPARATOR) {
      levels.push(level);
      level = '';
    } else {
      level += char;
    }
  }
  levels.push(level);
  return levels;
}

/** Writes one level so that it reads back as itself inside a path. */
export function escapeTagLevel(level: string): string {
  return level.replace(/\\/gu, '\\\\').replace(/\//gu, '\\/');
}

/** Joins levels (each as stored, unescaped) into a written path. */
export function joinTagPath(levels: readonly string[]): string {
  return levels.map(escapeTagLevel).join(TAG_PATH_SEPARATOR);
}

/**
 * The levels of a path as the user meant them, each normalised as a tag. Throws
 * INVALID_ARGUMENT naming `field` and what is wrong: an empty level (with its position), a
 * level a tag may not be, a path deeper than TAG_PATH_MAX_DEPTH.
 */
export function parseTagPath(raw: unknown, field = 'tag'): string[] {
  if (typeof raw !== 'string') throw new FolioError('INVALID_ARGUMENT', 'A tag must be a string', { field });
  const levels = splitTagPath(raw);
  if (levels.length > TAG_PATH_MAX_DEPTH) {
    throw new FolioError('INVALID_ARGUMENT', `A tag path can have at most ${TAG_PATH_MAX_DEPTH} levels (got ${levels.length})`, { field });
  }
  return levels.map((level, index) => {
    if (levels.length > 1 && level.trim() === '') {
      const where = index === 0 ? 'before the first "/"' : index === levels.length - 1 ? 'after the last "/"' : `between "/" ${index} and ${index + 1}`;
      throw new FolioError('INVALID_ARGUMENT', `A tag path cannot have an empty level (${where} in "${raw}")`, { field });
    }
    return normalizeTag(level, field);
  });
}

/** The canonical written form of a path: each level normalised, then joined. */
export function normalizeTagPath(raw: unknown, field = 'tag'): string {
  return joinTagPath(parseTagPath(raw, field));
}

/** The key two paths are compared by: each level's tag key (case and Unicode form folded). */
export function tagPathKey(levels: readonly string[]): string {
  return joinTagPath(levels.map(tagKey));
}
