import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { wantTiles } from '../actions/gallery-data.js';
import { useElementSize } from '../hooks/use-element-size.js';
import { useFastScroll } from '../hooks/use-fast-scroll.js';
import { useGalleryKeys } from '../hooks/use-gallery-keys.js';
import { useRubberBand } from '../hooks/use-rubber-band.js';
import { GRID_PADDING, TILE_GAP, gridLayout, type GridLayout } from '../logic/grid-math.js';
import { clickSelect } from '../logic/selection.js';
import { useStore } from '../store/store.js';
import { Tile } from './Tile.js';

const OVERSCAN_ROWS = 3;

interface RowProps {
  ids: readonly number[];
  rowIndex: number;
  top: number;
  layout: GridLayout;
  /** Tiles mounted now wait with their pictures (see useFastScroll). */
  deferPictures: boolean;
  onPick(id: number, event: MouseEvent): void;
  onOpen(id: number): void;
}

const GalleryRow = memo(function GalleryRow({ ids, rowIndex, top, layout, deferPictures, onPick, onOpen }: RowProps) {
  const first = rowIndex * layout.columns;
  const cells = ids.slice(first, first + layout.columns);
  return (
    <div role="row" aria-rowindex={rowIndex + 1} className="gallery-row" style={{ top, height: layout.rowHeight - TILE_GAP }}>
      {cells.map((id, column) => (
        <Tile
          key={id}
          id={id}
          column={column}
          size={layout.tile}
          left={GRID_PADDING + column * (layout.tile + TILE_GAP)}
          deferPicture={deferPictures}
          onPick={onPick}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
});

function EmptyGallery() {
  const view = useStore((s) => s.view);
  const search = useStore((s) => s.search);
  const loading = useStore((s) => s.idsLoading);
  const importing = useStore((s) => s.importProgress?.state === 'running');
  if (loading) return <p className="gallery-empty">Loading…</p>;
  if (importing && view.kind !== 'trash') return <p className="gallery-empty">Importing… items appear here as they are read.</p>;
  if (search !== '') return <p className="gallery-empty">Nothing matches “{search}”.</p>;
  if (view.kind === 'trash') return <p className="gallery-empty">The trash is empty.</p>;
  if (view.kind === 'all') return <p className="gallery-empty">The library is empty. Import a folder to begin.</p>;
  return <p className="gallery-empty">Nothing here.</p>;
}

/**
 * The virtualised grid: only the rows on screen (plus a few) exist in the DOM, whatever the
 * number of items; tile data for them is fetched as they come into view.
 */
export function Gallery() {
  const ids = useStore((s) => s.ids);
  const tileSize = useStore((s) => s.tileSize);
  const focusId = useStore((s) => s.selection.focus);
  const view = useStore((s) => s.view);
  const search = useStore((s) => s.search);
  const sort = useStore((s) => s.sort);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Another view, search or order starts at the top; new items arriving (an import) don't move it.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [view, search, sort]);
  const { width, height } = useElementSize(scrollRef);
  const fastScroll = useFastScroll(scrollRef);
  const layout = useMemo(() => gridLayout(width, tileSize, ids.length), [width, tileSize, ids.length]);

  const virtualizer = useVirtualizer({
    count: layout.rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: OVERSCAN_ROWS,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
  });
  useEffect(() => virtualizer.measure(), [layout.rowHeight, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? -1;
  // Rows that fly past in a fast scroll are not fetched at all; the rows under the scroll when
  // it settles are.
  useEffect(() => {
    if (lastRow < 0 || fastScroll) return;
    wantTiles(ids.slice(firstRow * layout.columns, (lastRow + 1) * layout.columns));
  }, [ids, firstRow, lastRow, layout.columns, fastScroll]);

  const onPick = useCallback((id: number, event: MouseEvent) => {
    const state = useStore.getState();
    const mods = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
    state.setSelection(clickSelect(state.selection, state.idIndex, id, mods));
  }, []);
  const onOpen = useCallback((id: number) => useStore.getState().openPreview(id), []);

  const scrollToIndex = useCallback(
    (index: number) => virtualizer.scrollToIndex(Math.floor(index / layout.columns), { align: 'auto' }),
    [virtualizer, layout.columns],
  );
  const pageRows = Math.max(1, Math.floor(height / layout.rowHeight));
  const onKeyDown = useGalleryKeys(layout, pageRows, scrollToIndex);
  const { band, onPointerDown } = useRubberBand(scrollRef, layout);

  const focusRow = focusId === null ? -1 : Math.floor(useStore.getState().idIndex.indexOf(focusId) / layout.columns);
  const focusRendered = focusRow >= firstRow && focusRow <= lastRow;

  return (
    <div
      ref={scrollRef}
      className="gallery-scroll"
      // An empty grid would be a grid without rows; the empty message is plain text instead.
      role={ids.length > 0 ? 'grid' : undefined}
      aria-label={ids.length > 0 ? 'Media' : undefined}
      aria-multiselectable={ids.length > 0 ? 'true' : undefined}
      aria-rowcount={ids.length > 0 ? layout.rows : undefined}
      aria-colcount={ids.length > 0 ? layout.columns : undefined}
      aria-activedescendant={focusRendered && focusId !== null ? `tile-${focusId}` : undefined}
      tabIndex={ids.length > 0 ? 0 : -1}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    >
      {ids.length === 0 ? (
        <EmptyGallery />
      ) : (
        <div className="gallery-content" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => (
            <GalleryRow
              key={row.key}
              ids={ids}
              rowIndex={row.index}
              top={row.start}
              layout={layout}
              deferPictures={fastScroll}
              onPick={onPick}
              onOpen={onOpen}
            />
          ))}
        </div>
      )}
      {band && (
        <div
          className="rubber-band"
          aria-hidden="true"
          style={{ left: band.left, top: band.top, width: band.right - band.left, height: band.bottom - band.top }}
        />
      )}
    </div>
  );
}
