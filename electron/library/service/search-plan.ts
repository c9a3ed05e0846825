/**
 * A search query → the parts of the list spec. The top level's AND is split: plain words go to
 * the full-text driver, a tag the item must have (one tag id) and a tag it must lack join the
 * tag filters and their plans, an OR of tags becomes a tag group that may drive the query from
 * the union of its links; everything else is compiled to one SQL condition.
 */
import type { SearchNode } from '../../../shared/search/index.js';
import { parseSearch } from '../../../shared/search/index.js';
import type { Db } from '../db/connection.js';
import { mediaIdCeiling } from '../db/media-repo.js';
import { countAllItems } from '../db/album-repo.js';
import { facetTotal } from '../db/facet-counts.js';
import { compileFacetSearch } from '../db/facet-expression.js';
import { compileSearch, countUpTo, type SqlCondition } from '../db/search-expression.js';
import { handAlbumOf } from './album-term.js';
import { tagMatchIds } from '../db/tag-match.js';
import { tagItemCounts } from '../db/tag-repo.js';

export interface SearchPlan {
  /** Unquoted words, for the full-text index (joined with the filter's text). */
  words: string[];
  tagsAll: { id: number; count: number }[];
  tagsNone: number[];
  groups: { ids: number[]; count: number }[];
  expression: SqlCondition | null;
  /** The same condition for a page sorted by `pageSort` (see db/search-expression.ts). */
  pageExpression: SqlCondition | null;
  /** A tag the item must have does not exist: nothing matches. */
  empty: boolean;
  /** The part of the query compiled to `expression`, as a tree (for counts from kept tables). */
  rest: SearchNode | null;
}

function conjuncts(node: SearchNode): SearchNode[] {
  return node.kind === 'and' ? node.children.flatMap(conjuncts) : [node];
}

/** The tag a node names when it is a plain tag term. */
function tagOf(node: SearchNode): string | null {
  return node.kind === 'term' && node.term.field === 'tag' ? node.term.value : null;
}

export function planSearch(db: Db, query: string | undefined, now: Date, pageSort: string): SearchPlan {
  const plan: SearchPlan = { words: [], tagsAll: [], tagsNone: [], groups: [], expression: null, pageExpression: null, empty: false, rest: null };
  const root = parseSearch(query ?? '');
  if (root === null) return plan;
  const rest: SearchNode[] = [];
  for (const node of conjuncts(root)) {
    const tag = tagOf(node);
    const negated = node.kind === 'not' ? tagOf(node.child) : null;
    const anyOf = node.kind === 'or' && node.children.every((child) => tagOf(child) !== null)
      ? node.children.map((child) => tagOf(child) as string)
      : null;
    if (node.kind === 'text' && !node.quoted) {
      plan.words.push(node.text);
    } else if (tag !== null || anyOf !== null) {
      const ids = [...new Set((anyOf ?? [tag as string]).flatMap((name) => tagMatchIds(db, name)))];
      if (ids.length === 0) plan.empty = true;
      const counts = tagItemCounts(db, ids);
      if (ids.length === 1) plan.tagsAll.push({ id: ids[0] as number, count: counts[0] ?? 0 });
      else plan.groups.push({ ids, count: counts.reduce((sum, count) => sum + count, 0) });
    } else if (negated !== null) {
      plan.tagsNone.push(...tagMatchIds(db, negated));
    } else {
      rest.push(node);
    }
  }
  if (rest.length > 0) {
    const node: SearchNode = rest.length === 1 ? (rest[0] as SearchNode) : { kind: 'and', children: rest, start: 0, end: 0 };
    plan.rest = node;
    plan.expression = compileSearch(node, { db, now });
    const walking = compileSearch(node, { db, now, pageSort });
    // Nothing kept off an index (no such column in the query): no choice to make, no count to pay.
    const choice = walking.sql !== plan.expression.sql;
    // Sizes kept elsewhere are cheaper than a capped count: a hand-made album's is a range
    // count of its key, a search of the cube's fields is a sum of its rows (db/facet-counts.ts).
    const album = handAlbumOf(db, node);
    const onCube = album === null ? compileFacetSearch(node) : null;
    const rare =
      album !== null
        ? () => isRare(db, countAllItems(db, album))
        : onCube !== null
          ? () => isRare(db, facetTotal(db, { coversOnly: false, facetWhere: onCube, mediaWhere: null }))
          : () => rareEnough(db, plan.expression as SqlCondition);
    plan.pageExpression = choice && !rare() ? walking : plan.expression;
  }
  return plan;
}

/**
 * Whether a page should let SQLite read the condition's matches from their index and sort
 * them, rather than walk the sort index: yes when there are few, by the rule chooseDriver
 * uses for a tag (matches² < page × items; on 1,000,000 items, under 10,000 matches). With a
 * label and a rating that is one range of media_by_label_rating; counting stops at the cap.
 */
function rareEnough(db: Db, condition: SqlCondition): boolean {
  return isRare(db, countUpTo(db, condition, rareCap(db)));
}

function rareCap(db: Db): number {
  return Math.ceil(Math.sqrt(PAGE_ESTIMATE * Math.max(1, mediaIdCeiling(db))));
}

function isRare(db: Db, matches: number): boolean {
  return matches < rareCap(db);
}

/** The page size the estimate assumes (the gallery's and the API's default). */
const PAGE_ESTIMATE = 100;
