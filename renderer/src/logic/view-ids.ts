/**
 * The gallery's ids by position, loaded in windows: a view of 5,000,000 items is a length and
 * the few pages of ids around where the user looks, never the whole list (which was 40 MB of
 * JSON and a second of parsing per view change). Pages are WINDOW positions long; past
 * MAX_PAGES the pages farthest from the latest wish are dropped (and fetched again if shown).
 *
 * One ViewIds per state of the list: the pages live in a store shared by the successive
 * ViewIds of one answer to a query, and each page that arrives makes a new ViewIds over it
 * (so React sees a change) without copying the pages.
 */

/** Positions per page of ids (one window call asks for one or a few pages). */
export const WINDOW = 500;
/** Pages kept at most: 400 × 500 ids, about 3 MB with the position map. */
export const MAX_PAGES = 400;

/** What the selection rules and the grid need of an ordered id list (IdIndex has it for a full array). */
export interface PositionIndex {
  readonly length: number;
  at(position: number): number | undefined;
  indexOf(id: number): number;
  has(id: number): boolean;
  /** True when every position from…to (inclusive) has its id here. */
  loaded(from: number, to: number): boolean;
  /** Ids from…to (inclusive); positions not loaded are left out. */
  slice(from: number, to: number): number[];
}

class PageStore {
  readonly pages = new Map<number, readonly number[]>();
  readonly positions = new Map<number, number>();

  put(page: number, ids: readonly number[]): void {
    this.drop(page);
    this.pages.set(page, ids);
    ids.forEach((id, i) => this.positions.set(id, page * WINDOW + i));
  }

  drop(page: number): void {
    const old = this.pages.get(page);
    if (old === undefined) return;
    this.pages.delete(page);
    old.forEach((id, i) => {
      if (this.positions.get(id) === page * WINDOW + i) this.positions.delete(id);
    });
  }
}

export class ViewIds implements PositionIndex {
  private constructor(
    private readonly store: PageStore,
    readonly length: number,
  ) {}

  static empty(): ViewIds {
    return new ViewIds(new PageStore(), 0);
  }

  /** A new list of `total` items (a new query's answer, or the library changed). */
  static fresh(total: number): ViewIds {
    return new ViewIds(new PageStore(), total);
  }

  /** A whole list at once (tests, small views). */
  static of(ids: readonly number[]): ViewIds {
    let list = ViewIds.fresh(ids.length);
    for (let page = 0; page * WINDOW < ids.length; page += 1) list = list.withPage(page, ids.slice(page * WINDOW, (page + 1) * WINDOW));
    return list;
  }

  /** This list with one more page of ids (positions page × WINDOW …). */
  withPage(page: number, ids: readonly number[]): ViewIds {
    this.store.put(page, ids);
    return new ViewIds(this.store, this.length);
  }

  /** Drops the pages farthest from `near` (a page number) beyond MAX_PAGES. */
  trimmed(near: number, maxPages = MAX_PAGES): ViewIds {
    if (this.store.pages.size <= maxPages) return this;
    const byDistance = [...this.store.pages.keys()].sort((a, b) => Math.abs(b - near) - Math.abs(a - near));
    for (const page of byDistance.slice(0, this.store.pages.size - maxPages)) this.store.drop(page);
    return new ViewIds(this.store, this.length);
  }

  hasPage(page: number): boolean {
    return this.store.pages.has(page);
  }

  get loadedCount(): number {
    let count = 0;
    for (const page of this.store.pages.values()) count += page.length;
    return count;
  }

  /** Every id of the view is here (a small view, or one scrolled through whole). */
  get complete(): boolean {
    return this.loaded(0, this.length - 1);
  }

  at(position: number): number | undefined {
    if (position < 0 || position >= this.length) return undefined;
    return this.store.pages.get(Math.floor(position / WINDOW))?.[position % WINDOW];
  }

  indexOf(id: number): number {
    return this.store.positions.get(id) ?? -1;
  }

  has(id: number): boolean {
    return this.store.positions.has(id);
  }

  loaded(from: number, to: number): boolean {
    const last = Math.min(to, this.length - 1);
    if (last < from) return true;
    for (const page of pagesCovering(Math.max(0, from), last)) {
      const ids = this.store.pages.get(page);
      if (ids === undefined) return false;
      // A short page (the last one, or an answer cut by items leaving) must still reach `to`.
      if (page * WINDOW + ids.length - 1 < Math.min(to, this.length - 1, page * WINDOW + WINDOW - 1)) return false;
    }
    return true;
  }

  slice(from: number, to: number): number[] {
    const out: number[] = [];
    for (let position = Math.max(0, from); position <= Math.min(to, this.length - 1); position += 1) {
      const id = this.at(position);
      if (id !== undefined) out.push(id);
    }
    return out;
  }

  /** Pages touching positions from…to that are not loaded, nearest to `from` first. */
  missingPages(from: number, to: number): number[] {
    return pagesCovering(Math.max(0, from), Math.min(to, this.length - 1)).filter((page) => !this.store.pages.has(page));
  }
}

/** The page numbers holding positions from…to (inclusive). */
export function pagesCovering(from: number, to: number): number[] {
  if (to < from) return [];
  const pages: number[] = [];
  for (let page = Math.floor(from / WINDOW); page <= Math.floor(to / WINDOW); page += 1) pages.push(page);
  return pages;
}

/**
 * Runs of neighbouring pages (ascending), each at most `maxPages` long: one window call each,
 * so a screen that needs three adjacent pages costs one round trip.
 */
export function pageRuns(pages: readonly number[], maxPages: number): { first: number; count: number }[] {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: { first: number; count: number }[] = [];
  for (const page of sorted) {
    const last = runs.at(-1);
    if (last && last.first + last.count === page && last.count < maxPages) last.count += 1;
    else runs.push({ first: page, count: 1 });
  }
  return runs;
}
