import { useMemo, useState } from 'react';
import { tagPathKey, splitTagPath } from '../../../shared/tag-path.js';
import { chipColour } from '../logic/tag-colours.js';
import { visibleRows, type TreeRow } from '../logic/tag-tree.js';
import { useStore } from '../store/store.js';
import type { TagNode } from '../store/tag-tree-slice.js';
import { TagColourDot } from './TagColourDot.js';
import { SidebarSection } from './SidebarSection.js';

const INDENT_PX = 12;

function countsText(tag: TagNode, hasChildren: boolean): string {
  const here = `${tag.count.toLocaleString()} ${tag.count === 1 ? 'item' : 'items'}`;
  return hasChildren ? `${here} tagged here, ${tag.branchCount.toLocaleString()} in the branch` : here;
}

function TagRow({ row, onToggle }: { row: TreeRow<TagNode>; onToggle(id: number): void }) {
  const { tag } = row.node;
  const active = useStore((s) => s.view.kind === 'tag' && tagPathKey(splitTagPath(s.view.name)) === tagPathKey(splitTagPath(tag.path)));
  const colour = useStore((s) => chipColour(s.tagColours, tag.path));
  const show = (): void => {
    const state = useStore.getState();
    state.setTagManagerOpen(false);
    // The library finds the branch: a filter on `Places` includes `Places/France/Paris`.
    state.setView({ kind: 'tag', name: tag.path });
  };
  return (
    <li className="side-tree-row" style={{ paddingLeft: (row.level - 1) * INDENT_PX }}>
      {row.hasChildren ? (
        <button
          type="button"
          className="tree-toggle"
          aria-expanded={row.expanded}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${tag.name}`}
          onClick={() => onToggle(tag.id)}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="tree-toggle-space" aria-hidden="true" />
      )}
      <button type="button" className={active ? 'side-item active' : 'side-item'} aria-current={active ? 'page' : undefined} title={`${tag.path}: ${countsText(tag, row.hasChildren)}`} onClick={show}>
        <TagColourDot colour={colour} />
        <span className="side-label">{tag.name}</span>
        <span className="side-count">
          {row.hasChildren && tag.branchCount !== tag.count ? (
            <>
              {tag.count.toLocaleString()}
              <span className="branch-count" aria-hidden="true">
                {' '}
                / {tag.branchCount.toLocaleString()}
              </span>
            </>
          ) : (
            tag.count.toLocaleString()
          )}
          <span className="visually-hidden"> {countsText(tag, row.hasChildren).replace(/^[\d,.\s]+/, '')}</span>
        </span>
      </button>
    </li>
  );
}

/**
 * The sidebar's Tags section: the tag tree, collapsible, each node with the items tagged
 * exactly there and (for a branch) the items in the whole branch. A click shows the tag's
 * items, its descendants' included.
 */
export function SidebarTagTree() {
  const tree = useStore((s) => s.tagTree);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // Tags no item has (kept in the vocabulary) would only lead to an empty gallery: the tag manager lists them.
  const rows = useMemo(() => visibleRows(tree, expanded, null, (tag) => tag.branchCount > 0), [tree, expanded]);
  const toggle = (id: number): void =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <SidebarSection
      id="tags"
      title="Tags"
      actions={
        <button type="button" className="side-action" onClick={() => useStore.getState().setTagManagerOpen(true)}>
          Manage
        </button>
      }
    >
      {rows.length === 0 ? (
        <p className="side-empty">No tags yet.</p>
      ) : (
        <ul className="side-list side-tags" aria-label="Tags">
          {rows.map((row) => (
            <TagRow key={row.node.tag.id} row={row} onToggle={toggle} />
          ))}
        </ul>
      )}
    </SidebarSection>
  );
}
