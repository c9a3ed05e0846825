import type { MediaTile } from '../../../shared/media.js';
import { TILE_CHIPS_MIN_SIZE, tileChips } from '../logic/tile-tags.js';
import { useStore } from '../store/store.js';

/**
 * A tile's tag chips over the bottom of its picture, each with its tag's colour as a mark on its
 * left edge (as in the tag editor), and "+N" for the rest. For the eye; TileTagText says the
 * tags in words.
 */
export function TileTagChips({ tile, size }: { tile: MediaTile; size: number }) {
  const byId = useStore((s) => s.tagTree.byId);
  const colours = useStore((s) => s.tagColours);
  if (size < TILE_CHIPS_MIN_SIZE || tile.tagIds === undefined) return null;
  const { chips, more } = tileChips(tile.tagIds, tile.tagCount, byId, colours);
  if (chips.length === 0 && more === 0) return null;
  return (
    <span className="tile-tags">
      {chips.map((chip) => (
        <span
          key={chip.id}
          className={chip.colour === null ? 'tile-tag' : 'tile-tag coloured'}
          style={chip.colour === null ? undefined : { ['--tag-colour' as string]: chip.colour }}
          title={chip.path}
          data-tag-path={chip.path}
        >
          {chip.name}
        </span>
      ))}
      {more > 0 && <span className="tile-tag more">+{more}</span>}
    </span>
  );
}

/**
 * The tile's tags in words ("tags Places/Paris, cat and 2 more"), the cell's description
 * (aria-describedby): a description, not part of the name, so a cell is still found by its name.
 */
export function TileTagText({ tile, id }: { tile: MediaTile; id: string }) {
  const byId = useStore((s) => s.tagTree.byId);
  const colours = useStore((s) => s.tagColours);
  if (tile.tagIds === undefined) return null;
  const { chips, more } = tileChips(tile.tagIds, tile.tagCount, byId, colours);
  const words = chips.map((chip) => chip.path).join(', ');
  if (words === '' && more === 0) return null;
  return (
    <span id={id} hidden>
      tags {words}
      {more > 0 ? `${words === '' ? '' : ' and '}${more} more` : ''}
    </span>
  );
}

/** The id TileTagText gives its words, for the cell's aria-describedby. */
export const tileTagTextId = (itemId: number): string => `tile-tags-${itemId}`;
