import type { IncomingMessage } from 'node:http';
import { FolioError } from '../../../shared/errors.js';
import { HttpError } from '../base/error-status.js';

export const JSON_BODY_LIMIT = 1024 * 1024;

export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const mediaType = value.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** 415 for anything but JSON: it also forces a CORS preflight, which this server never answers. */
export function requireJsonContentType(req: IncomingMessage): void {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(415, 'INVALID_ARGUMENT', 'The request body must be JSON (Content-Type: application/json)', {
      field: 'Content-Type',
    });
  }
}

export class PayloadTooLarge extends FolioError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes`);
  }
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  // An announced size over the limit is refused before a byte is read.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new PayloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        // Stop reading here: the 413 goes out with `Connection: close`, so the rest of a
        // chunked upload is never read, and the client still gets to see the answer.
        stop();
        req.pause();
        reject(new PayloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error): void => {
      stop();
      // A client that hangs up mid-upload is not a fault of ours: one line, no stack.
      console.warn(`folio: a client closed the connection while sending a request body (${(error as NodeJS.ErrnoException).code ?? error.message})`);
      reject(new FolioError('CANCELLED', 'The connection closed before the request body arrived'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

// A body that is not UTF-8 is refused rather than stored with U+FFFD in place of its bytes.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Reads a JSON body of at most `limit` bytes. An empty body is `undefined` (a method without
 * arguments); malformed JSON is INVALID_ARGUMENT (400).
 */
export async function readJsonBody(req: IncomingMessage, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const raw = await readRaw(req, limit);
  let text: string;
  try {
    text = STRICT_UTF8.decode(raw).trim();
  } catch {
    throw new FolioError('INVALID_ARGUMENT', 'The request body is not valid UTF-8; send JSON encoded as UTF-8', { field: 'body' });
  }
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FolioError('INVALID_ARGUMENT', 'The request body is not valid JSON', { field: 'body' });
  }
}
