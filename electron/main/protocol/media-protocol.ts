import { ELECTRON_MEDIA_BASE } from '../../../shared/media-urls.js';
import { handleMediaRequest, mediaPathFromUrl } from '../../library/media-files/media-handler.js';
import type { MediaFileSource } from '../../library/media-files/resolve-media-file.js';

export type ProtocolHandler = (request: Request) => Promise<Response>;

/**
 * `media://item/<id>/original` and `media://item/<id>/thumb/<size>`: the renderer names an item
 * and a size, never a path. Resolving the item to a real file inside its library folder, Range,
 * content type and nosniff are the shared media-files module's job (browser mode serves
 * `/media/…` with the very same code); this only routes Electron's requests to it.
 */
export function createMediaProtocolHandler(source: MediaFileSource): ProtocolHandler {
  return async (request) => {
    // A URL on another host (`media://other/…`) has no media path; the empty path is refused
    // by the same grammar check as any other malformed one (404).
    const mediaPath = mediaPathFromUrl(request.url, ELECTRON_MEDIA_BASE) ?? '';
    const response = await handleMediaRequest(source, request, mediaPath);
    // The page (app://folio) and the media (media://item) are different origins, and a
    // same-origin CORP header would stop <img>/<video> from showing them. Only our own page can
    // load media:// at all (no website ever runs in this app), so cross-origin is safe here.
    response.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    return response;
  };
}
