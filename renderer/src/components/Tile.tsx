import { memo, useRef, useState, type MouseEvent } from 'react';
import type { MediaTile } from '../../../shared/media.js';
import { mediaUrls } from '../api/client.js';
import { useLoadedPicture } from '../hooks/use-loaded-picture.js';
import { useTileDrag } from '../hooks/use-tile-drag.js';
import { TILE_CAPTION, pickThumbnailSize } from '../logic/grid-math.js';
import { isSelected } from '../logic/selection.js';
import { useStore } from '../store/store.js';
import { TileCuratingMarks, curatingText } from './TileCuratingMarks.js';
import { TileTagChips, tileTagTextId } from './TileTagChips.js';

interface TileProps {
  id: number;
  column: number;
  /** Square thumbnail box, CSS pixels. */
  size: number;
  left: number;
  /** Mounted during a fast scroll: show the placeholder until this turns false. */
  deferPicture: boolean;
  onPick(id: number, event: MouseEvent): void;
  onOpen(id: number): void;
}

/** What a tile says about its file besides the picture; null when all is well. */
export function tileProblem(tile: MediaTile): string | null {
  if (tile.availability === 'missing') return 'Missing';
  if (tile.availability === 'offline') return 'Offline';
  switch (tile.fileState) {
    case 'damaged':
      return 'Damaged';
    case 'unsupported':
      return 'Unsupported';
    case 'oversized':
      return 'Too large';
    case 'empty':
      return 'Empty file';
    case 'unreadable':
      return 'Unreadable';
    default:
      return null;
  }
}

/** `picture`: the thumbnail failed to load, is held back during a fast scroll, or there is none. */
function placeholderText(tile: MediaTile | undefined, problem: string | null, picture: 'failed' | 'waiting' | 'none'): string {
  if (!tile) return '';
  if (problem !== null && problem !== 'Missing' && problem !== 'Offline') return problem;
  if (picture === 'waiting') return '';
  if (picture === 'failed') return 'No preview';
  if (tile.fileState === 'pending') return 'Making thumbnail…';
  return tile.type === 'image' ? 'No preview' : tile.type.charAt(0).toUpperCase() + tile.type.slice(1);
}

/**
 * One gallery cell. It subscribes to its own tile data and selection bit only, so a change to
 * another item (or to the selection elsewhere) does not re-render it.
 */
/** A cell whose id has not arrived yet (its window is on its way): the grid keeps its shape. */
export function PendingTile({ column, size, left }: { column: number; size: number; left: number }) {
  return (
    <div role="gridcell" aria-colindex={column + 1} aria-busy="true" className="tile" style={{ left, width: size, height: size + TILE_CAPTION }}>
      {/* Not the pulsing "pending" box: a fling passes hundreds of these, and an animation on each repaints every frame. */}
      <div className="thumb-box" style={{ height: size }} aria-hidden="true" />
      <div className="tile-caption">Loading…</div>
    </div>
  );
}

export const Tile = memo(function Tile({ id, column, size, left, deferPicture, onPick, onOpen }: TileProps) {
  const tile = useStore((s) => s.tiles.get(id));
  const selected = useStore((s) => isSelected(s.selection, id, s.idIndex));
  const focused = useStore((s) => s.selection.focus === id);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  // Once allowed, a picture stays: a tile already showing one keeps it through the next fling.
  const [pictureAllowed, setPictureAllowed] = useState(!deferPicture);
  if (!pictureAllowed && !deferPicture) setPictureAllowed(true);
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio;
  const thumbSize = tile ? pickThumbnailSize(size, dpr, tile.thumbnailSizes) : null;
  const url = thumbSize === null ? null : mediaUrls.thumbnail(id, thumbSize);
  const problem = tile ? tileProblem(tile) : null;
  const pictureRef = useRef<HTMLImageElement>(null);
  const dragHandlers = useTileDrag(id);
  const pictureUrl = pictureAllowed && url !== failedUrl ? url : null;
  const loadedUrl = useLoadedPicture(pictureRef, pictureUrl);
  const showImage = pictureUrl !== null && loadedUrl === pictureUrl;
  const name = tile?.name ?? 'Loading…';
  const label = tile !== undefined && tile.label !== 'none' ? tile.label : null;
  const classes = ['tile', selected && 'selected', focused && 'focused', problem && 'has-problem', label && `label-${label}`, tile?.flag === 'reject' && 'rejected']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="gridcell"
      id={`tile-${id}`}
      aria-selected={selected}
      aria-colindex={column + 1}
      aria-describedby={tile?.tagIds === undefined || !pictureAllowed ? undefined : tileTagTextId(id)}
      className={classes}
      style={{ left, width: size, height: size + TILE_CAPTION }}
      onClick={(event) => onPick(id, event)}
      onDoubleClick={() => onOpen(id)}
      {...dragHandlers}
    >
      {/* The name comes from the caption; the picture and its badges repeat it visually only. */}
      <div className={tile?.fileState === 'pending' && !showImage ? 'thumb-box pending' : 'thumb-box'} style={{ height: size }} aria-hidden="true">
        {pictureUrl !== null && (
          <img
            ref={pictureRef}
            src={pictureUrl}
            alt=""
            decoding="async"
            draggable={false}
            className={showImage ? undefined : 'unrevealed'}
            onError={() => setFailedUrl(pictureUrl)}
          />
        )}
        {!showImage && (
          <span className="placeholder">
            {placeholderText(tile, problem, url === null ? 'none' : url === failedUrl ? 'failed' : 'waiting')}
          </span>
        )}
        {problem && <span className="tile-badge">{problem}</span>}
        {tile?.versionCount !== undefined && <span className="tile-stack-badge">{tile.versionCount + 1}</span>}
        {tile && <TileCuratingMarks tile={tile} />}
        {/* Held back with the picture during a fast scroll: a fling mounts hundreds of tiles a second. */}
        {tile && pictureAllowed && <TileTagChips tile={tile} size={size} textId={tileTagTextId(id)} />}
      </div>
      <div className="tile-caption" title={tile?.name}>
        {name}
        {problem && <span className="visually-hidden"> ({problem.toLowerCase()})</span>}
        {tile?.versionCount !== undefined && <span className="visually-hidden"> (stack of {tile.versionCount + 1})</span>}
        {tile && curatingText(tile) !== '' && <span className="visually-hidden"> ({curatingText(tile)})</span>}
      </div>
    </div>
  );
});
