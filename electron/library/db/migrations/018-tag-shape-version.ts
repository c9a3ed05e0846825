import type { Migration } from './index.js';

/**
 * A version of the tag tree's shape (issue 13's 100 ms tree): `tag_shape.version` goes up with
 * every change to what the tree draws apart from its counts: a tag added, deleted, renamed,
 * moved or recoloured, an alias or an implication added, changed or removed. `tags.tree` keeps
 * the shape it built (paths, parents, depth-first order, aliases, implications) and, while the
 * version stands, reads only the counts again: building 20,000 nodes from their rows was most
 * of its time. The triggers are on the tables, so every writer (the service, an undo, a merge,
 * another process on the same library) moves the version; counts (`item_count`,
 * `branch_count`), written on every tagging, do not fire them.
 */
const bump = 'UPDATE tag_shape SET version = version + 1;';

function bumpOn(table: string, change: string): string {
  const name = `${table}_shape_${change.split(' ')[0]?.toLowerCase()}`;
  return `CREATE TRIGGER ${name} AFTER ${change} ON ${table} BEGIN ${bump} END;`;
}

export const tagShapeVersion: Migration = {
  version: 18,
  name: 'tag-shape-version',
  sql: `
CREATE TABLE tag_shape (one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL);
INSERT INTO tag_shape (one, version) VALUES (1, 0);
${bumpOn('tags', 'INSERT')}
${bumpOn('tags', 'DELETE')}
${bumpOn('tags', 'UPDATE OF name, key, parent_id, level, level_key, colour')}
${bumpOn('tag_aliases', 'INSERT')}
${bumpOn('tag_aliases', 'DELETE')}
${bumpOn('tag_aliases', 'UPDATE')}
${bumpOn('tag_implies', 'INSERT')}
${bumpOn('tag_implies', 'DELETE')}
${bumpOn('tag_implies', 'UPDATE')}
`,
};
