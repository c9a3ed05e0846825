import { parseArgs } from '../../../shared/args.js';
import { isMethodName } from '../../../shared/contract.js';
import { FolioError } from '../../../shared/errors.js';
import { mediaUrlBuilder, HTTP_MEDIA_BASE } from '../../../shared/media-urls.js';
import { errorEnvelope, okEnvelope } from '../../../shared/result.js';
import type { Service } from '../service/service.js';
import { errorHeaders, httpStatusOf, methodNotAllowed } from '../base/error-status.js';
import { readJsonBody, requireJsonContentType } from './read-body.js';
import type { HttpRequest } from './request-context.js';
import { jsonResponse } from './write-response.js';
import { toFolioError } from '../base/error-path.js';

const BROWSER_CONTEXT = { actor: 'user', urls: mediaUrlBuilder(HTTP_MEDIA_BASE) } as const;

/**
 * `POST /rpc/<method>`: the browser-mode twin of an IPC channel. The body is the method's
 * arguments; the answer is the same envelope IPC gives, with a status that matches its error.
 */
export async function handleRpc(request: HttpRequest, service: Service, methodSegment: string): Promise<Response> {
  try {
    if (!isMethodName(methodSegment)) throw new FolioError('NOT_FOUND', `There is no method "${methodSegment}"`);
    if (request.method !== 'POST') throw methodNotAllowed(['POST']);
    requireJsonContentType(request.req);
    const args = parseArgs(methodSegment, await readJsonBody(request.req));
    const value = await service.callParsed(methodSegment, args, BROWSER_CONTEXT);
    return jsonResponse(okEnvelope(value));
  } catch (error) {
    const reported = toFolioError(error, `rpc ${methodSegment}`);
    return jsonResponse(errorEnvelope(reported), httpStatusOf(reported), errorHeaders(reported));
  }
}
