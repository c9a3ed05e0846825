/**
 * The focus area is stored in pixels of the upright image (`customCoordinates`); it is drawn
 * and dragged in CSS pixels of the preview. These functions convert between the two and apply
 * drags, keeping the rectangle inside the image and at least a pixel big.
 */
import type { Rect } from '../../../shared/coordinates.js';
import { clamp } from './grid-math.js';

export interface Size {
  width: number;
  height: number;
}

export type Handle = 'move' | 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const RESIZE_HANDLES: readonly Exclude<Handle, 'move'>[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** The largest size with the image's aspect ratio that fits the box (never larger than the box). */
export function fitInside(image: Size, box: Size): Size {
  if (image.width <= 0 || image.height <= 0 || box.width <= 0 || box.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** Display rectangle → whole image pixels, clamped inside the image. */
export function toImageRect(display: Rect, shown: Size, image: Size): Rect {
  const sx = image.width / shown.width;
  const sy = image.height / shown.height;
  const x = clamp(Math.round(display.x * sx), 0, image.width - 1);
  const y = clamp(Math.round(display.y * sy), 0, image.height - 1);
  const right = clamp(Math.round((display.x + display.width) * sx), x + 1, image.width);
  const bottom = clamp(Math.round((display.y + display.height) * sy), y + 1, image.height);
  return { x, y, width: right - x, height: bottom - y };
}

export function toDisplayRect(rect: Rect, shown: Size, image: Size): Rect {
  const sx = shown.width / image.width;
  const sy = shown.height / image.height;
  return { x: rect.x * sx, y: rect.y * sy, width: rect.width * sx, height: rect.height * sy };
}

/** A new rectangle dragged from `start` to `end` (display pixels), clipped to the shown image. */
export function rectFromDrag(start: { x: number; y: number }, end: { x: number; y: number }, shown: Size): Rect {
  const x1 = clamp(Math.min(start.x, end.x), 0, shown.width);
  const y1 = clamp(Math.min(start.y, end.y), 0, shown.height);
  const x2 = clamp(Math.max(start.x, end.x), 0, shown.width);
  const y2 = clamp(Math.max(start.y, end.y), 0, shown.height);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/**
 * Moves the whole rectangle or one of its edges/corners by (dx, dy), in display pixels.
 * A move keeps the size and stops at the image's border; a resize stops at `minSize` rather
 * than turning the rectangle inside out.
 */
export function adjustRect(rect: Rect, handle: Handle, dx: number, dy: number, shown: Size, minSize = 4): Rect {
  if (handle === 'move') {
    return {
      x: clamp(rect.x + dx, 0, Math.max(0, shown.width - rect.width)),
      y: clamp(rect.y + dy, 0, Math.max(0, shown.height - rect.height)),
      width: rect.width,
      height: rect.height,
    };
  }
  let left = rect.x;
  let top = rect.y;
  let right = rect.x + rect.width;
  let bottom = rect.y + rect.height;
  if (handle.includes('w')) left = clamp(left + dx, 0, right - minSize);
  if (handle.includes('e')) right = clamp(right + dx, left + minSize, shown.width);
  if (handle.includes('n')) top = clamp(top + dy, 0, bottom - minSize);
  if (handle.includes('s')) bottom = clamp(bottom + dy, top + minSize, shown.height);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Arrow-key nudges for keyboard users: move by `step`, or resize with Shift. */
export function nudgeRect(rect: Rect, key: string, resize: boolean, step: number, shown: Size): Rect | null {
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (dx === 0 && dy === 0) return null;
  return adjustRect(rect, resize ? 'se' : 'move', dx, dy, shown);
}
