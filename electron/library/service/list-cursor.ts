/**
 * The opaque paging cursor: the last row's sort value and id, and the sort it belongs to.
 * base64url JSON, so a client treats it as a token; a cursor from another sort, or one that
 * was tampered with, is INVALID_ARGUMENT rather than a silently wrong page.
 */
import { FolioError } from '../../../shared/errors.js';
import type { SortDirection, SortField } from '../../../shared/media.js';
import type { SortValue } from '../db/media-list-query.js';

export interface CursorPosition {
  field: SortField;
  direction: SortDirection;
  value: SortValue;
  id: number;
}

export function encodeCursor(position: CursorPosition): string {
  const payload = [position.field, position.direction, position.value, position.id];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function invalid(message: string): FolioError {
  return new FolioError('INVALID_ARGUMENT', message, { field: 'cursor' });
}

/** Reads a cursor made by encodeCursor for the same sort. */
export function decodeCursor(cursor: string, field: SortField, direction: SortDirection): { value: SortValue; id: number } {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The cursor is not one this library made; start again without a cursor');
  }
  if (!Array.isArray(payload) || payload.length !== 4) {
    throw invalid('The cursor is not one this library made; start again without a cursor');
  }
  const [cursorField, cursorDirection, value, id] = payload as unknown[];
  if (cursorField !== field || cursorDirection !== direction) {
    throw invalid('The cursor belongs to another sort order; start again without a cursor');
  }
  const valueOk = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
  if (!valueOk || typeof id !== 'number' || !Number.isSafeInteger(id)) {
    throw invalid('The cursor is not one this library made; start again without a cursor');
  }
  return { value: value as SortValue, id };
}
