import type { IncomingMessage } from 'node:http';
import { FolioError } from '../../../shared/errors.js';
import { HttpError } from './error-status.js';

export const JSON_BODY_LIMIT = 1024 * 1024;
// After the limit we keep reading (and discarding) for a while, so the client gets to read
// our 413 instead of a connection reset; past this we stop listening altogether.
const DISCARD_LIMIT = 16 * JSON_BODY_LIMIT;

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

async function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > DISCARD_LIMIT) {
    req.destroy();
    throw new PayloadTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > DISCARD_LIMIT) {
      req.destroy();
      break;
    }
    if (received <= limit) chunks.push(chunk);
  }
  if (received > limit) throw new PayloadTooLarge(limit);
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON body of at most `limit` bytes. An empty body is `undefined` (a method without
 * arguments); malformed JSON is INVALID_ARGUMENT (400).
 */
export async function readJsonBody(req: IncomingMessage, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const raw = await readRaw(req, limit);
  const text = raw.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FolioError('INVALID_ARGUMENT', 'The request body is not valid JSON', { field: 'body' });
  }
}
