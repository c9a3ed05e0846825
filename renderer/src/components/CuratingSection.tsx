import { MAX_RATING, MEDIA_FLAGS, MEDIA_LABELS, type MediaFlag, type MediaLabel } from '../../../shared/media.js';
import { setCurating } from '../actions/set-curating.js';

interface Current {
  rating: number;
  label: MediaLabel;
  flag: MediaFlag;
}

const FLAG_NAMES: Record<MediaFlag, string> = { none: 'Unflagged', pick: 'Pick', reject: 'Reject' };
const STARS = Array.from({ length: MAX_RATING }, (_, i) => i + 1);

/**
 * Rating, colour label and flag in the details panel: what one item holds (pressed buttons),
 * or, for a selection, buttons that set every selected item. Same edit (and undo) as the keys.
 */
export function CuratingSection({ ids, current }: { ids: readonly number[]; current?: Current }) {
  const set = (change: Partial<Current>): void => void setCurating(ids, change);
  const all = ids.length > 1 ? ` on all ${ids.length} items` : '';
  return (
    <section className="panel-section curating-section" aria-labelledby="curating-heading">
      <h3 id="curating-heading">Rating, label and flag</h3>
      <div className="star-row" role="group" aria-label="Rating">
        {STARS.map((stars) => (
          <button
            key={stars}
            type="button"
            className={current !== undefined && current.rating >= stars ? 'star lit' : 'star'}
            aria-label={`${stars} ${stars === 1 ? 'star' : 'stars'}${all}`}
            aria-pressed={current === undefined ? undefined : current.rating === stars}
            // A second click on the rating it has clears it, as in Lightroom.
            onClick={() => set({ rating: current?.rating === stars ? 0 : stars })}
          >
            ★
          </button>
        ))}
        <button type="button" onClick={() => set({ rating: 0 })} aria-label={`Clear rating${all}`} aria-pressed={current === undefined ? undefined : current.rating === 0}>
          Clear
        </button>
      </div>
      <div className="swatch-row" role="group" aria-label="Colour label">
        {MEDIA_LABELS.map((label) => (
          <button
            key={label}
            type="button"
            className={`swatch ${label}`}
            title={label === 'none' ? 'No label' : label}
            aria-label={`${label === 'none' ? 'No label' : `${label.charAt(0).toUpperCase()}${label.slice(1)} label`}${all}`}
            aria-pressed={current === undefined ? undefined : current.label === label}
            onClick={() => set({ label })}
          />
        ))}
      </div>
      <div className="flag-row" role="group" aria-label="Flag">
        {MEDIA_FLAGS.map((flag) => (
          <button
            key={flag}
            type="button"
            aria-label={`${FLAG_NAMES[flag]}${all}`}
            aria-pressed={current === undefined ? undefined : current.flag === flag}
            onClick={() => set({ flag })}
          >
            {FLAG_NAMES[flag]}
          </button>
        ))}
      </div>
    </section>
  );
}
