/**
 * The one place a bulk method's target becomes ids: either the ids given, or every item of a
 * view selection (`allOf`: a view, optionally a span of its positions, minus `except`), read
 * at the moment of the call. The page that sent it never held those ids.
 */
import type { TagChanges } from '../../../shared/contract.js';
import type { ViewSelection } from '../../../shared/view-selection.js';
export { tagEditSliceSize } from '../../../shared/tag-edit-slices.js';
import type { ViewPositions } from './view-positions.js';
import { uniqueIds } from './write-helpers.js';

export interface BulkTarget {
  ids?: readonly number[];
  allOf?: ViewSelection;
}

const WHOLE_VIEW = 2 ** 31 - 1;

export function resolveSelection(positions: ViewPositions, target: BulkTarget): number[] {
  if (target.allOf === undefined) return uniqueIds(target.ids ?? []);
  const { filter, sort, offset, limit, except } = target.allOf;
  const { ids } = positions.window(filter, sort, offset ?? 0, limit ?? WHOLE_VIEW);
  if (except === undefined || except.length === 0) return ids;
  const left = new Set(except);
  return ids.filter((id) => !left.has(id));
}

/** Parts of at most `size` ids, in order. */
export function slices(ids: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < ids.length; start += size) out.push(ids.slice(start, start + size));
  return out;
}

/**
 * Lets other requests in between the parts of a large edit: each part is its own transaction
 * of about a second at most, and the library is not held for the whole view.
 */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}


/** The changes of the parts of one edit as one answer, each tag once with its ids ascending. */
export function mergeTagChanges(parts: readonly TagChanges[]): TagChanges {
  const merge = (lists: { tag: string; ids: number[] }[]) => {
    const byTag = new Map<string, number[]>();
    for (const { tag, ids } of lists) {
      const into = byTag.get(tag);
      if (into === undefined) byTag.set(tag, [...ids]);
      else for (const id of ids) into.push(id);
    }
    return [...byTag].map(([tag, ids]) => ({ tag, ids: ids.sort((a, b) => a - b) }));
  };
  return { added: merge(parts.flatMap((p) => p.added)), removed: merge(parts.flatMap((p) => p.removed)) };
}
