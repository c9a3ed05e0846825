import { memo, useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { wantTiles } from '../actions/gallery-data.js';
import { wantPositions } from '../actions/view-windows.js';
import { useElementSize } from '../hooks/use-element-size.js';
import { useGalleryKeys } from '../hooks/use-gallery-keys.js';
import { useGridWindow } from '../hooks/use-grid-window.js';
import { useRubberBand } from '../hooks/use-rubber-band.js';
import { GRID_PADDING, TILE_GAP, gridLayout, rowTop, scrollToShowRow, type GridLayout } from '../logic/grid-math.js';
import { clickSelect } from '../logic/selection.js';
import type { ViewIds } from '../logic/view-ids.js';
import { useStore } from '../store/store.js';
import { Scrubber } from './Scrubber.js';
import { PendingTile, Tile } from './Tile.js';

interface RowProps {
  /** The row's ids; undefined where its window has not arrived yet. */
  cells: readonly (number | undefined)[];
  rowIndex: number;
  top: number;
  layout: GridLayout;
  /** Tiles mounted now wait with their pictures (see useGridWindow). */
  deferPictures: boolean;
  onPick(id: number, event: MouseEvent): void;
  onOpen(id: number): void;
}

function sameRow(a: RowProps, b: RowProps): boolean {
  const { cells: cellsA, ...restA } = a;
  const { cells: cellsB, ...restB } = b;
  if (cellsA.length !== cellsB.length || cellsA.some((id, i) => id !== cellsB[i])) return false;
  return (Object.keys(restA) as (keyof typeof restA)[]).every((key) => restA[key] === restB[key]);
}

/** A row's ids: a window arriving elsewhere leaves the rows it does not touch as they were. */
function rowCells(ids: ViewIds, rowIndex: number, columns: number): (number | undefined)[] {
  const first = rowIndex * columns;
  return Array.from({ length: Math.max(0, Math.min(columns, ids.length - first)) }, (_, column) => ids.at(first + column));
}

const GalleryRow = memo(function GalleryRow({ cells, rowIndex, top, layout, deferPictures, onPick, onOpen }: RowProps) {
  return (
    <div role="row" aria-rowindex={rowIndex + 1} className="gallery-row" style={{ top, height: layout.rowHeight - TILE_GAP }}>
      {cells.map((id, column) =>
        id === undefined ? (
          <PendingTile key={`pending-${column}`} column={column} size={layout.tile} left={GRID_PADDING + column * (layout.tile + TILE_GAP)} />
        ) : (
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
        ),
      )}
    </div>
  );
}, sameRow);

/** Rows beyond the drawn ones (either way) whose tile data is fetched ahead. */
const PREFETCH_ROWS = 6;

function rowIndices(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

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
  const { width, height } = useElementSize(scrollRef);
  const layout = useMemo(() => gridLayout(width, tileSize, ids.length), [width, tileSize, ids.length]);
  const scroller = useGridWindow(scrollRef, layout, height);
  const { first: firstRow, last: lastRow, fast: fastScroll, offset, scrollTo, currentTop } = scroller;
  // Another view, search or order starts at the top; new items arriving (an import) don't move it.
  useEffect(() => {
    scrollTo(0);
  }, [view, search, sort, scrollTo]);

  // Rows that fly past in a fast scroll are not fetched at all; the rows under the scroll when
  // it settles are. Tile data is asked for some rows beyond the drawn ones, so a row is mounted
  // with its name and picture address known and starts its picture at once.
  useEffect(() => {
    if (lastRow < 0 || fastScroll) return;
    const first = Math.max(0, firstRow - PREFETCH_ROWS);
    const last = (lastRow + 1 + PREFETCH_ROWS) * layout.columns - 1;
    // Ids by windows, like tiles: rows that fly past are never asked for; a cell without its id
    // yet looks as one without its tile.
    wantPositions(first * layout.columns, last);
    wantTiles(ids.slice(first * layout.columns, last));
  }, [ids, firstRow, lastRow, layout.columns, fastScroll]);

  const onPick = useCallback((id: number, event: MouseEvent) => {
    const state = useStore.getState();
    const mods = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
    state.setSelection(clickSelect(state.selection, state.idIndex, id, mods));
  }, []);
  const onOpen = useCallback((id: number) => useStore.getState().openPreview(id), []);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = scrollToShowRow(layout, Math.floor(index / layout.columns), currentTop(), element.clientHeight);
      if (top !== null) scrollTo(top);
    },
    [layout, currentTop, scrollTo],
  );
  // The preview's arrows move the focus; the grid follows, so closing it finds the item in view.
  const previewOpen = useStore((s) => s.previewId !== null);
  useEffect(() => {
    if (!previewOpen || focusId === null) return;
    const index = useStore.getState().idIndex.indexOf(focusId);
    if (index >= 0) scrollToIndex(index);
  }, [previewOpen, focusId, scrollToIndex]);
  // The scrubber puts an item's row at the top, below a gap as wide as the grid's padding.
  const jumpToIndex = useCallback(
    (index: number) => scrollTo(Math.floor(index / layout.columns) * layout.rowHeight),
    [layout, scrollTo],
  );
  const topIndex = Math.min(Math.max(0, layout.rows - 1), Math.floor(currentTop() / layout.rowHeight)) * layout.columns;
  const pageRows = Math.max(1, Math.floor(height / layout.rowHeight));
  const onKeyDown = useGalleryKeys(layout, pageRows, scrollToIndex);
  const { band, onPointerDown } = useRubberBand(scrollRef, layout, currentTop);

  const focusRow = focusId === null ? -1 : Math.floor(useStore.getState().idIndex.indexOf(focusId) / layout.columns);
  const focusRendered = focusRow >= firstRow && focusRow <= lastRow;

  return (
    <div className="gallery-body">
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
          <div className="gallery-content" style={{ height: scroller.scale.shownHeight }}>
            {rowIndices(firstRow, lastRow).map((row) => (
              <GalleryRow
                key={row}
                cells={rowCells(ids, row, layout.columns)}
                rowIndex={row}
                top={rowTop(layout, row) - offset}
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
            style={{ left: band.left, top: band.top - offset, width: band.right - band.left, height: band.bottom - band.top }}
          />
        )}
      </div>
      {ids.length > 0 && <Scrubber topIndex={topIndex} onJump={jumpToIndex} />}
    </div>
  );
}
