/**
 * `tags.tree`: every tag, depth first (a parent, then its children by level, each followed by
 * its own branch), the order the sidebar and the tag manager draw. Key order alone would not
 * do: `a b` sorts between `a` and `a/c`.
 *
 * The tree's shape (paths, parents, order, aliases, implications) changes seldom; its counts
 * change with every tagging. So the shape is kept per connection with the `tag_shape` version
 * it was built at (migration 018, moved by triggers on every shape change, whoever makes it),
 * and a call while the version stands reads only the counts: 20,000 tags in a few
 * milliseconds instead of building every node from its rows again.
 */
import type { TagNode } from '../../../shared/tag-tree.js';
import type { Db } from './connection.js';
import { allAliases } from './tag-alias-repo.js';
import { allImplications } from './tag-implication-repo.js';
import { grouped, toNode } from './tag-node-query.js';
import { TAG_COLUMNS, type TagRow } from './tag-repo.js';
import { statement } from './statements.js';

interface TreeShape {
  version: number;
  /** Nodes in drawing order, with the counts they were built with. */
  nodes: TagNode[];
  /** Position in `nodes` of each tag id. */
  indexOf: Map<number, number>;
}

const shapes = new WeakMap<Db, TreeShape>();

function shapeVersion(db: Db): number {
  return statement(db, `SELECT version FROM tag_shape`).pluck().get() as number;
}

function buildShape(db: Db, version: number): TreeShape {
  const rows = statement(db, `SELECT ${TAG_COLUMNS} FROM tags ORDER BY key DESC`).all() as TagRow[];
  const children = new Map<number | null, TagRow[]>();
  for (const row of rows) {
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row);
    else children.set(row.parent_id, [row]);
  }
  const aliases = grouped(allAliases(db), (a) => a.tag_id, (a) => a.alias);
  const implies = grouped(allImplications(db), (i) => i.tag_id, (i) => i.path);
  const nodes: TagNode[] = [];
  const visit = (parentId: number | null): void => {
    const list = children.get(parentId);
    if (!list) return;
    // Rows came in descending key order; a parent's children are then in descending level order.
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const row = list[i] as TagRow;
      // Frozen lists: every answer shares them, so no caller may change the kept shape.
      const node = toNode(row, aliases, implies);
      nodes.push({ ...node, aliases: Object.freeze(node.aliases) as string[], implies: Object.freeze(node.implies) as string[] });
      visit(row.id);
    }
  };
  visit(null);
  return { version, nodes, indexOf: new Map(nodes.map((node, index) => [node.id, index])) };
}

function rebuilt(db: Db, version: number): TagNode[] {
  const shape = buildShape(db, version);
  shapes.set(db, shape);
  return shape.nodes.map((node) => ({ ...node }));
}

export function tagTree(db: Db): TagNode[] {
  // One read transaction, so the version and the counts are of the same moment.
  return db.transaction(() => {
    const version = shapeVersion(db);
    const shape = shapes.get(db);
    if (!shape || shape.version !== version) return rebuilt(db, version);
    const counts = statement(db, `SELECT id, item_count, branch_count FROM tags`).raw().all() as [number, number, number][];
    // Only a shape change the triggers missed could bring other tags: then build it again.
    if (counts.length !== shape.nodes.length) return rebuilt(db, version);
    const out = new Array<TagNode>(shape.nodes.length);
    for (const [id, count, branchCount] of counts) {
      const index = shape.indexOf.get(id);
      if (index === undefined) return rebuilt(db, version);
      out[index] = { ...(shape.nodes[index] as TagNode), count, branchCount };
    }
    return out;
  })();
}
