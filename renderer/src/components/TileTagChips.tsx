import type { MediaTile } from '../../../shared/media.js';
import { TILE_CHIPS_MIN_SIZE, tileChips } from '../logic/tile-tags.js';
import { useStore } from '../store/store.js';

/**
 * A tile's tag chips over the bottom of its picture, each with its tag's colour as a mark on its
 * left edge (as in the tag editor), and "+N" for the rest; beside them, hidden, the tags in words
 * ("tags Places/Paris, cat and 2 more"), which the cell names as its description
 * (aria-describedby: not part of its name, so a cell is still found by its name). One
 * component, so a tile adds two store subscriptions, not four: every tile runs its selectors on
 * each store change, and a fling has hundreds mounted.
 */
export function TileTagChips({ tile, size, textId }: { tile: MediaTile; size: number; textId: string }) {
  const byId = useStore((s) => s.tagTree.byId);
  const colours = useStore((s) => s.tagColours);
  if (tile.tagIds === undefined) return null;
  const { chips, more } = tileChips(tile.tagIds, tile.tagCount, byId, colours);
  if (chips.length === 0 && more === 0) return null;
  const words = chips.map((chip) => chip.path).join(', ');
  return (
    <>
      {size >= TILE_CHIPS_MIN_SIZE && (
        <span className="tile-tags">
          {chips.map((chip) => (
            <span
              key={chip.id}
              className={chip.colour === null ? 'tile-tag' : 'tile-tag coloured'}
              style={chip.colour === null ? undefined : { ['--tag-colour' as string]: chip.colour }}
              title={chip.path}
            >
              {chip.name}
            </span>
          ))}
          {more > 0 && <span className="tile-tag more">+{more}</span>}
        </span>
      )}
      <span id={textId} hidden>
        tags {words}
        {more > 0 ? `${words === '' ? '' : ' and '}${more} more` : ''}
      </span>
    </>
  );
}

/** The id of a tile's tags in words, for the cell's aria-describedby. */
export const tileTagTextId = (itemId: number): string => `tile-tags-${itemId}`;
