/**
 * The search text's fault as the search box shows it, from the same parser the service runs:
 * null when the text parses. The gallery does not ask for a list the service would refuse.
 */
import { FolioError } from '../../../shared/errors.js';
import { parseSearch } from '../../../shared/search/index.js';

export interface SearchProblem {
  message: string;
  position: number;
  length: number;
}

export function searchProblem(search: string): SearchProblem | null {
  try {
    parseSearch(search);
    return null;
  } catch (error) {
    if (!(error instanceof FolioError) || error.details === undefined) throw error;
    return { message: error.message, position: error.details.position, length: error.details.length };
  }
}
