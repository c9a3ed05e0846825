/** logic/view-ids.ts: the gallery's ids by position, in windows (pages) of WINDOW positions. */
import { describe, expect, it } from 'vitest';
import { MAX_PAGES, pageRuns, pagesCovering, ViewIds, WINDOW } from '../../../renderer/src/logic/view-ids.js';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('window math', () => {
  it('names the pages that hold a run of positions, at the edges of pages', () => {
    expect(pagesCovering(0, 0)).toEqual([0]);
    expect(pagesCovering(0, WINDOW - 1)).toEqual([0]);
    expect(pagesCovering(WINDOW - 1, WINDOW)).toEqual([0, 1]);
    expect(pagesCovering(3 * WINDOW + 7, 5 * WINDOW)).toEqual([3, 4, 5]);
    expect(pagesCovering(10, 9)).toEqual([]);
  });

  it('groups missing pages into runs of neighbours, each one call at most maxPages long', () => {
    expect(pageRuns([5, 1, 2, 3, 9, 10], 4)).toEqual([
      { first: 1, count: 3 },
      { first: 5, count: 1 },
      { first: 9, count: 2 },
    ]);
    expect(pageRuns([0, 1, 2, 3, 4, 5], 4)).toEqual([
      { first: 0, count: 4 },
      { first: 4, count: 2 },
    ]);
    expect(pageRuns([], 4)).toEqual([]);
  });
});

describe('ViewIds', () => {
  const total = 5_000_000;

  it('is a length and the pages that arrived: positions elsewhere are unknown, not wrong', () => {
    const list = ViewIds.fresh(total).withPage(0, ids(1, WINDOW)).withPage(total / WINDOW - 1, ids(9_000_000, WINDOW));
    expect(list.length).toBe(total);
    expect(list.at(0)).toBe(1);
    expect(list.at(WINDOW - 1)).toBe(WINDOW);
    expect(list.at(WINDOW)).toBeUndefined();
    expect(list.at(total - 1)).toBe(9_000_000 + WINDOW - 1);
    expect(list.at(total)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
    expect(list.indexOf(9_000_000)).toBe(total - WINDOW);
    expect(list.indexOf(12_345_678)).toBe(-1);
    expect(list.loaded(0, WINDOW - 1)).toBe(true);
    expect(list.loaded(0, WINDOW)).toBe(false);
    expect(list.loaded(total - 10, total + 10)).toBe(true);
    expect(list.complete).toBe(false);
    expect(list.missingPages(WINDOW - 1, 3 * WINDOW)).toEqual([1, 2, 3]);
    expect(list.slice(WINDOW - 2, WINDOW + 2)).toEqual([WINDOW - 1, WINDOW]);
  });

  it('a short last page is complete when it reaches the end of the view', () => {
    const list = ViewIds.fresh(WINDOW + 3).withPage(0, ids(1, WINDOW)).withPage(1, ids(1_000, 3));
    expect(list.complete).toBe(true);
    expect(list.loaded(0, WINDOW + 2)).toBe(true);
    // A page cut short by items leaving the view (an answer shorter than asked) is not.
    const cut = ViewIds.fresh(3 * WINDOW).withPage(0, ids(1, WINDOW - 1));
    expect(cut.loaded(0, WINDOW - 1)).toBe(false);
  });

  it('each page that arrives is a new list over the same pages (React sees it; nothing is copied)', () => {
    const a = ViewIds.fresh(total);
    const b = a.withPage(3, ids(77, WINDOW));
    expect(b).not.toBe(a);
    expect(b.at(3 * WINDOW)).toBe(77);
  });

  it('keeps at most MAX_PAGES pages, dropping those farthest from where the user looks', () => {
    let list = ViewIds.fresh(total);
    for (let page = 0; page < MAX_PAGES + 50; page += 1) list = list.withPage(page, ids(page * WINDOW + 1, WINDOW));
    list = list.trimmed(MAX_PAGES + 49);
    expect(list.loadedCount).toBe(MAX_PAGES * WINDOW);
    expect(list.hasPage(MAX_PAGES + 49)).toBe(true);
    expect(list.hasPage(0)).toBe(false);
    // A dropped page's ids no longer have positions (they are fetched again if shown).
    expect(list.indexOf(1)).toBe(-1);
    expect(list.indexOf((MAX_PAGES + 49) * WINDOW + 1)).toBe((MAX_PAGES + 49) * WINDOW);
  });

  it('a page fetched again after the list changed replaces the old ids and their positions', () => {
    const list = ViewIds.fresh(2 * WINDOW).withPage(0, ids(1, WINDOW)).withPage(0, ids(10_000, WINDOW));
    expect(list.indexOf(1)).toBe(-1);
    expect(list.indexOf(10_000)).toBe(0);
  });

  it('of() holds a whole small view', () => {
    const list = ViewIds.of(ids(1, 1_234));
    expect(list.complete).toBe(true);
    expect(list.at(1_233)).toBe(1_234);
  });
});
