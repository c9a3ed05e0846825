// The opt-in local REST API of the desktop app: the browser-mode server without the renderer.
import type { Library } from '../library/library.js';
import { startHttpServer, type HttpServerHandle } from '../library/http/server.js';
import type { MediaFileSource } from '../library/media-files/resolve-media-file.js';
import type { DesktopSettings } from './desktop-settings.js';

export interface RestApiController {
  readonly handle: HttpServerHandle | null;
  /** Starts or stops the server to match the settings. */
  apply(settings: DesktopSettings): Promise<void>;
  stop(): Promise<void>;
}

export function createRestApiController(library: Library, media: MediaFileSource): RestApiController {
  let handle: HttpServerHandle | null = null;
  const controller: RestApiController = {
    get handle() {
      return handle;
    },
    async apply(settings) {
      const { enabled, port, token } = settings.restApi;
      if (handle !== null && (!enabled || handle.port !== port || handle.token !== token)) await controller.stop();
      if (!enabled || handle !== null || token === null) return;
      // 127.0.0.1 only and a key on every request: the server refuses anything else itself.
      handle = await startHttpServer({ library, host: '127.0.0.1', port, token, serveRenderer: false, media });
      console.log(`folio: local REST API at ${handle.origin}/api/`);
    },
    async stop() {
      const running = handle;
      handle = null;
      await running?.close();
    },
  };
  return controller;
}
