/**
 * A fault in a search query: INVALID_ARGUMENT with a sentence that says what is wrong and
 * where ("at character 7"), and the place itself in `details` so the search box can underline it.
 */
import { FolioError } from '../errors.js';

export function searchError(message: string, position: number, length: number): FolioError {
  const at = Math.max(0, position);
  const size = Math.max(1, length);
  return new FolioError('INVALID_ARGUMENT', `${message} (at character ${at + 1})`, {
    field: 'filter.query',
    details: { position: at, length: size },
  });
}
