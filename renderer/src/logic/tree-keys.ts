/**
 * Keyboard navigation of a tree, as WAI-ARIA's tree pattern describes it: Up/Down move between
 * visible rows, Right opens a closed node or steps into an open one, Left closes an open node
 * or steps out to the parent, Home/End go to the first/last row. Pure: the component applies
 * the answer (focus a row, open or close a node).
 */
import type { TreeRow, TreeTag } from './tag-tree.js';

export interface TreeKeyResult {
  /** The row to focus next (unchanged when absent). */
  focus?: number;
  expand?: number;
  collapse?: number;
}

export const TREE_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'] as const;

/** null: the key is not a navigation key of the tree, let it through. */
export function treeKey<T extends TreeTag>(rows: readonly TreeRow<T>[], focusId: number | null, key: string): TreeKeyResult | null {
  if (!(TREE_KEYS as readonly string[]).includes(key)) return null;
  if (rows.length === 0) return {};
  const index = focusId === null ? -1 : rows.findIndex((r) => r.node.tag.id === focusId);
  const idAt = (i: number): number => (rows[Math.max(0, Math.min(rows.length - 1, i))] as TreeRow<T>).node.tag.id;
  if (index < 0) return { focus: idAt(key === 'End' || key === 'ArrowUp' ? rows.length - 1 : 0) };
  const row = rows[index] as TreeRow<T>;
  switch (key) {
    case 'ArrowDown':
      return { focus: idAt(index + 1) };
    case 'ArrowUp':
      return { focus: idAt(index - 1) };
    case 'Home':
      return { focus: idAt(0) };
    case 'End':
      return { focus: idAt(rows.length - 1) };
    case 'ArrowRight':
      if (!row.hasChildren) return {};
      return row.expanded ? { focus: idAt(index + 1) } : { expand: row.node.tag.id };
    default: {
      // ArrowLeft
      if (row.expanded) return { collapse: row.node.tag.id };
      const parent = row.node.parent;
      return parent ? { focus: parent.tag.id } : {};
    }
  }
}

/** The next id for type-ahead: the first row after the focus whose name starts with the text. */
export function typeAhead<T extends TreeTag>(rows: readonly TreeRow<T>[], focusId: number | null, text: string): number | null {
  const wanted = text.toLocaleLowerCase();
  const start = focusId === null ? 0 : rows.findIndex((r) => r.node.tag.id === focusId) + 1;
  for (let step = 0; step < rows.length; step += 1) {
    const row = rows[(start + step) % rows.length] as TreeRow<T>;
    if (row.node.tag.name.toLocaleLowerCase().startsWith(wanted)) return row.node.tag.id;
  }
  return null;
}
