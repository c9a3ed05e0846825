import type { MediaTile } from '../../../shared/media.js';
import { MAX_RATING } from '../../../shared/media.js';

/** What the marks say in words, for the tile's accessible name ("4 stars, red label, picked"). */
export function curatingText(tile: Pick<MediaTile, 'rating' | 'label' | 'flag'>): string {
  const parts: string[] = [];
  if (tile.rating > 0) parts.push(`${tile.rating} ${tile.rating === 1 ? 'star' : 'stars'}`);
  if (tile.label !== 'none') parts.push(`${tile.label} label`);
  if (tile.flag === 'pick') parts.push('picked');
  if (tile.flag === 'reject') parts.push('rejected');
  return parts.join(', ');
}

/**
 * Stars and the flag over the thumbnail (the colour label is the tile's edge, in CSS). Drawn
 * for the eye only: the caption carries the same facts as text.
 */
export function TileCuratingMarks({ tile }: { tile: MediaTile }) {
  if (tile.rating === 0 && tile.flag === 'none') return null;
  return (
    <span className="tile-curating">
      {tile.rating > 0 && (
        <span className="tile-stars">
          {'★'.repeat(tile.rating)}
          <span className="tile-stars-empty">{'★'.repeat(MAX_RATING - tile.rating)}</span>
        </span>
      )}
      {tile.flag !== 'none' && <span className={`tile-flag ${tile.flag}`}>{tile.flag === 'pick' ? '⚑' : '✕'}</span>}
    </span>
  );
}
