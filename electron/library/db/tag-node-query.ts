/**
 * Tag rows → TagNode, as the tag list, autocomplete, the sidebar tree and the tag manager show
 * them: with aliases, direct implications and the branch's count, read for the whole batch.
 *
 * branchCount is the kept `tags.branch_count` (migration 017): the distinct active items in
 * the branch, so an item that carries `Animals/cat` and `Animals/dog` counts once in `Animals`.
 */
import type { TagListEntry, TagNode } from '../../../shared/tag-tree.js';
import type { Db } from './connection.js';
import { aliasesOf, aliasesWithPrefix, type TagAliasRow } from './tag-alias-repo.js';
import { impliesOf } from './tag-implication-repo.js';
import { getTags, keyThroughAlias, prefixSuccessor, TAG_COLUMNS, type TagRow } from './tag-repo.js';
import { statement } from './statements.js';

export function grouped<T>(rows: readonly T[], key: (row: T) => number, value: (row: T) => string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(value(row));
    else out.set(key(row), [value(row)]);
  }
  return out;
}

export function toNode(row: TagRow, aliases: Map<number, string[]>, implies: Map<number, string[]>): TagNode {
  return {
    id: row.id,
    path: row.name,
    name: row.level,
    parentId: row.parent_id,
    count: row.item_count,
    branchCount: row.branch_count,
    colour: row.colour,
    aliases: aliases.get(row.id) ?? [],
    implies: implies.get(row.id) ?? [],
  };
}

/** Nodes of some tags, in the order given. */
export function tagNodesOf(db: Db, rows: readonly TagRow[]): TagNode[] {
  const ids = rows.map((row) => row.id);
  const aliases = grouped(aliasesOf(db, ids), (a) => a.tag_id, (a) => a.alias);
  const implies = grouped(impliesOf(db, ids), (i) => i.tag_id, (i) => i.path);
  return rows.map((row) => toNode(row, aliases, implies));
}

export function tagNodeOf(db: Db, id: number): TagNode | undefined {
  const [row] = getTags(db, [id]);
  return row ? tagNodesOf(db, [row])[0] : undefined;
}

/** Tags carried by at least one active item, most used first. */
export function usedTagNodes(db: Db, limit: number): TagNode[] {
  const rows = statement(db, `SELECT ${TAG_COLUMNS} FROM tags WHERE item_count > 0 ORDER BY item_count DESC, key LIMIT ?`).all(
    limit,
  ) as TagRow[];
  return tagNodesOf(db, rows);
}

/**
 * Autocomplete. Without a `/`, the prefix matches the start of a tag's own level at any depth
 * (`par` finds `Places/France/Paris`) and the start of an alias; with one, the start of the
 * whole path (`places/fr`). Each is one range of an index: level keys, path keys, alias keys.
 * Most used first; a tag reached through an alias says which.
 */
export function autocompleteTagNodes(db: Db, keyPrefix: string, limit: number): TagListEntry[] {
  const successor = prefixSuccessor(keyPrefix);
  const column = keyPrefix.includes('/') ? 'key' : 'level_key';
  // `nyc/` with `nyc` an alias of `Places/USA/New York` offers New York's branch.
  const pathPrefix = column === 'key' ? keyThroughAlias(db, keyPrefix).key : keyPrefix;
  const direct = statement(
    db,
    `SELECT ${TAG_COLUMNS} FROM tags WHERE ${column} >= ? AND ${column} < ? ORDER BY item_count DESC, key LIMIT ?`,
  ).all(pathPrefix, pathPrefix === keyPrefix ? successor : prefixSuccessor(pathPrefix), limit) as TagRow[];
  const viaAlias: TagAliasRow[] = aliasesWithPrefix(db, keyPrefix, successor, limit);
  const seen = new Set(direct.map((row) => row.id));
  const aliasRows = getTags(db, viaAlias.map((a) => a.tag_id));
  const byId = new Map(aliasRows.map((row) => [row.id, row]));
  const entries: { row: TagRow; alias?: string }[] = direct.map((row) => ({ row }));
  for (const alias of viaAlias) {
    const row = byId.get(alias.tag_id);
    if (row && !seen.has(row.id)) {
      seen.add(row.id);
      entries.push({ row, alias: alias.alias });
    }
  }
  entries.sort((a, b) => b.row.item_count - a.row.item_count || (a.row.key < b.row.key ? -1 : a.row.key > b.row.key ? 1 : 0));
  const kept = entries.slice(0, limit);
  const nodes = tagNodesOf(
    db,
    kept.map((entry) => entry.row),
  );
  return nodes.map((node, index) => {
    const alias = kept[index]?.alias;
    return alias === undefined ? node : { ...node, viaAlias: alias };
  });
}
