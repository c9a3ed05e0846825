import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { FolioError } from '../../../shared/errors.js';
import { parseByteRange } from './byte-range.js';
import { fileSystemError } from '../base/file-system-error.js';

export interface FileToServe {
  /** A real path (symlinks already resolved and checked by the caller). */
  realPath: Buffer;
  contentType: string;
  cacheControl: string;
  /** The policy the response runs under if a browser opens it as a document. */
  csp: string;
  /** For media: `attachment` for types a browser could run as a page (HTML, SVG, XML…). */
  disposition?: { kind: 'inline' | 'attachment'; fileName: string };
  /** A validator that changes whenever the bytes do (content hash for thumbnails). */
  etag?: string;
}

// A media response must never run as a page in our origin, whatever the file holds: an SVG or
// HTML original opened directly would otherwise see the session cookie. `sandbox` gives it an
// opaque origin; `default-src 'none'` stops it loading anything.
export const MEDIA_CSP = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

const SMALL_FILE_BYTES = 256 * 1024;

// Refuse to follow a symlink swapped in at the last component after the real-path check.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

/** RFC 6266 / 8187: a name with `#`, `%`, `?`, quotes or non-ASCII survives as `filename*`. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim().replace(/^W\//, '');
    return value === etag || value === '*';
  });
}

/**
 * Answers a GET or HEAD for one file (media, and the renderer's static files) as a web `Response`, with `Range` (206/416), validators
 * (304) and the security headers every media response carries. The file is opened once and
 * streamed from that descriptor, so the size we announce is the size we send.
 */
export async function fileResponse(request: Request, file: FileToServe): Promise<Response> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file.realPath, OPEN_FLAGS);
  } catch (cause) {
    throw fileSystemError(cause, 'The media file');
  }
  let streaming = false;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new FolioError('NOT_FOUND', 'The media file is not a regular file');
    const etag = file.etag ?? `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers = new Headers({
      'Content-Type': file.contentType,
      'Accept-Ranges': 'bytes',
      'Cache-Control': file.cacheControl,
      ETag: etag,
      'Last-Modified': stat.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': file.csp,
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    if (file.disposition) headers.set('Content-Disposition', contentDisposition(file.disposition.kind, file.disposition.fileName));
    if (etagMatches(request.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers });
    }
    // If-Range: a range of a file that changed since the client's copy would splice two files.
    const ifRange = request.headers.get('if-range');
    const rangeHeader = ifRange === null || ifRange === etag ? request.headers.get('range') : null;
    const range = parseByteRange(rangeHeader, stat.size);
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${stat.size}`);
      headers.set('Content-Type', 'application/json; charset=utf-8');
      headers.delete('Content-Disposition');
      const body = JSON.stringify({
        error: { code: 'INVALID_ARGUMENT', message: `The requested range is outside the file (${stat.size} bytes)`, field: 'Range' },
      });
      return new Response(body, { status: 416, headers });
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? stat.size - 1;
    const length = stat.size === 0 ? 0 : end - start + 1;
    headers.set('Content-Length', String(length));
    if (range) headers.set('Content-Range', `bytes ${start}-${end}/${stat.size}`);
    const status = range ? 206 : 200;
    if (request.method === 'HEAD' || length === 0) {
      return new Response(null, { status, headers });
    }
    if (length <= SMALL_FILE_BYTES) {
      // Thumbnails and most assets: one read, no stream to set up and tear down.
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await handle.read(bytes, 0, length, start);
      return new Response(bytes.subarray(0, bytesRead), { status, headers });
    }
    const stream = handle.createReadStream({ start, end, autoClose: true });
    streaming = true;
    const body = Readable.toWeb(stream) as NodeWebStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
    return new Response(body, { status, headers });
  } finally {
    if (!streaming) await handle.close();
  }
}
