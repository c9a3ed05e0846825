import type { AiTag, MediaItem } from '../../../shared/media.js';
import { formatConfidence } from '../logic/details-format.js';
import { toDisplayRect, type Size } from '../logic/focus-area.js';
import { useStore } from '../store/store.js';

type BoxedTag = AiTag & { box: NonNullable<AiTag['box']> };

function boxedTags(item: MediaItem): BoxedTag[] {
  return item.aiTags.filter((tag): tag is BoxedTag => tag.box !== undefined && tag.box !== null);
}

/**
 * The AI tags found with a box (objects, faces) drawn over the preview, each labelled with its
 * name and confidence. Boxes are in pixels of the upright image, like the focus area. The
 * drawing is hidden from screen readers; the list beside it says the same in words.
 */
export function PreviewBoxes({ item, shown }: { item: MediaItem; shown: Size }) {
  const visible = useStore((s) => s.showAiBoxes);
  const tags = boxedTags(item);
  if (!visible || tags.length === 0 || item.width === null || item.height === null) return null;
  const image = { width: item.width, height: item.height };
  return (
    <>
      <div className="ai-boxes" aria-hidden="true">
        {tags.map((tag) => {
          const rect = toDisplayRect(tag.box, shown, image);
          return (
            <div key={`${tag.source}:${tag.name}`} className="ai-box" style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}>
              <span className="ai-box-label">
                {tag.name} {formatConfidence(tag.confidence)}
              </span>
            </div>
          );
        })}
      </div>
      <ul className="visually-hidden" aria-label="Found in the picture">
        {tags.map((tag) => (
          <li key={`${tag.source}:${tag.name}`}>
            {tag.name}, {formatConfidence(tag.confidence)} ({tag.source}), at {tag.box.x}, {tag.box.y}, {tag.box.width} × {tag.box.height} px
          </li>
        ))}
      </ul>
    </>
  );
}

/** The preview's toggle for the boxes; says how many there are. */
export function PreviewBoxesToggle({ item }: { item: MediaItem }) {
  const visible = useStore((s) => s.showAiBoxes);
  const toggle = useStore((s) => s.toggleAiBoxes);
  const count = boxedTags(item).length;
  if (count === 0) return null;
  return (
    <button type="button" aria-pressed={visible} title="Show or hide what was found and where (B)" onClick={toggle}>
      Boxes ({count})
    </button>
  );
}
