import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { moveTag, renameTag } from '../actions/tag-vocabulary.js';
import { notify } from '../actions/report.js';
import { chipColour } from '../logic/tag-colours.js';
import { dropProblem, writtenName } from '../logic/tag-move.js';
import type { TreeRow } from '../logic/tag-tree.js';
import { treeKey, typeAhead } from '../logic/tree-keys.js';
import { useStore } from '../store/store.js';
import type { TagNode } from '../store/tag-tree-slice.js';
import { TagColourDot } from './TagColourDot.js';

const INDENT_PX = 18;
const DRAG_TYPE = 'application/x-folio-tag';

export interface TreeState {
  rows: readonly TreeRow<TagNode>[];
  focusId: number | null;
  selected: ReadonlySet<number>;
  setFocus(id: number): void;
  setSelected(ids: ReadonlySet<number>): void;
  expand(id: number): void;
  collapse(id: number): void;
  toggle(id: number): void;
  /** Delete on a row: the manager asks for confirmation. */
  onDelete(tag: TagNode): void;
}

function RenameField({ tag, onDone }: { tag: TagNode; onDone(): void }) {
  const [text, setText] = useState(writtenName(tag));
  const commit = async (): Promise<void> => {
    if (text.trim() !== writtenName(tag)) await renameTag(tag, text);
    onDone();
  };
  return (
    <input
      className="tree-rename"
      aria-label={`New name for ${tag.name}`}
      value={text}
      autoFocus
      spellCheck={false}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          void commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
      onBlur={onDone}
    />
  );
}

/**
 * The tag manager's tree (ARIA tree, multi-select): arrows move and open/close, Space adds to
 * the selection, F2 or Enter renames in place, Delete deletes (after a confirmation), Ctrl+X
 * then Ctrl+V moves the cut tag under the focused one; typing a letter jumps to a name.
 * A row dragged onto another moves under it; onto the "top level" strip, to the top.
 */
export function TagManagerTree({ state }: { state: TreeState }) {
  const { rows, focusId, selected } = state;
  const tree = useStore((s) => s.tagTree);
  const colours = useStore((s) => s.tagColours);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [cut, setCut] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<number | 'top' | null>(null);
  const dragged = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const anchor = useRef<number | null>(null);

  // The focused row takes the keyboard focus when it changes while the tree has it.
  useEffect(() => {
    const list = listRef.current;
    if (!list || focusId === null || !list.contains(document.activeElement) || renaming !== null) return;
    list.querySelector<HTMLElement>(`[data-tag-id="${focusId}"]`)?.focus();
  }, [focusId, renaming, rows]);

  const focusedTag = focusId === null ? undefined : tree.byId.get(focusId)?.tag;
  // One row is in the tab order: the focused one, or the first when the focus is filtered away.
  const tabbable = rows.some((r) => r.node.tag.id === focusId) ? focusId : (rows[0]?.node.tag.id ?? null);

  const pick = (id: number, event: MouseEvent): void => {
    state.setFocus(id);
    if (event.ctrlKey || event.metaKey) {
      const next = new Set(selected);
      if (!next.delete(id)) next.add(id);
      state.setSelected(next);
      anchor.current = id;
    } else if (event.shiftKey && anchor.current !== null) {
      const ids = rows.map((r) => r.node.tag.id);
      const [a, b] = [ids.indexOf(anchor.current), ids.indexOf(id)].sort((x, y) => x - y) as [number, number];
      state.setSelected(new Set(ids.slice(Math.max(0, a), b + 1)));
    } else {
      state.setSelected(new Set([id]));
      anchor.current = id;
    }
  };

  const moveCutHere = async (): Promise<void> => {
    const from = cut === null ? undefined : tree.byId.get(cut);
    if (!from || !focusedTag) return;
    const why = dropProblem(tree, from.tag.id, focusedTag.id);
    if (why !== null) notify(why);
    else if (await moveTag(from.tag, focusedTag)) setCut(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (renaming !== null) return;
    const nav = treeKey(rows, focusId, event.key);
    if (nav !== null) {
      event.preventDefault();
      if (nav.expand !== undefined) state.expand(nav.expand);
      if (nav.collapse !== undefined) state.collapse(nav.collapse);
      if (nav.focus !== undefined) {
        state.setFocus(nav.focus);
        if (event.shiftKey) state.setSelected(new Set([...selected, nav.focus]));
        else if (!event.ctrlKey) state.setSelected(new Set([nav.focus]));
        anchor.current = nav.focus;
      }
      return;
    }
    if (!focusedTag) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.key === 'F2' || (event.key === 'Enter' && !ctrl)) {
      event.preventDefault();
      setRenaming(focusedTag.id);
    } else if (event.key === ' ') {
      event.preventDefault();
      const next = new Set(selected);
      if (!next.delete(focusedTag.id)) next.add(focusedTag.id);
      state.setSelected(next);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      state.onDelete(focusedTag);
    } else if (ctrl && event.key.toLowerCase() === 'x') {
      event.preventDefault();
      setCut(focusedTag.id);
      notify(`Cut “${focusedTag.path}”`, 'Focus another tag and press Ctrl+V to move it there.');
    } else if (ctrl && event.key.toLowerCase() === 'v') {
      event.preventDefault();
      void moveCutHere();
    } else if (event.key === 'Escape' && cut !== null) {
      event.preventDefault();
      setCut(null);
    } else if (event.key.length === 1 && !ctrl && !event.altKey && event.key !== ' ') {
      const id = typeAhead(rows, focusId, event.key);
      if (id !== null) {
        event.preventDefault();
        state.setFocus(id);
        state.setSelected(new Set([id]));
      }
    }
  };

  const dropOn = async (target: TagNode | null): Promise<void> => {
    const id = dragged.current;
    dragged.current = null;
    setDropTarget(null);
    if (id === null) return;
    const why = dropProblem(tree, id, target?.id ?? null);
    const tag = tree.byId.get(id)?.tag;
    if (why !== null) notify(why);
    else if (tag) await moveTag(tag, target);
  };

  const allowDrop = (event: DragEvent, target: TagNode | null): void => {
    if (dragged.current === null || dropProblem(tree, dragged.current, target?.id ?? null) !== null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(target?.id ?? 'top');
  };

  return (
    <div className="tag-tree-box">
      <ul ref={listRef} role="tree" aria-label="Tags" aria-multiselectable="true" className="tag-tree" onKeyDown={onKeyDown}>
        {rows.map((row) => {
          const { tag } = row.node;
          const isFocus = tag.id === focusId;
          const classes = ['tag-tree-row', selected.has(tag.id) && 'selected', isFocus && 'focused', dropTarget === tag.id && 'drop-target', cut === tag.id && 'cut']
            .filter(Boolean)
            .join(' ');
          return (
            <li
              key={tag.id}
              role="treeitem"
              data-tag-id={tag.id}
              aria-describedby={tag.aliases.length > 0 ? `tag-counts-${tag.id} tag-aliases-${tag.id}` : `tag-counts-${tag.id}`}
              aria-level={row.level}
              aria-posinset={row.position}
              aria-setsize={row.siblings}
              aria-expanded={row.hasChildren ? row.expanded : undefined}
              aria-selected={selected.has(tag.id)}
              tabIndex={tag.id === tabbable ? 0 : -1}
              className={classes}
              style={{ paddingLeft: 6 + (row.level - 1) * INDENT_PX }}
              draggable={renaming !== tag.id}
              onClick={(e) => pick(tag.id, e)}
              onDoubleClick={() => setRenaming(tag.id)}
              onDragStart={(e) => {
                dragged.current = tag.id;
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData(DRAG_TYPE, String(tag.id));
                e.dataTransfer.setData('text/plain', tag.path);
              }}
              onDragEnd={() => {
                dragged.current = null;
                setDropTarget(null);
              }}
              onDragOver={(e) => allowDrop(e, tag)}
              onDragLeave={() => setDropTarget((t) => (t === tag.id ? null : t))}
              onDrop={(e) => {
                e.preventDefault();
                void dropOn(tag);
              }}
            >
              <span
                className="tree-toggle"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  if (row.hasChildren) state.toggle(tag.id);
                }}
              >
                {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
              </span>
              <TagColourDot colour={chipColour(colours, tag.path)} />
              {renaming === tag.id ? (
                <RenameField
                  tag={tag}
                  onDone={() => {
                    setRenaming(null);
                    // Back to the row (found again: a rename reloads the tree).
                    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-tag-id="${tag.id}"]`)?.focus());
                  }}
                />
              ) : (
                <span className="tag-tree-name">{tag.name}</span>
              )}
              {/* The row's name is the tag's name; aliases and counts are read as its description. */}
              {tag.aliases.length > 0 && (
                <span id={`tag-aliases-${tag.id}`} className="tag-tree-aliases" aria-hidden="true">
                  <span className="visually-hidden">aliases: </span>= {tag.aliases.join(', ')}
                </span>
              )}
              <span id={`tag-counts-${tag.id}`} aria-hidden="true" className="tag-tree-counts" title={`${tag.count} tagged here, ${tag.branchCount} in the branch`}>
                <span className="tag-count-exact">
                  {tag.count.toLocaleString()}
                  <span className="visually-hidden"> tagged here</span>
                </span>
                {row.hasChildren && (
                  <span className="tag-count-branch">
                    {tag.branchCount.toLocaleString()}
                    <span className="visually-hidden"> in the branch</span>
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <div
        className={dropTarget === 'top' ? 'tag-tree-top drop-target' : 'tag-tree-top'}
        onDragOver={(e) => allowDrop(e, null)}
        onDragLeave={() => setDropTarget((t) => (t === 'top' ? null : t))}
        onDrop={(e) => {
          e.preventDefault();
          void dropOn(null);
        }}
      >
        Drop here to move a tag to the top level
      </div>
    </div>
  );
}
