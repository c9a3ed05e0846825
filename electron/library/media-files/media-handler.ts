import { errorResponse, methodNotAllowed } from '../base/error-status.js';
import { fileResponse } from './file-response.js';
import { parseMediaPath } from './media-request.js';
import { resolveMediaFile, type MediaFileSource } from './resolve-media-file.js';
import { toFolioError } from '../base/error-path.js';

/**
 * Answers a media request — the HTTP server's `/media/…` and Electron's `media://item/…` both
 * call this with the raw (undecoded) path after their base. Never throws: failures become a
 * JSON error response with the mapped status.
 */
export async function handleMediaRequest(source: MediaFileSource, request: Request, mediaPath: string): Promise<Response> {
  try {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(methodNotAllowed(['GET', 'HEAD']));
    }
    const parsed = parseMediaPath(mediaPath);
    const file = await resolveMediaFile(source, parsed);
    return await fileResponse(request, file);
  } catch (error) {
    return errorResponse(toFolioError(error, 'serving media'));
  }
}

/**
 * The raw path of a media URL after its base: for `media://item/42/original` that is
 * `/42/original`. Taken from the URL text, not from a parsed-and-decoded pathname.
 */
export function mediaPathFromUrl(url: string, base: string): string | null {
  if (!url.startsWith(base)) return null;
  const rest = url.slice(base.length);
  return rest.startsWith('/') ? rest : null;
}
