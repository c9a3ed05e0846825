import { useMemo, type CSSProperties } from 'react';
import { useItem } from '../hooks/use-item.js';
import { chipColour } from '../logic/tag-colours.js';
import { impliedWithSources } from '../logic/tag-suggestions.js';
import { useStore } from '../store/store.js';

/**
 * The tags an item counts as having through implications (`cat` → `animal`), under its own
 * chips, greyed and without a remove button: they go away with the tag that implies them.
 */
export function ImpliedTags({ id, own }: { id: number; own: readonly string[] }) {
  const item = useItem(id);
  const tree = useStore((s) => s.tagTree);
  const colours = useStore((s) => s.tagColours);
  const implied = item?.impliedTags;
  const rows = useMemo(() => (implied && implied.length > 0 ? impliedWithSources(implied, own, tree) : []), [implied, own, tree]);
  if (rows.length === 0) return null;
  return (
    <ul className="chips implied" aria-label="Implied tags">
      {rows.map(({ path, by }) => {
        const colour = chipColour(colours, path);
        const hint = by === null ? 'implied' : `implied by ${by}`;
        return (
          <li
            key={path}
            className={colour === null ? 'chip' : 'chip coloured'}
            style={colour === null ? undefined : ({ '--tag-colour': colour } as CSSProperties)}
            title={`${path}: ${hint}. Remove ${by ?? 'the tag that implies it'} to remove it.`}
          >
            <span>{path}</span>
            <span className="implied-by">({hint})</span>
          </li>
        );
      })}
    </ul>
  );
}
