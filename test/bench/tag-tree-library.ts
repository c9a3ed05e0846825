/**
 * Grows a tag tree out of a generated library's flat tags (large-library.ts), for the tag tree
 * benchmark and its query-plan tests: 200 top-level branches, the flat tags spread over them
 * by popularity rank (rank r goes to branch r mod 200), up to 5 levels deep; aliases; and
 * implications from a tag of one branch to a tag of an earlier branch (so no cycle can form).
 * Tag ids are the flat tags' ranks + 1, as generateLargeLibrary made them.
 */
import type { Db } from '../../electron/library/db/connection.js';
import { escapeTagLevel } from '../../shared/tag-path.js';
import { tagKey } from '../../shared/tags.js';
import { random } from './large-library.js';

export const TREE_BRANCHES = 200;

export interface TagTreeShape {
  /** Top-level branch tag ids, by branch index. */
  branchIds: number[];
  /** The deepest tags (level 5). */
  leafIds: number[];
  aliases: { alias: string; tagId: number }[];
  implications: { tagId: number; impliedId: number }[];
}

/** Where the k-th tag of a branch (in rank order) hangs: its parent's index in the branch, and its depth below the top. */
function slot(k: number): { parent: number | null; depth: number } {
  if (k < 10) return { parent: null, depth: 2 };
  if (k < 40) return { parent: (k - 10) % 10, depth: 3 };
  if (k < 70) return { parent: 10 + ((k - 40) % 30), depth: 4 };
  return { parent: 40 + ((k - 70) % 30), depth: 5 };
}

export function growTagTree(db: Db, tagCount: number, aliasCount: number, implicationCount: number, seed = 11): TagTreeShape {
  const rand = random(seed);
  const rows = db.prepare(`SELECT id, level FROM tags WHERE id <= ? ORDER BY id`).all(tagCount) as { id: number; level: string }[];
  const now = new Date().toISOString();
  const insertBranch = db.prepare(`INSERT INTO tags (name, key, level, level_key, created_at) VALUES (?, ?, ?, ?, ?)`);
  const update = db.prepare(`UPDATE tags SET name = ?, key = ?, parent_id = ? WHERE id = ?`);
  const shape: TagTreeShape = { branchIds: [], leafIds: [], aliases: [], implications: [] };
  const branchOf = new Map<number, number>();
  db.transaction(() => {
    for (let b = 0; b < TREE_BRANCHES; b += 1) {
      const level = `Branch ${String(b).padStart(3, '0')}`;
      shape.branchIds.push(Number(insertBranch.run(level, tagKey(level), level, tagKey(level), now).lastInsertRowid));
    }
    const members: { id: number; level: string }[][] = Array.from({ length: TREE_BRANCHES }, () => []);
    rows.forEach((row, rank) => members[rank % TREE_BRANCHES]?.push(row));
    members.forEach((list, b) => {
      const top = { id: shape.branchIds[b] as number, name: `Branch ${String(b).padStart(3, '0')}` };
      const placed: { id: number; name: string; key: string }[] = [];
      list.forEach((row, k) => {
        const { parent, depth } = slot(k);
        const above = parent === null ? { ...top, key: tagKey(top.name) } : (placed[parent] as { id: number; name: string; key: string });
        const name = `${above.name}/${escapeTagLevel(row.level)}`;
        const key = `${above.key}/${escapeTagLevel(tagKey(row.level))}`;
        update.run(name, key, above.id, row.id);
        placed.push({ id: row.id, name, key });
        branchOf.set(row.id, b);
        if (depth === 5) shape.leafIds.push(row.id);
      });
    });
    const insertAlias = db.prepare(`INSERT OR IGNORE INTO tag_aliases (key, alias, tag_id) VALUES (?, ?, ?)`);
    for (let i = 0; i < aliasCount; i += 1) {
      const tagId = 1 + Math.floor(rand() * rows.length);
      const alias = `alias ${String(i).padStart(4, '0')}`;
      insertAlias.run(tagKey(alias), alias, tagId);
      shape.aliases.push({ alias, tagId });
    }
    const insertRule = db.prepare(`INSERT OR IGNORE INTO tag_implies (tag_id, implied_id) VALUES (?, ?)`);
    while (shape.implications.length < implicationCount) {
      const a = 1 + Math.floor(rand() * rows.length);
      const b = 1 + Math.floor(rand() * rows.length);
      if ((branchOf.get(a) ?? 0) <= (branchOf.get(b) ?? 0)) continue;
      if (insertRule.run(a, b).changes > 0) shape.implications.push({ tagId: a, impliedId: b });
    }
  })();
  return shape;
}
