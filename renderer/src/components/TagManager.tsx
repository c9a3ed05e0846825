import { useEffect, useId, useMemo, useState } from 'react';
import { deleteTag, deleteTags, mergeTags } from '../actions/tag-vocabulary.js';
import { filterTagTree, visibleRows } from '../logic/tag-tree.js';
import { useStore } from '../store/store.js';
import type { TagNode } from '../store/tag-tree-slice.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { TagDetails } from './TagDetails.js';
import { TagManagerTree, type TreeState } from './TagManagerTree.js';

type Confirm = { kind: 'one'; tag: TagNode } | { kind: 'unused'; tags: TagNode[] };

const MAX_ROWS = 1_500;

const items = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'item' : 'items'}`;

/** The library deletes the whole branch: the count is the branch's, and the tags beneath are named. */
function deleteText(tag: TagNode, children: number): string {
  const beneath = children === 0 ? 'It' : 'It and every tag beneath it';
  return `${beneath} will be removed from ${items(tag.branchCount)}. You can undo this (Ctrl+Z).`;
}

function MergePanel({ tags, onDone }: { tags: TagNode[]; onDone(): void }) {
  const [intoId, setIntoId] = useState<number>(tags[0]?.id ?? 0);
  const id = useId();
  const into = tags.find((t) => t.id === intoId) ?? tags[0];
  return (
    <section className="tag-details" aria-label="Merge the selected tags">
      <h3 className="tag-details-title">{tags.length} tags selected</h3>
      <p className="hint">Merging moves every item of the others onto one tag (no item gets it twice) and removes the others.</p>
      <label htmlFor={id}>Merge into</label>
      <select id={id} value={into?.id} onChange={(e) => setIntoId(Number(e.target.value))}>
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.path}
          </option>
        ))}
      </select>
      <div className="tag-details-actions">
        <button type="button" disabled={!into} onClick={() => void (into && mergeTags(tags, into).then((done) => done && onDone()))}>
          Merge {tags.length} tags
        </button>
      </div>
    </section>
  );
}

/**
 * The tag manager: the whole vocabulary as a tree with its counts, filtered by typing, with the
 * focused tag's details beside it. Every change goes through the app's undo (Ctrl+Z).
 */
export function TagManager() {
  const tree = useStore((s) => s.tagTree);
  const [filterText, setFilterText] = useState('');
  const [unusedOnly, setUnusedOnly] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [focusId, setFocusId] = useState<number | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const filterId = useId();
  const unusedId = useId();

  const filter = useMemo(() => filterTagTree(tree, filterText, unusedOnly), [tree, filterText, unusedOnly]);
  const allRows = useMemo(() => visibleRows(tree, expanded, filter), [tree, expanded, filter]);
  // A filter can open thousands of branches at once; the tree draws the first rows, and says so.
  const rows = useMemo(() => (allRows.length > MAX_ROWS ? allRows.slice(0, MAX_ROWS) : allRows), [allRows]);

  // Tags that went away (merged, deleted, reloaded with other ids) leave the focus and the selection.
  useEffect(() => {
    if (focusId !== null && !tree.byId.has(focusId)) setFocusId(null);
    setSelected((ids) => ([...ids].every((i) => tree.byId.has(i)) ? ids : new Set([...ids].filter((i) => tree.byId.has(i)))));
  }, [tree, focusId]);

  const state: TreeState = {
    rows,
    focusId,
    selected,
    setFocus: setFocusId,
    setSelected,
    expand: (id) => setExpanded((open) => new Set([...open, id])),
    collapse: (id) => setExpanded((open) => new Set([...open].filter((i) => i !== id))),
    toggle: (id) => setExpanded((open) => (open.has(id) ? new Set([...open].filter((i) => i !== id)) : new Set([...open, id]))),
    onDelete: (tag) => setConfirm({ kind: 'one', tag }),
  };

  const focusNode = focusId === null ? undefined : tree.byId.get(focusId);
  const selectedTags = [...selected].map((i) => tree.byId.get(i)?.tag).filter((t): t is TagNode => t !== undefined);
  // Deepest first, so a tag is deleted before the (also unused) branch above it.
  const unusedTags =
    unusedOnly && filter
      ? [...filter.matches]
          .map((i) => tree.byId.get(i))
          .filter((n) => n !== undefined)
          .sort((a, b) => b.depth - a.depth)
          .map((n) => n.tag)
      : [];

  return (
    <div className="tag-manager">
      <div className="tag-manager-header">
        <h2>Tag manager</h2>
        <label htmlFor={filterId} className="visually-hidden">
          Filter tags
        </label>
        <input id={filterId} type="search" placeholder="Filter tags…" value={filterText} spellCheck={false} onChange={(e) => setFilterText(e.target.value)} />
        <label className="checkbox-label" htmlFor={unusedId}>
          <input id={unusedId} type="checkbox" checked={unusedOnly} onChange={(e) => setUnusedOnly(e.target.checked)} />
          Unused tags only
        </label>
        {unusedOnly && unusedTags.length > 0 && (
          <button type="button" className="danger" onClick={() => setConfirm({ kind: 'unused', tags: unusedTags })}>
            Delete {unusedTags.length} unused {unusedTags.length === 1 ? 'tag' : 'tags'}…
          </button>
        )}
        <button type="button" className="tag-manager-close" onClick={() => useStore.getState().setTagManagerOpen(false)}>
          Back to the gallery
        </button>
      </div>
      <p className="hint tag-manager-keys">
        Drag a tag onto another to move it under it (or Ctrl+X, then Ctrl+V on the new parent). F2 or Enter renames, Space or Ctrl+click selects several, Delete deletes. Ctrl+Z undoes.
      </p>
      <div className="tag-manager-body">
        {tree.byId.size === 0 ? (
          <p className="side-empty">No tags yet. Add some in the tag editor of the details panel.</p>
        ) : rows.length === 0 ? (
          <p className="side-empty">{unusedOnly ? 'No unused tags.' : 'No tag matches the filter.'}</p>
        ) : (
          <div className="tag-tree-column">
            <TagManagerTree state={state} />
            {allRows.length > rows.length && (
              <p className="hint" role="status">
                Showing the first {rows.length.toLocaleString()} of {allRows.length.toLocaleString()} tags. Type more of a name to narrow the list.
              </p>
            )}
          </div>
        )}
        <div className="tag-manager-side">
          {selectedTags.length > 1 ? (
            <MergePanel key={selectedTags.map((t) => t.id).join(',')} tags={selectedTags} onDone={() => setSelected(new Set())} />
          ) : focusNode ? (
            <TagDetails tag={focusNode.tag} hasChildren={focusNode.children.length > 0} onDelete={() => setConfirm({ kind: 'one', tag: focusNode.tag })} />
          ) : (
            <p className="hint">Pick a tag to see its colour, aliases and implied tags.</p>
          )}
        </div>
      </div>
      {confirm?.kind === 'one' && (
        <ConfirmDialog
          title={`Delete the tag “${confirm.tag.path}”?`}
          text={deleteText(confirm.tag, tree.byId.get(confirm.tag.id)?.children.length ?? 0)}
          action="Delete tag"
          onConfirm={async () => {
            await deleteTag(confirm.tag);
          }}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm?.kind === 'unused' && (
        <ConfirmDialog
          title={`Delete ${confirm.tags.length} unused ${confirm.tags.length === 1 ? 'tag' : 'tags'}?`}
          text={`No item has ${confirm.tags.length === 1 ? 'it' : 'them'} (${items(0)} lose a tag): ${confirm.tags.map((t) => t.path).join(', ')}. You can undo this (Ctrl+Z).`}
          action="Delete unused tags"
          onConfirm={async () => {
            await deleteTags(confirm.tags);
          }}
          onClose={() => setConfirm(null)}
        />
      )}
    </div>
  );
}
