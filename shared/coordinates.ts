import { FolioError } from './errors.js';

/** A focus area in pixels of the upright image. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const PATTERN = /^\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*$/;

/** Parses the seed documents' `"x,y,width,height"` form (non-negative integers). */
export function parseCoordinates(text: string, field = 'customCoordinates'): Rect {
  const match = PATTERN.exec(text);
  if (!match) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      'customCoordinates must be "x,y,width,height" with whole, non-negative numbers',
      { field },
    );
  }
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  if (width === 0 || height === 0) {
    throw new FolioError('INVALID_ARGUMENT', 'The focus area must have a width and a height', {
      field,
    });
  }
  return { x, y, width, height };
}

export function formatCoordinates(rect: Rect): string {
  return `${rect.x},${rect.y},${rect.width},${rect.height}`;
}

/** Checks a focus area lies inside an image of the given upright size. */
export function assertInside(rect: Rect, width: number | null, height: number | null, field = 'customCoordinates'): void {
  if (width === null || height === null) {
    throw new FolioError('INVALID_ARGUMENT', 'This item has no known dimensions (it is not a picture Folio could read), so it cannot have a focus area; send customCoordinates: null', {
      field,
    });
  }
  if (rect.x + rect.width > width || rect.y + rect.height > height) {
    throw new FolioError(
      'INVALID_ARGUMENT',
      `The focus area ${formatCoordinates(rect)} does not fit inside the ${width}×${height} image`,
      { field },
    );
  }
}
