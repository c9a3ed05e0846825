import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { SortBuckets } from '../../../shared/sort-buckets.js';
import { loadSortBuckets } from '../actions/scrubber-data.js';
import { useElementSize } from '../hooks/use-element-size.js';
import {
  bucketAt,
  bucketLabel,
  bucketStarts,
  fractionOfIndex,
  indexAtFraction,
  scrubberMarks,
  stepBucket,
  type ScrubberMark,
} from '../logic/scrubber-marks.js';
import { useStore } from '../store/store.js';

interface ScrubberProps {
  /** Position of the item at the top of the grid. */
  topIndex: number;
  /** Scrolls the grid so the item at this position is at the top. */
  onJump(index: number): void;
}

const NAMES = { month: 'date', letter: 'name', size: 'size', stars: 'rating' } as const;
// The first screen's ids come by window now, in a fraction of the counting's time: the counts
// wait until that screen's tiles and pictures were fetched, not only asked for (1,000,000 items
// cold: the count walked the view for seconds while the first row's pictures queued behind it).
const BUCKETS_DELAY_MS = 1_000;

const Marks = memo(function Marks({ marks }: { marks: readonly ScrubberMark[] }) {
  return (
    <>
      {marks.map((mark) =>
        mark.label === null ? (
          <span key={mark.bucket} className="scrubber-tick" style={{ top: mark.top }} />
        ) : (
          <span key={mark.bucket} className="scrubber-mark" style={{ top: mark.top }}>
            {mark.label}
          </span>
        ),
      )}
    </>
  );
});

/**
 * The bar beside the grid for jumping through the view by its sort key (Immich, Google Photos):
 * years and months in proportion to their counts for a date sort, first letters for names,
 * bands for sizes. Dragging shows the month under the pointer and scrolls there as it goes;
 * a click jumps at once. A slider to assistive technology, stepped by month with the keys.
 */
export const Scrubber = memo(function Scrubber({ topIndex, onJump }: ScrubberProps) {
  const view = useStore((s) => s.view);
  const search = useStore((s) => s.search);
  const sort = useStore((s) => s.sort);
  const ids = useStore((s) => s.ids);
  // A new answer of the view (not each window filling in) may change the counts.
  const viewVersion = useStore((s) => s.viewVersion);
  const [buckets, setBuckets] = useState<SortBuckets | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(barRef);
  const [pointer, setPointer] = useState<{ y: number; dragging: boolean } | null>(null);
  const frame = useRef<number | null>(null);

  // Another view's marks would be wrong: none until its own arrive.
  useEffect(() => setBuckets(null), [view, search, sort]);
  // The id list changing (items in or out) changes the counts too. Counting walks the whole
  // view on the server's one thread, so it waits until the first screen's tiles and pictures
  // were asked for, and a burst of reloads (an import) asks once.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void loadSortBuckets(view, search, sort).then((answer) => {
        if (live && answer !== null) setBuckets(answer);
      });
    }, BUCKETS_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [view, search, sort, viewVersion]);

  const starts = useMemo(() => bucketStarts(buckets?.buckets ?? []), [buckets]);
  const marks = useMemo(() => (buckets ? scrubberMarks(buckets.kind, buckets.buckets, height) : []), [buckets, height]);
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  // The bar is always in the page, so its height is measured before the counts arrive.
  if (!buckets || buckets.total === 0 || ids.length === 0) return <div ref={barRef} className="scrubber" aria-hidden="true" />;
  const { kind, total } = buckets;
  const current = bucketAt(starts, Math.min(topIndex, total - 1));
  const currentBucket = buckets.buckets[current];
  const currentText = currentBucket ? bucketLabel(kind, currentBucket.key) : '';

  const fractionAt = (clientY: number): number => {
    const rect = barRef.current?.getBoundingClientRect();
    if (!rect || rect.height <= 0) return 0;
    return Math.min(1, Math.max(0, (clientY - rect.top) / rect.height));
  };
  const yAt = (clientY: number): number => fractionAt(clientY) * height;
  // Pointer moves come faster than frames: scroll once per frame, to the latest place.
  const jumpSoon = (index: number): void => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      onJump(index);
    });
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setPointer({ y: yAt(event.clientY), dragging: true });
    onJump(indexAtFraction(fractionAt(event.clientY), total));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const dragging = pointer?.dragging === true;
    const y = yAt(event.clientY);
    // Chromium sends moves after every scroll step to update hover: an unmoved pointer changes nothing.
    setPointer((old) => (old !== null && old.y === y && old.dragging === dragging ? old : { y, dragging }));
    if (dragging) jumpSoon(indexAtFraction(fractionAt(event.clientY), total));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
    setPointer((old) => (old ? { ...old, dragging: false } : null));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = stepBucket(kind, current, buckets.buckets.length, event.key);
    if (next === null) return;
    event.preventDefault();
    onJump(starts[next] ?? 0);
  };

  const hovered = pointer ? buckets.buckets[bucketAt(starts, indexAtFraction(pointer.y / Math.max(1, height), total))] : undefined;
  const thumb = fractionOfIndex(topIndex, total) * height;
  return (
    <div
      ref={barRef}
      className={`scrubber${pointer?.dragging ? ' dragging' : ''}`}
      role="slider"
      aria-label={`Jump through the items by ${NAMES[kind]}`}
      aria-orientation="vertical"
      aria-valuemin={1}
      aria-valuemax={buckets.buckets.length}
      aria-valuenow={current + 1}
      aria-valuetext={currentText}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onPointerLeave={() => setPointer((old) => (old?.dragging ? old : null))}
      onKeyDown={onKeyDown}
    >
      <Marks marks={marks} />
      <span className="scrubber-thumb" aria-hidden="true" style={{ top: thumb }} />
      {pointer && hovered && (
        <span className="scrubber-label" aria-hidden="true" style={{ top: pointer.y }}>
          {bucketLabel(kind, hovered.key)}
        </span>
      )}
    </div>
  );
});
