/**
 * A grid taller than the browser lays out, scrolled through a scroller that is not.
 *
 * Chromium stops laying out an element at 33,554,432 px (Firefox near 17,895,697), and a million
 * items at the largest tile size need about 215,000,000 px. So the scroller's content is capped
 * (MAX_SCROLL_HEIGHT) and the grid's own, "virtual", position is derived from the scroller's
 * position by a page offset, as SlickGrid does:
 *
 * - The virtual range [0, V] is cut into `pages` pages of equal length `pageLength`. On page p
 *   the virtual top is the scroller's top plus p × `jump`. Within a page the two move together,
 *   pixel for pixel, so a wheel or a key scrolls as smoothly as in any page.
 * - When a small scroll crosses into another page, the offset changes by one `jump` and the
 *   scroller's top is written back by the same amount: the picture does not move, only the
 *   scroll bar's thumb steps back a little.
 * - A jump of more than a viewport (the scroll bar dragged, a click in its track) is read as a
 *   proportion: the scroller's top picks the page, so the thumb's place along the track is the
 *   place in the grid, to within one page.
 *
 * `jump` is chosen so that the last page ends exactly where the scroller ends: its bottom is the
 * grid's last row, and its top is the grid's first. Below the cap, nothing is scaled.
 */

/** The tallest content the gallery lets the browser lay out: well under Chromium's limit, and Firefox's. */
export const MAX_SCROLL_HEIGHT = 15_000_000;
/** Longest page (virtual px): small enough that a page step moves the thumb by a sliver. */
const PAGE_LENGTH = 200_000;

export interface ScrollScale {
  /** The grid's own height: every row. */
  realHeight: number;
  /** The height the scroller's content is given (≤ the cap). */
  shownHeight: number;
  viewport: number;
  /** Largest virtual top: the grid's last screen. */
  maxTop: number;
  /** Largest scroller top. */
  maxScrollTop: number;
  pages: number;
  /** Virtual length of one page. */
  pageLength: number;
  /** How much further the virtual top is than the scroller's top, per page. */
  jump: number;
}

/** Where the grid is: its virtual top, and the page offset that maps it onto the scroller. */
export interface ScrollPosition {
  top: number;
  offset: number;
}

export function scrollScale(realHeight: number, viewportHeight: number, cap = MAX_SCROLL_HEIGHT): ScrollScale {
  const viewport = Math.max(0, viewportHeight);
  const height = Math.max(0, realHeight);
  const maxTop = Math.max(0, height - viewport);
  if (height <= cap) {
    return { realHeight: height, shownHeight: height, viewport, maxTop, maxScrollTop: maxTop, pages: 1, pageLength: Math.max(1, maxTop), jump: 0 };
  }
  const maxScrollTop = Math.max(1, cap - viewport);
  // A page no longer than the scroller's range (so a jump never exceeds a page), and at least
  // two pages: with one, the range could not be stretched.
  const pages = Math.max(2, Math.ceil(maxTop / Math.min(PAGE_LENGTH, maxScrollTop)));
  const pageLength = maxTop / pages;
  const jump = (maxTop - maxScrollTop) / (pages - 1);
  return { realHeight: height, shownHeight: cap, viewport, maxTop, maxScrollTop, pages, pageLength, jump };
}

export function isScaled(scale: ScrollScale): boolean {
  return scale.jump > 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function pageOf(scale: ScrollScale, top: number): number {
  return clamp(Math.floor(top / scale.pageLength), 0, scale.pages - 1);
}

/** Puts the grid at virtual top `top`: the offset to use and the scroller top that shows it. */
export function positionAt(scale: ScrollScale, top: number): ScrollPosition & { scrollTop: number } {
  const clamped = clamp(top, 0, scale.maxTop);
  const offset = pageOf(scale, clamped) * scale.jump;
  return { top: clamped, offset, scrollTop: clamp(clamped - offset, 0, scale.maxScrollTop) };
}

/**
 * The scroller was moved far (the scroll bar): its top, as a share of its range, picks the page.
 * Top maps to the first row, bottom to the last.
 */
export function positionFromScrollbar(scale: ScrollScale, scrollTop: number): ScrollPosition {
  const s = clamp(scrollTop, 0, scale.maxScrollTop);
  if (!isScaled(scale)) return { top: s, offset: 0 };
  const stride = Math.max(1e-6, scale.pageLength - scale.jump);
  const page = clamp(Math.floor(s / stride), 0, scale.pages - 1);
  const offset = page * scale.jump;
  return { top: clamp(s + offset, 0, scale.maxTop), offset };
}

/**
 * The scroller moved a little: the grid moves with it pixel for pixel. When that crosses into
 * another page, `rewrite` is the scroller top to set so the picture stays where it is.
 */
export function positionAfterStep(
  scale: ScrollScale,
  offset: number,
  scrollTop: number,
): ScrollPosition & { rewrite: number | null } {
  const top = clamp(scrollTop + offset, 0, scale.maxTop);
  const next = positionAt(scale, top);
  const rewrite = next.offset === offset ? null : next.scrollTop;
  return { top, offset: next.offset, rewrite };
}

/**
 * Follows one scroller's position from event to event. A move of more than a viewport that
 * we did not make ourselves is the scroll bar; anything else is a step.
 */
export class ScrollTracker {
  private position: ScrollPosition = { top: 0, offset: 0 };
  private lastScrollTop = 0;
  /** The scroller top we set last, so its own scroll event is not taken for a drag. */
  private expected: number | null = null;

  constructor(private scaleNow: ScrollScale) {}

  get scale(): ScrollScale {
    return this.scaleNow;
  }

  get top(): number {
    return this.position.top;
  }

  get offset(): number {
    return this.position.offset;
  }

  /** A scroll event: where the grid is now, and a scroller top to write back, if any. */
  onScroll(scrollTop: number): { top: number; offset: number; rewrite: number | null } {
    const scale = this.scaleNow;
    const ours = this.expected !== null && Math.abs(scrollTop - this.expected) < 1;
    this.expected = null;
    const far = Math.abs(scrollTop - this.lastScrollTop) > Math.max(1, scale.viewport);
    let result: { top: number; offset: number; rewrite: number | null };
    if (far && !ours) result = { ...positionFromScrollbar(scale, scrollTop), rewrite: null };
    else result = positionAfterStep(scale, this.position.offset, scrollTop);
    this.position = { top: result.top, offset: result.offset };
    this.lastScrollTop = result.rewrite ?? scrollTop;
    if (result.rewrite !== null) this.expected = result.rewrite;
    return result;
  }

  /** Moves the grid to virtual top `top` (a key, the scrubber): the scroller top to set. */
  scrollTo(top: number): number {
    const next = positionAt(this.scaleNow, top);
    this.position = { top: next.top, offset: next.offset };
    this.lastScrollTop = next.scrollTop;
    this.expected = next.scrollTop;
    return next.scrollTop;
  }

  /** A new grid height or viewport; the grid is then put at `top` (the caller keeps its top item). */
  rescale(scale: ScrollScale, top: number): number {
    this.scaleNow = scale;
    return this.scrollTo(top);
  }
}
