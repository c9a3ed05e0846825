import { describe, expect, it } from 'vitest';
import { orderAfterMove, placementsRestoring } from '../../../renderer/src/logic/album-order.js';
import { buildFilter, sameView, viewTitle } from '../../../renderer/src/logic/gallery-query.js';
import { reloadPlan } from '../../../renderer/src/logic/reload-plan.js';
import { MediaFilter } from '../../../shared/schemas.js';

describe('undoing an album edit puts every item back in its place', () => {
  const order = [1, 2, 3, 4, 5, 6];
  const undo = (after: number[], touched: number[]) => {
    let now = after;
    for (const step of placementsRestoring(order, new Set(touched))) now = orderAfterMove(now.filter((id) => !step.add.includes(id)).concat(step.add), step.add, step.moveBefore);
    return now;
  };

  it('each run of touched items goes before the first untouched one after it, or to the end', () => {
    expect(placementsRestoring(order, new Set([2, 3, 6]))).toEqual([
      { add: [2, 3], moveBefore: 4 },
      { add: [6], moveBefore: null },
    ]);
    expect(placementsRestoring(order, new Set([1]))).toEqual([{ add: [1], moveBefore: 2 }]);
    expect(placementsRestoring(order, new Set())).toEqual([]);
  });

  it('restores the order after a move and after a removal', () => {
    const moved = orderAfterMove(order, [5, 1], 3);
    expect(moved).toEqual([2, 5, 1, 3, 4, 6]);
    expect(undo(moved, [5, 1])).toEqual(order);
    const removed = order.filter((id) => ![2, 6].includes(id));
    expect(undo(removed, [2, 6])).toEqual(order);
    expect(orderAfterMove(order, [2], null)).toEqual([1, 3, 4, 5, 6, 2]);
  });
});

describe('album views', () => {
  it('a smart album is its search, narrowed by the toolbar; the filter is one the contract accepts', () => {
    const view = { kind: 'smart', id: 3, name: 'Beach', query: 'tag:beach' } as const;
    const filter = buildFilter(view, 'sunset');
    // Both are search-language queries; each keeps its own ORs inside its parentheses.
    expect(filter).toEqual({ status: 'active', versions: false, query: '(tag:beach) (sunset)' });
    expect(MediaFilter.safeParse(filter).success).toBe(true);
    expect(viewTitle(view)).toBe('Smart album: Beach');
    expect(viewTitle({ kind: 'album', id: 1, name: 'Keepers' })).toBe('Album: Keepers');
  });

  it('albums are the same view by id, and an album is never a smart album', () => {
    expect(sameView({ kind: 'album', id: 1, name: 'a' }, { kind: 'album', id: 1, name: 'renamed' })).toBe(true);
    expect(sameView({ kind: 'album', id: 1, name: 'a' }, { kind: 'album', id: 2, name: 'a' })).toBe(false);
    expect(sameView({ kind: 'album', id: 1, name: 'a' }, { kind: 'smart', id: 1, name: 'a', query: 'x' })).toBe(false);
  });

  it('an album change re-reads the view and the panel (its albums), not the tiles or the sidebar lists', () => {
    expect(reloadPlan(['albums'])).toEqual({ ids: true, tiles: false, items: true, library: false });
  });
});
