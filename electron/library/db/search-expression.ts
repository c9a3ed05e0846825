/**
 * A search tree → one SQL condition on the list query's item `m`, with every value bound.
 * Tag terms become "any of these tag ids" (tag-match.ts says which); a name that matches no
 * tag, album or metadata is a condition that is never true, not an error, as a filter on a
 * missing tag already is.
 *
 * A page (ORDER BY the sort column, LIMIT) may want another plan than a count of the same
 * condition. When the condition holds for many items, a page is fastest walking the sort index
 * in order and stopping after the limit; but SQLite, without statistics, takes any index that
 * has a range of the condition (rating, label, another sort column) and then sorts every
 * match: `rating:>=4` on 1,000,000 items took 0.25 s that way. For such a page the condition is
 * compiled with a unary `+` on those columns (SQLite's documented way to keep a term off an
 * index); the service decides from a capped count (see countUpTo), as chooseDriver does for tags.
 */
import { FolioError } from '../../../shared/errors.js';
import type { DateTest, NumberTest, SearchNode, Span, Term } from '../../../shared/search/index.js';
import { ageStart, dateEnd, dateStart, parseSearch } from '../../../shared/search/index.js';
import { albumsNamed, type AlbumRow } from './album-repo.js';
import { ConditionCompiler } from './condition-compiler.js';
import type { Db } from './connection.js';
import { notTrashed } from './media-columns.js';
import { USER_SOURCE } from './media-tag-repo.js';
import { nearDuplicateIds } from './near-duplicate-members.js';
import { sortColumnSql } from './media-list-query.js';
import { findTags } from './tag-repo.js';
import { tagMatchIds } from './tag-match.js';

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

export interface CompileContext {
  db: Db;
  /** For ages (`added:<7d`). */
  now: Date;
  /** For a page: the column it is sorted by (its range may use the sort index; no other may). */
  pageSort?: string;
  /** The smart album whose saved search this is (so that a search naming it is a loop). */
  within?: Pick<AlbumRow, 'id' | 'name'>;
}

/** Columns with an index that would pull a page's plan off the sort index. */
const INDEXED = new Set(['rating', 'label', 'sort_date', 'created_at', 'file_size', 'name_key']);

const NEVER = '0';

/** A smart album whose search reaches itself (directly or through others): `loop` names the way round. */
export class SmartAlbumLoop extends FolioError {
  constructor(
    message: string,
    readonly loop: string[],
    options: { field: string; details: { position: number; length: number } },
  ) {
    super('INVALID_ARGUMENT', message, options);
  }
}

class Compiler extends ConditionCompiler {
  /** The smart albums being expanded, outermost first (see album()). */
  private readonly expanding: Pick<AlbumRow, 'id' | 'name'>[];
  /** Where the outermost `album:` term being expanded was written: errors inside point there. */
  private expandedAt: Span | null = null;

  constructor(private readonly ctx: CompileContext) {
    super('sq');
    this.expanding = ctx.within === undefined ? [] : [ctx.within];
  }

  /** `m.<column>`, kept off its index in a page's condition unless it is the sort column. */
  private col(column: string): string {
    const page = this.ctx.pageSort;
    const offIndex = page !== undefined && INDEXED.has(column) && column !== page;
    // The date order is written as its index holds it (sortColumnSql).
    if (column === 'sort_date') return sortColumnSql('sort_date', offIndex);
    return offIndex ? `+m.${column}` : `m.${column}`;
  }

  /**
   * `album:"Name"`: in a hand-made album it names, or found by a smart album it names (its
   * saved search, expanded in place, so it is planned and counted as if written out). A smart
   * album reached again while it is being expanded is a loop: INVALID_ARGUMENT naming it.
   */
  private album(name: string, span: Span): string {
    const { albumIds, smart } = albumsNamed(this.ctx.db, name);
    const parts: string[] = [];
    if (albumIds.length > 0) {
      const inAlbum = albumIds.length === 1 ? `= ${this.bind(albumIds[0])}` : `IN (SELECT value FROM json_each(${this.bind(JSON.stringify(albumIds))}))`;
      // A count (or a page of a small album) starts from the album's rows, a range of its key;
      // a page of a large one walks the sort index and probes each item's albums instead (the
      // service chooses by a capped count, as for any condition with an index of its own).
      parts.push(
        this.ctx.pageSort === undefined
          ? `m.id IN (SELECT ai.media_id FROM album_items ai WHERE ai.album_id ${inAlbum})`
          : `EXISTS (SELECT 1 FROM album_items ai WHERE ai.media_id = m.id AND ai.album_id ${inAlbum})`,
      );
    }
    const outermost = this.expandedAt === null;
    if (outermost) this.expandedAt = span;
    try {
      for (const row of smart) parts.push(this.smartAlbum(row));
    } finally {
      if (outermost) this.expandedAt = null;
    }
    if (parts.length === 0) return NEVER;
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
  }

  private smartAlbum(row: AlbumRow): string {
    const at = this.expanding.findIndex((album) => album.id === row.id);
    if (at !== -1) {
      const loop = [...this.expanding.slice(at), row].map((album) => album.name);
      throw this.expansionError(`The smart album "${row.name}" refers to itself: ${loop.map((name) => `"${name}"`).join(' → ')}`, loop);
    }
    let root: SearchNode | null;
    try {
      root = parseSearch(row.query ?? '');
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      throw this.expansionError(`The search of the smart album "${row.name}" is not valid: ${error.message}`);
    }
    // A blank search is no filter: the smart album holds every active item.
    if (root === null) return '1';
    this.expanding.push(row);
    try {
      return this.node(root);
    } finally {
      this.expanding.pop();
    }
  }

  private expansionError(message: string, loop?: string[]): FolioError {
    const span = this.expandedAt ?? { start: 0, end: 0 };
    const options = { field: 'filter.query', details: { position: span.start, length: Math.max(1, span.end - span.start) } };
    const text = `${message} (at character ${span.start + 1})`;
    return loop === undefined ? new FolioError('INVALID_ARGUMENT', text, options) : new SmartAlbumLoop(text, loop, options);
  }

  protected override not(child: SearchNode): string {
    // These columns are NOT NULL; `<>` keeps the common side (`-flag:reject`) off any index.
    if (child.kind === 'term' && (child.term.field === 'label' || child.term.field === 'flag' || child.term.field === 'type')) {
      return `m.${child.term.field} <> ${this.bind(child.term.value)}`;
    }
    // Columns that may be NULL (width, camera, …): see ConditionCompiler.not.
    return super.not(child);
  }

  private links(ids: readonly number[], source: 'user' | 'ai', extra = ''): string {
    if (ids.length === 0) return NEVER;
    const bySource = source === 'user' ? `t.source = '${USER_SOURCE}'` : `t.source <> '${USER_SOURCE}'`;
    const tag = ids.length === 1 ? `t.tag_id = ${this.bind(ids[0])}` : `t.tag_id IN (SELECT value FROM json_each(${this.bind(JSON.stringify(ids))}))`;
    return `EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND ${bySource} AND ${tag}${extra})`;
  }

  private number(column: string, test: NumberTest): string {
    if (test.kind === 'range') return `${column} BETWEEN ${this.bind(test.from)} AND ${this.bind(test.to)}`;
    return `${column} ${test.op} ${this.bind(test.value)}`;
  }

  /** Dates as half-open ranges of ISO text: `2023-06` is [2023-06-01, 2023-07-01). */
  private date(column: string, test: DateTest): string {
    if (test.kind === 'age') {
      // `<7d`: younger than seven days, so added after the instant seven days ago.
      const since = this.bind(ageStart(this.ctx.now, test.amount, test.unit));
      const flipped = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '>=' }[test.op];
      return `${column} ${flipped} ${since}`;
    }
    if (test.kind === 'range') return `(${column} >= ${this.bind(dateStart(test.from))} AND ${column} < ${this.bind(dateEnd(test.to))})`;
    const start = dateStart(test.value);
    const end = dateEnd(test.value);
    switch (test.op) {
      case '=':
        return `(${column} >= ${this.bind(start)} AND ${column} < ${this.bind(end)})`;
      case '<':
        return `${column} < ${this.bind(start)}`;
      case '<=':
        return `${column} < ${this.bind(end)}`;
      case '>':
        return `${column} >= ${this.bind(end)}`;
      case '>=':
        return `${column} >= ${this.bind(start)}`;
    }
  }

  private contains(value: string): string {
    return this.bind(`%${value.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`);
  }

  /** Words of three or more characters go to the trigram index; shorter ones are LIKE patterns. */
  protected text(text: string): string {
    const words = text.normalize('NFC');
    if ([...words].length >= 3) {
      return `m.id IN (SELECT rowid FROM media_text WHERE media_text MATCH ${this.bind(`"${words.replaceAll('"', '""')}"`)})`;
    }
    const like = this.contains(words);
    return `(m.name LIKE ${like} ESCAPE '\\' OR m.description LIKE ${like} ESCAPE '\\')`;
  }

  protected term(term: Term, span: Span): string {
    switch (term.field) {
      case 'tag':
        return this.links(tagMatchIds(this.ctx.db, term.value), 'user');
      case 'ai': {
        const ids = findTags(this.ctx.db, [term.value]).map((tag) => tag.id);
        const confidence = term.confidence === null ? '' : ` AND ${this.number('t.confidence', term.confidence)}`;
        return this.links(ids, 'ai', confidence);
      }
      case 'rating':
        return this.number(this.col('rating'), term.test);
      case 'width':
        return this.number('m.width', term.test);
      case 'height':
        return this.number('m.height', term.test);
      case 'size':
        return this.number(this.col('file_size'), term.test);
      case 'label':
        return `${this.col('label')} = ${this.bind(term.value)}`;
      case 'flag':
        return `m.flag = ${this.bind(term.value)}`;
      case 'type':
        return `m.type = ${this.bind(term.value)}`;
      case 'is':
        if (term.value === 'missing' || term.value === 'offline') return `m.availability = ${this.bind(term.value)}`;
        if (term.value === 'untagged') return `NOT EXISTS (SELECT 1 FROM media_tags t WHERE t.media_id = m.id AND t.source = '${USER_SOURCE}')`;
        return `m.file_state = ${this.bind(term.value)}`;
      case 'album':
        return this.album(term.value, span);
      case 'taken':
        // The date taken, else the file's time: what the gallery sorts and the timeline counts by.
        return this.date(this.col('sort_date'), term.test);
      case 'added':
        return this.date(this.col('created_at'), term.test);
      case 'camera': {
        const like = this.contains(term.value);
        return `(m.camera_make LIKE ${like} ESCAPE '\\' OR m.camera_model LIKE ${like} ESCAPE '\\')`;
      }
      case 'folder': {
        const like = this.contains(term.value);
        return `(m.display_path LIKE ${like} ESCAPE '\\')`;
      }
      case 'name':
        return `m.name LIKE ${this.contains(term.value)} ESCAPE '\\'`;
      case 'format': {
        const ext = this.bind(`%.${term.value.replace(/[\\%_]/gu, (c) => `\\${c}`)}`);
        return `(lower(m.format) = ${this.bind(term.value)} OR m.original_name LIKE ${ext} ESCAPE '\\')`;
      }
      case 'has':
        if (term.value === 'gps') return `m.gps_lat IS NOT NULL`;
        if (term.value === 'description') return `m.description <> ''`;
        return `json_type(m.metadata, ${this.bind(`$.${JSON.stringify(term.value.slice('metadata.'.length))}`)}) IS NOT NULL`;
      case 'duplicate':
        // Near: a picture whose perceptual hash is within the default distance of another's
        // (db/near-duplicate-members.ts compares every pair of contents, so it is read once here).
        if (term.value === 'near') return `m.id IN (SELECT value FROM json_each(${this.bind(JSON.stringify(nearDuplicateIds(this.ctx.db)))}))`;
        return `(m.md5 IS NOT NULL AND EXISTS (SELECT 1 FROM media d2 WHERE d2.md5 = m.md5 AND d2.id <> m.id AND ${notTrashed('d2.id')}))`;
    }
  }
}

/**
 * How many active items match, counting no further than `cap`: a selectivity estimate that
 * costs at most `cap` index entries when an index serves the condition.
 */
export function countUpTo(db: Db, condition: SqlCondition, cap: number): number {
  const sql = `SELECT count(*) FROM (SELECT 1 FROM media m WHERE ${notTrashed('m.id')} AND ${condition.sql} LIMIT @capRows)`;
  return db.prepare(sql).pluck().get({ ...condition.params, capRows: cap }) as number;
}

/** The tree as one condition on `m`. */
export function compileSearch(node: SearchNode, ctx: CompileContext): SqlCondition {
  const compiler = new Compiler(ctx);
  const sql = compiler.node(node);
  return { sql, params: compiler.params };
}
