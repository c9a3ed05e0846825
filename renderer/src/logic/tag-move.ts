/**
 * Moving and renaming nodes of the tag tree, worked out in the renderer before asking the
 * library: which drops are allowed, and the path a tag gets. The library checks again (and
 * refuses a move under itself with a typed error); this keeps the pointer honest while dragging.
 */
import { joinTagPath, splitTagPath } from '../../../shared/tag-path.js';
import { isInBranch, type TagTree, type TagTreeNode, type TreeTag } from './tag-tree.js';

/**
 * Why `dragged` cannot be dropped onto `target` (null: it can). `target` null is the top level.
 * A tag cannot go under itself or its own branch, and dropping where it already is does nothing.
 */
export function dropProblem(tree: TagTree, draggedId: number, targetId: number | null): string | null {
  const dragged = tree.byId.get(draggedId);
  if (!dragged) return 'That tag is no longer in the library';
  if (targetId === null) return dragged.parent === null ? `“${dragged.tag.name}” is already at the top level` : null;
  const target = tree.byId.get(targetId);
  if (!target) return 'That tag is no longer in the library';
  if (target === dragged) return 'A tag cannot be moved under itself';
  if (isInBranch(target, dragged)) return `“${dragged.tag.name}” cannot be moved under its own branch (“${target.tag.path}”)`;
  if (dragged.parent === target) return `“${dragged.tag.name}” is already under “${target.tag.path}”`;
  return null;
}

/** The path of `node` once it sits under `target` (or at the top when target is null). */
export function movedPath(node: TagTreeNode | TreeTag, target: TagTreeNode | TreeTag | null): string {
  const tag = 'tag' in node ? node.tag : node;
  const under = target === null ? null : 'tag' in target ? target.tag : target;
  return joinTagPath([...(under === null ? [] : splitTagPath(under.path)), tag.name]);
}

/**
 * The path after renaming the last level in place. The field holds the level as written in a
 * path, so `\/` is a slash inside the name and a plain `/` adds levels (`Paris/Centre` under
 * `France` makes `France/Paris/Centre`). Blank text: null (no rename).
 */
export function renamedPath(tag: TreeTag, written: string): string | null {
  const text = written.trim();
  if (text === '') return null;
  const levels = splitTagPath(tag.path);
  const parent = levels.slice(0, -1);
  return parent.length === 0 ? text : `${joinTagPath(parent)}/${text}`;
}

/** How a node's name is shown in the rename field: written as in a path (a slash as `\/`). */
export function writtenName(tag: TreeTag): string {
  return joinTagPath([tag.name]);
}
