import { FolioError } from '../../../../shared/errors.js';
import { errorResponse, methodNotAllowed } from '../../base/error-status.js';
import type { HttpRequest } from '../request-context.js';
import { jsonResponse } from '../write-response.js';
import type { ApiContext } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { mediaRoutes } from './media-routes.js';
import { metaRoutes } from './meta-routes.js';
import { tagRoutes } from './tag-routes.js';
import { duplicateRoutes } from './duplicate-routes.js';
import { albumRoutes } from './album-routes.js';
import { analysisRoutes } from './analysis-routes.js';
import { peopleRoutes } from './people-routes.js';
import { fileMetadataRoutes } from './file-metadata-routes.js';
import { exportRoutes } from './export-routes.js';
import { toFolioError } from '../../base/error-path.js';
import { imagekitErrorResponse, isImageKitPath } from '../imagekit/imagekit-errors.js';
import { imagekitRoutes } from '../imagekit/imagekit-routes.js';

interface CompiledRoute extends ApiRoute {
  pattern: RegExp;
}

// Ids are digits only: anything else in that place is not a route (`/api/media/tags` is one).
function compile(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('\\{id\\}', '{id}');
  return new RegExp(`^${escaped.replace('{id}', '([0-9]{1,16})')}$`);
}

/** Every route of the REST API, each declared once with its description. */
export function declareApiRoutes(origin: string): ApiRoute[] {
  const declared: ApiRoute[] = [...mediaRoutes, ...duplicateRoutes, ...tagRoutes, ...albumRoutes, ...metaRoutes(() => declared, origin), ...imagekitRoutes, ...analysisRoutes, ...peopleRoutes, ...fileMetadataRoutes, ...exportRoutes];
  return declared;
}

/**
 * `/api/…`: the REST API, dispatching into the same service as IPC with actor `api`; and `/v1/…`,
 * its ImageKit dialect, which answers errors in ImageKit's shape.
 */
export function createApiRouter(api: ApiContext, origin: string): (request: HttpRequest) => Promise<Response> {
  const routes: CompiledRoute[] = declareApiRoutes(origin).map((route) => ({ ...route, pattern: compile(route.path) }));

  return async (request) => {
    try {
      const matching = routes.filter((route) => route.pattern.test(request.rawPath));
      if (matching.length === 0) throw new FolioError('NOT_FOUND', `There is no API route ${request.rawPath}`);
      // HEAD is a GET without the body (the response writer leaves it out).
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      const route = matching.find((candidate) => candidate.method === method);
      if (!route) {
        throw methodNotAllowed(matching.map((candidate) => candidate.method));
      }
      const idText = route.pattern.exec(request.rawPath)?.[1];
      const id = idText === undefined ? 0 : Number(idText);
      if (idText !== undefined && (!Number.isSafeInteger(id) || id < 1)) {
        throw new FolioError('NOT_FOUND', `Media item ${idText} was not found`);
      }
      const answer = await route.handle(request, { id }, api);
      return answer instanceof Response ? answer : jsonResponse(answer);
    } catch (error) {
      const folioError = toFolioError(error, `${request.method} ${request.rawPath}`);
      if (isImageKitPath(request.rawPath)) return imagekitErrorResponse(folioError, request.rawPath);
      return errorResponse(folioError, { headers: { 'Cache-Control': 'no-store' } });
    }
  };
}
