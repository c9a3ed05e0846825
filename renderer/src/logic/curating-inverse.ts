/**
 * The inverse of a curating edit: the items grouped by what they held before, so undo puts
 * each one back with one call per distinct old value (at most six per field), not one per item.
 */
import type { MediaFlag, MediaLabel } from '../../../shared/media.js';
import type { CuratingChange } from './curating-keys.js';

export interface CuratingState {
  id: number;
  rating: number;
  label: MediaLabel;
  flag: MediaFlag;
}

export interface CuratingStep {
  ids: number[];
  change: CuratingChange;
}

export function curatingInverse(before: readonly CuratingState[], change: CuratingChange): CuratingStep[] {
  const groups = new Map<string, CuratingStep>();
  for (const item of before) {
    const back: CuratingChange = {};
    if (change.rating !== undefined && item.rating !== change.rating) back.rating = item.rating;
    if (change.label !== undefined && item.label !== change.label) back.label = item.label;
    if (change.flag !== undefined && item.flag !== change.flag) back.flag = item.flag;
    if (Object.keys(back).length === 0) continue;
    const key = JSON.stringify(back);
    const group = groups.get(key);
    if (group) group.ids.push(item.id);
    else groups.set(key, { ids: [item.id], change: back });
  }
  return [...groups.values()];
}
