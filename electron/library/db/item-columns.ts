/**
 * Every active item's cube values, in memory, and the user links of the library's big tags as
 * bitmaps: what the count thread counts a view of tags and cube fields from (issue 14's
 * `(rating:>=3 OR flag:pick) -label:purple taken:2010..2022 -type:video tag:X`). SQLite counts
 * such a view by visiting each of the tag's items' rows: 250,000 random reads, 250–500 ms on a
 * million items. Here it is a pass over the tag's bitmap with one array read per item.
 *
 * Each item holds the number of its cell: its month of the date sort, type, rating, label and
 * flag, the same five values as a row of the kept cube `media_facets` (migration 015). A
 * question's cube condition (db/facet-expression.ts, the same compiled SQL the cube's totals
 * use) selects the matching cube rows, and so the matching cells: the condition has one meaning,
 * SQLite's.
 *
 * The columns follow the library through the change log (migration 020): `refresh` reloads the
 * items and links changed since the last read, in the same read transaction as the count that
 * follows, so a count is exact for the snapshot it reads. Used only on the count thread (its
 * read-only connection); building reads every item (about a second per million).
 */
import type { Db } from './connection.js';
import { changesSince, latestChange } from './media-change-log.js';
import { notTrashed } from './media-columns.js';
import { USER_SOURCE } from './media-tag-repo.js';
import { orderedWalk, type DateRange, type ListSpec, type SortValue } from './media-list-query.js';
import type { SqlCondition } from './search-expression.js';
import { jsonIds, statement } from './statements.js';

export interface ColumnQuestion {
  /** All-of sets of tag ids: an item is in a set when it carries one of its tags. */
  sets: number[][];
  none: number[];
  /** null: no any-of filter. */
  any: number[] | null;
  /** The cube condition on the row `f` of media_facets; null: every active item. */
  facetWhere: SqlCondition | null;
}

/** True when the question filters by tags (not only by the cube's fields). */
export function readsTags(question: ColumnQuestion): boolean {
  return question.sets.length > 0 || question.none.length > 0 || question.any !== null;
}

/** Tags with at least this many links keep a bitmap between counts; smaller ones are read per count. */
export const KEPT_BITMAP_FROM_LINKS = 2_000;
/**
 * Tags this big get their bitmap as the columns are built: the views the columns answer are
 * those whose rarest tag set is at least this big (service/view-count.ts), and reading 250,000
 * links on a view's first count would cost what the columns save.
 */
export const BUILT_BITMAP_FROM_ITEMS = 20_000;
/** Bitmaps kept at most (the least recently used goes first): 64 MB at 5,000,000 items. */
const KEPT_BITMAP_BYTES = 64 * 1024 * 1024;

/** What the kept bitmaps may take, and which tags get theirs at the build: the constants but in tests. */
export interface BitmapRoom {
  keptBytes: number;
  builtFromItems: number;
}

const BITMAP_ROOM: BitmapRoom = { keptBytes: KEPT_BITMAP_BYTES, builtFromItems: BUILT_BITMAP_FROM_ITEMS };
/** Cube conditions whose selected cells are kept. */
const KEPT_MATCHES = 64;
/** A log longer than this fraction of the items is slower to apply than a reload. */
const RELOAD_FROM_CHANGES = 0.25;

const SEPARATOR = `char(31)`;
const cellKeySql = (month: string, alias: string) =>
  [month, `${alias}.type`, `${alias}.rating`, `${alias}.label`, `${alias}.flag`].join(` || ${SEPARATOR} || `);
const ITEM_CELL = cellKeySql(`coalesce(substr(m.sort_date, 1, 7), '')`, 'm');
const CUBE_CELL = cellKeySql('f.month', 'f');

type Bitmap = Uint32Array;

/**
 * A question as the columns test it: the cells it selects, one bitmap of the items in every
 * all-of set and the any-of set less the none-of (null: no set, and `none` is tested alone).
 */
export interface ColumnFilter {
  matches: Uint8Array;
  bits: Bitmap | null;
  none: Bitmap | null;
}

function wordsFor(capacity: number): number {
  return (capacity + 31) >>> 5;
}

function highest(ids: readonly number[]): number {
  let top = 0;
  for (const id of ids) if (id > top) top = id;
  return top;
}

function setBit(bits: Bitmap, id: number): void {
  bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
}

function clearBit(bits: Bitmap, id: number): void {
  bits[id >>> 5] = (bits[id >>> 5] as number) & ~(1 << (id & 31));
}

export class ItemColumns {
  /** Per item id: 0 when no active item has it, else its cell's number (1-based). */
  private cellOf: Uint32Array;
  private readonly cells = new Map<string, number>([['', 0]]);
  /** Each cell's month (`YYYY-MM`, '' undated), by cell number. */
  private readonly cellMonths: string[] = [''];
  private readonly keptBitmaps = new Map<number, Bitmap>();
  /** The cells each recent cube condition selects (matchingCells), by the condition's JSON. */
  private readonly keptMatches = new Map<string, Uint8Array>();
  private seq: number;
  private capacity: number;
  private active = 0;

  private constructor(
    db: Db,
    private readonly room: BitmapRoom,
  ) {
    this.seq = latestChange(db);
    const top = (statement(db, 'SELECT coalesce(max(id), 0) FROM media').pluck().get() as number) + 1;
    this.capacity = Math.ceil(top * 1.1) + 1024;
    this.cellOf = new Uint32Array(this.capacity);
    const rows = statement(db, `SELECT m.id, ${ITEM_CELL} FROM media m WHERE ${notTrashed('m.id')}`).raw().iterate();
    for (const [id, key] of rows as Iterable<[number, string]>) {
      this.cellOf[id] = this.cellNumber(key);
      this.active += 1;
    }
    // The biggest tags first, as many as the room holds: one more would push out the first
    // (the least recently used), the biggest; on 5,000,000 items that was the most used tag.
    const most = this.bitmapRoom(this.bitmapBytes);
    const big = statement(db, 'SELECT id FROM tags WHERE item_count >= ? ORDER BY item_count DESC, id LIMIT ?').pluck().all(room.builtFromItems, most) as number[];
    for (const tagId of big) this.tagBitmap(db, tagId);
  }

  /** How many bitmaps of this size are kept at most. */
  private bitmapRoom(bitmapBytes: number): number {
    return Math.max(1, Math.floor(this.room.keptBytes / bitmapBytes));
  }

  /** What one tag's bitmap takes. */
  get bitmapBytes(): number {
    return wordsFor(this.capacity) * 4;
  }

  /** The kept bitmaps' tags, the least recently used first. */
  get keptTags(): number[] {
    return [...this.keptBitmaps.keys()];
  }

  /** Items out of the trash, as the columns hold them. */
  get activeItems(): number {
    return this.active;
  }

  /** Reads every active item: call inside a read transaction, as every method here. */
  static build(db: Db, room: BitmapRoom = BITMAP_ROOM): ItemColumns {
    return new ItemColumns(db, room);
  }

  /** The columns at the connection's snapshot: these, brought up to date, or new ones when a reload is quicker (or the log was pruned past them). */
  refresh(db: Db): ItemColumns {
    const changes = changesSince(db, this.seq);
    if (!changes.complete || changes.items.length + changes.links.length > this.capacity * RELOAD_FROM_CHANGES) return ItemColumns.build(db, this.room);
    this.reloadItems(db, changes.items);
    this.reloadLinks(db, changes.links);
    this.seq = changes.latest;
    return this;
  }

  /** How many active items answer the question (`filter`: its filter, when the caller has it). */
  count(db: Db, question: ColumnQuestion, filter: ColumnFilter = this.filter(db, question)): number {
    let count = 0;
    for (const n of this.cellCounts(filter)) count += n;
    return count;
  }

  /** How many active items answer the question, by month of the date sort ('' for undated items). */
  monthCounts(db: Db, question: ColumnQuestion): Map<string, number> {
    const months = new Map<string, number>();
    const perCell = this.cellCounts(this.filter(db, question));
    for (let cell = 1; cell < perCell.length; cell += 1) {
      const n = perCell[cell] as number;
      if (n === 0) continue;
      const month = this.cellMonths[cell] as string;
      months.set(month, (months.get(month) ?? 0) + n);
    }
    return months;
  }

  /** The matching items of each cell, by cell number: a pass over the filter's bitmap (every item without one). */
  private cellCounts(filter: ColumnFilter): Uint32Array {
    const { matches, bits, none } = filter;
    const cellOf = this.cellOf;
    const perCell = new Uint32Array(this.cells.size);
    if (bits === null) {
      for (let id = 0; id < this.capacity; id += 1) {
        const cell = cellOf[id] as number;
        if (cell !== 0 && matches[cell] === 1 && (none === null || ((none[id >>> 5] as number) & (1 << (id & 31))) === 0)) perCell[cell] = (perCell[cell] as number) + 1;
      }
      return perCell;
    }
    for (let w = 0; w < bits.length; w += 1) {
      let word = bits[w] as number;
      while (word !== 0) {
        const low = word & -word;
        const cell = cellOf[(w << 5) | (31 - Math.clz32(low))] as number;
        if (cell !== 0 && matches[cell] === 1) perCell[cell] = (perCell[cell] as number) + 1;
        word ^= low;
      }
    }
    return perCell;
  }

  /**
   * The first `limit` rows (ids and sort values) of the spec's order from its cursor that answer
   * the question, read from a walk of the sort index alone (orderedWalk); null when more than
   * `maxWalk` rows would be read (a rare view: its list query drives it from its tags). A date
   * sort walks only the months of the cells the question selects (`taken:2010..2022` starts in
   * December 2022, not at the newest item).
   */
  page(
    db: Db,
    question: ColumnQuestion,
    spec: ListSpec,
    limit: number,
    maxWalk: number,
    filter: ColumnFilter = this.filter(db, question),
  ): [number, SortValue][] | null {
    const { matches, bits, none } = filter;
    const walk = orderedWalk(spec, this.monthsOf(matches));
    const cellOf = this.cellOf;
    const rows: [number, SortValue][] = [];
    let walked = 0;
    for (const row of statement(db, walk.sql).raw().iterate(walk.params) as Iterable<[number, SortValue]>) {
      walked += 1;
      if (walked > maxWalk) return null;
      const id = row[0];
      if (id >= this.capacity) continue;
      const bit = 1 << (id & 31);
      if (bits !== null && ((bits[id >>> 5] as number) & bit) === 0) continue;
      if (none !== null && ((none[id >>> 5] as number) & bit) !== 0) continue;
      const cell = cellOf[id] as number;
      if (cell === 0 || matches[cell] !== 1) continue;
      rows.push(row);
      if (rows.length >= limit) break;
    }
    return rows;
  }

  /** The months the selected cells span, as a range of the date sort; null when an undated cell is among them. */
  private monthsOf(matches: Uint8Array): DateRange | null {
    let first: string | null = null;
    let last: string | null = null;
    for (let cell = 1; cell < matches.length; cell += 1) {
      if (matches[cell] !== 1) continue;
      const month = this.cellMonths[cell] as string;
      if (month === '') return null;
      if (first === null || month < first) first = month;
      if (last === null || month > last) last = month;
    }
    if (first === null || last === null) return null;
    const [year, month] = last.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
    return { from: first, to: next };
  }

  /** The question as a ColumnFilter (read once for a count and a page of the same question). */
  filter(db: Db, question: ColumnQuestion): ColumnFilter {
    const matches = this.matchingCells(db, question.facetWhere);
    const sets = question.sets.map((set) => this.bitmapOf(db, set));
    if (question.any !== null) sets.push(this.bitmapOf(db, question.any));
    const none = question.none.length > 0 ? this.bitmapOf(db, question.none) : null;
    if (sets.length === 0) return { matches, bits: null, none };
    // A fresh array: the first set may be a kept bitmap.
    const bits = new Uint32Array(sets[0] as Bitmap);
    for (let w = 0; w < bits.length; w += 1) {
      let word = bits[w] as number;
      for (let s = 1; s < sets.length && word !== 0; s += 1) word &= (sets[s] as Bitmap)[w] as number;
      if (none !== null) word &= ~(none[w] as number);
      bits[w] = word;
    }
    return { matches, bits, none: null };
  }

  private cellNumber(key: string): number {
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = this.cells.size;
      this.cells.set(key, cell);
      this.cellMonths[cell] = key.slice(0, key.indexOf('\u001f'));
    }
    return cell;
  }

  /**
   * 1 for each cell the cube condition selects (every cell without one), by cell number. Which
   * cells a condition selects depends on the cells' values only, so the answer is kept until a
   * new cell appears: a curated library has tens of thousands of cells, and reading them all
   * for every count took longer than the count.
   */
  private matchingCells(db: Db, where: SqlCondition | null): Uint8Array {
    const key = where === null ? '' : JSON.stringify(where);
    const kept = this.keptMatches.get(key);
    if (kept !== undefined && kept.length === this.cells.size) {
      this.keptMatches.delete(key);
      this.keptMatches.set(key, kept);
      return kept;
    }
    const matches = new Uint8Array(this.cells.size);
    if (where === null) {
      matches.fill(1);
      matches[0] = 0;
    } else {
      const keys = db.prepare(`SELECT ${CUBE_CELL} FROM media_facets f WHERE ${where.sql}`).pluck().all(where.params) as string[];
      for (const cellKey of keys) {
        const cell = this.cells.get(cellKey);
        if (cell !== undefined && cell !== 0) matches[cell] = 1;
      }
    }
    this.keptMatches.set(key, matches);
    for (const old of this.keptMatches.keys()) {
      if (this.keptMatches.size <= KEPT_MATCHES) break;
      this.keptMatches.delete(old);
    }
    return matches;
  }

  /** The items carrying any of the tags, as one bitmap (a kept one when the set is one kept tag). */
  private bitmapOf(db: Db, tagIds: readonly number[]): Bitmap {
    if (tagIds.length === 1) return this.tagBitmap(db, tagIds[0] as number);
    // A branch may hold thousands of small tags: their links go straight into the union.
    const union = new Uint32Array(wordsFor(this.capacity));
    for (const tagId of tagIds) {
      const bits = this.keptBitmaps.get(tagId) ?? this.readLinks(db, tagId, union);
      if (bits === null) continue;
      for (let w = 0; w < union.length; w += 1) union[w] = (union[w] as number) | (bits[w] as number);
    }
    return union;
  }

  private tagBitmap(db: Db, tagId: number): Bitmap {
    const kept = this.keptBitmaps.get(tagId);
    if (kept !== undefined) {
      // Map order is age: a hit becomes the newest.
      this.keptBitmaps.delete(tagId);
      this.keptBitmaps.set(tagId, kept);
      return kept;
    }
    const bits = new Uint32Array(wordsFor(this.capacity));
    return this.readLinks(db, tagId, bits) ?? bits;
  }

  /**
   * A tag's links: a big tag's become a kept bitmap of its own (returned), a small tag's are
   * set in `into` (null returned).
   */
  private readLinks(db: Db, tagId: number, into: Bitmap): Bitmap | null {
    const ids = statement(db, `SELECT media_id FROM media_tags WHERE tag_id = ? AND source = '${USER_SOURCE}'`).pluck().all(tagId) as number[];
    if (ids.length < KEPT_BITMAP_FROM_LINKS) {
      for (const id of ids) if (id < this.capacity) setBit(into, id);
      return null;
    }
    const bits = new Uint32Array(wordsFor(this.capacity));
    for (const id of ids) if (id < this.capacity) setBit(bits, id);
    this.keep(tagId, bits);
    return bits;
  }

  private keep(tagId: number, bits: Bitmap): void {
    this.keptBitmaps.set(tagId, bits);
    const most = this.bitmapRoom(bits.byteLength);
    for (const old of this.keptBitmaps.keys()) {
      if (this.keptBitmaps.size <= most) break;
      this.keptBitmaps.delete(old);
    }
  }

  /** Room for ids up to `top`: the columns and every kept bitmap grow together. */
  private growTo(top: number): void {
    if (top < this.capacity) return;
    this.capacity = Math.ceil(top * 1.25) + 1024;
    const cellOf = new Uint32Array(this.capacity);
    cellOf.set(this.cellOf);
    this.cellOf = cellOf;
    for (const [tagId, bits] of this.keptBitmaps) {
      const grown = new Uint32Array(wordsFor(this.capacity));
      grown.set(bits);
      this.keptBitmaps.set(tagId, grown);
    }
  }

  private reloadItems(db: Db, ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.growTo(highest(ids));
    for (const id of ids) {
      if (this.cellOf[id] !== 0) this.active -= 1;
      this.cellOf[id] = 0;
    }
    const rows = statement(db, `SELECT m.id, ${ITEM_CELL} FROM media m WHERE m.id IN (SELECT value FROM json_each(?)) AND ${notTrashed('m.id')}`)
      .raw()
      .iterate(jsonIds(ids));
    for (const [id, key] of rows as Iterable<[number, string]>) {
      this.cellOf[id] = this.cellNumber(key);
      this.active += 1;
    }
  }

  private reloadLinks(db: Db, ids: readonly number[]): void {
    if (ids.length === 0 || this.keptBitmaps.size === 0) return;
    this.growTo(highest(ids));
    for (const bits of this.keptBitmaps.values()) for (const id of ids) clearBit(bits, id);
    const rows = statement(
      db,
      `SELECT media_id, tag_id FROM media_tags WHERE media_id IN (SELECT value FROM json_each(?)) AND source = '${USER_SOURCE}'`,
    )
      .raw()
      .iterate(jsonIds(ids));
    for (const [id, tagId] of rows as Iterable<[number, number]>) {
      const bits = this.keptBitmaps.get(tagId);
      if (bits !== undefined) setBit(bits, id);
    }
  }
}
