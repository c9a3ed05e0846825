/**
 * The tag tree the sidebar and the tag manager draw, built from the library's flat list of
 * tags (`tags.tree`: every tag with its parent id, ordered by path). Pure: no store, no DOM.
 */
import { splitTagPath, tagPathKey } from '../../../shared/tag-path.js';
import { tagKey } from '../../../shared/tags.js';

/** What the tree needs of a tag; the contract's TagNode has these fields (and more). */
export interface TreeTag {
  id: number;
  path: string;
  name: string;
  parentId: number | null;
  count: number;
  branchCount: number;
  colour: string | null;
  aliases?: readonly string[];
  implies?: readonly string[];
}

export interface TagTreeNode<T extends TreeTag = TreeTag> {
  tag: T;
  children: TagTreeNode<T>[];
  parent: TagTreeNode<T> | null;
  depth: number;
  /** Name, path and aliases, folded as tags compare, for the typed filter (computed once per build). */
  searchText: string;
  sortKey: string;
}

export interface TagTree<T extends TreeTag = TreeTag> {
  roots: TagTreeNode<T>[];
  byId: ReadonlyMap<number, TagTreeNode<T>>;
  /** By path key (each level case- and Unicode-folded), to find the node of a written path. */
  byKey: ReadonlyMap<string, TagTreeNode<T>>;
}

/** tagPathKey of a written path; printable ASCII without a backslash has nothing to unescape or normalise. */
export function pathKey(path: string): string {
  return ASCII.test(path) && !path.includes('\\') ? path.toLowerCase() : tagPathKey(splitTagPath(path));
}

const ASCII = /^[\x20-\x7e]*$/u;
const HAS_DIGIT = /\d/u;

/**
 * The same fold as tagKey (tags that differ only in case or Unicode form are one tag), with a
 * fast path: for printable ASCII, NFC changes nothing and lower-casing is the whole fold.
 * String.normalize costs several µs a call, which was most of building a 20,000-tag tree.
 */
export function foldTagText(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : tagKey(text);
}

/**
 * Siblings sort by a key made once per tag: the folded name with every run of digits padded, so
 * `tag 2` comes before `tag 10`. Comparing keys is a plain string comparison; a collator
 * (`localeCompare` with options) cost about 1 µs a comparison, a third of a second for 20,000 tags.
 */
export function nameSortKey(name: string): string {
  const folded = foldTagText(name);
  return HAS_DIGIT.test(folded) ? folded.replace(/\d+/gu, (digits) => digits.padStart(12, '0')) : folded;
}
const byName = (a: TagTreeNode, b: TagTreeNode): number => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);

// A separator no folded tag text contains, so a match never spans two of the joined parts.
const PART = '\u0000';

/**
 * Links each tag under its parent, siblings sorted by name. A tag whose parent is not in the
 * list (a list cut short, or a parent deleted meanwhile) is shown at the top rather than lost.
 */
export function buildTagTree<T extends TreeTag>(tags: readonly T[]): TagTree<T> {
  const byId = new Map<number, TagTreeNode<T>>();
  for (const tag of tags) {
    const searchText = [tag.name, tag.path, ...(tag.aliases ?? [])].map(foldTagText).join(PART);
    byId.set(tag.id, { tag, children: [], parent: null, depth: 0, searchText, sortKey: nameSortKey(tag.name) });
  }
  const roots: TagTreeNode<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.tag.parentId === null ? undefined : byId.get(node.tag.parentId);
    // A parent id pointing into its own branch would loop forever below; such a node is a root.
    if (parent && !isInBranch(parent, node)) {
      node.parent = parent;
      parent.children.push(node);
    } else roots.push(node);
  }
  const sortAndDepth = (nodes: TagTreeNode<T>[], depth: number): void => {
    nodes.sort(byName);
    for (const node of nodes) {
      node.depth = depth;
      sortAndDepth(node.children, depth + 1);
    }
  };
  sortAndDepth(roots, 0);
  const byKey = new Map<string, TagTreeNode<T>>();
  for (const node of byId.values()) byKey.set(pathKey(node.tag.path), node);
  return { roots, byId, byKey };
}

/** True when `node` is `ancestor` or lies beneath it (walks up through the parents already linked). */
export function isInBranch(node: TagTreeNode, ancestor: TagTreeNode): boolean {
  for (let at: TagTreeNode | null = node; at !== null; at = at.parent) if (at === ancestor) return true;
  return false;
}

export function ancestorsOf<T extends TreeTag>(node: TagTreeNode<T>): TagTreeNode<T>[] {
  const out: TagTreeNode<T>[] = [];
  for (let at = node.parent; at !== null; at = at.parent) out.push(at);
  return out;
}

export interface TreeFilter {
  /** Tags that match the text themselves. */
  matches: ReadonlySet<number>;
  /** Matches and their ancestors: what stays visible. */
  visible: ReadonlySet<number>;
}

/**
 * Filters by typed text: a tag matches when its name, its path or one of its aliases contains
 * the text (case and Unicode form folded, as tags compare); its ancestors stay visible so the
 * match is seen where it lives. `unusedOnly` keeps tags whose whole branch has no item.
 * Returns null when nothing filters.
 */
export function filterTagTree<T extends TreeTag>(tree: TagTree<T>, text: string, unusedOnly = false): TreeFilter | null {
  const needle = text.trim() === '' ? '' : foldTagText(text);
  if (needle === '' && !unusedOnly) return null;
  const matches = new Set<number>();
  const visible = new Set<number>();
  for (const node of tree.byId.values()) {
    const { tag } = node;
    if (unusedOnly && tag.branchCount > 0) continue;
    if (needle !== '' && !node.searchText.includes(needle)) continue;
    matches.add(tag.id);
    for (let at: TagTreeNode<T> | null = node; at !== null && !visible.has(at.tag.id); at = at.parent) visible.add(at.tag.id);
  }
  return { matches, visible };
}

/** One line of a drawn tree, with what ARIA's treeitem wants to know about it. */
export interface TreeRow<T extends TreeTag = TreeTag> {
  node: TagTreeNode<T>;
  /** 1-based, as aria-level. */
  level: number;
  hasChildren: boolean;
  expanded: boolean;
  /** aria-posinset / aria-setsize among the visible siblings. */
  position: number;
  siblings: number;
}

/**
 * The rows a person sees, top to bottom: a node's children follow it when it is expanded. With
 * a filter, only its visible nodes are drawn and every ancestor of a match is open. `include`
 * leaves nodes out (with their branch) without opening anything.
 */
export function visibleRows<T extends TreeTag>(
  tree: TagTree<T>,
  expanded: ReadonlySet<number>,
  filter: TreeFilter | null = null,
  include: (tag: T) => boolean = () => true,
): TreeRow<T>[] {
  const rows: TreeRow<T>[] = [];
  const keep = (n: TagTreeNode<T>): boolean => (filter === null || filter.visible.has(n.tag.id)) && include(n.tag);
  const walk = (nodes: readonly TagTreeNode<T>[]): void => {
    const shown = nodes.filter(keep);
    shown.forEach((node, index) => {
      const children = node.children.filter(keep);
      const open = children.length > 0 && (filter !== null || expanded.has(node.tag.id));
      rows.push({ node, level: node.depth + 1, hasChildren: children.length > 0, expanded: open, position: index + 1, siblings: shown.length });
      if (open) walk(node.children);
    });
  };
  walk(tree.roots);
  return rows;
}

/** The ids that must be open for `id` to be seen (to reveal a tag found elsewhere). */
export function expandedToReveal(tree: TagTree, id: number, expanded: ReadonlySet<number>): Set<number> {
  const node = tree.byId.get(id);
  const next = new Set(expanded);
  if (node) for (const ancestor of ancestorsOf(node)) next.add(ancestor.tag.id);
  return next;
}
