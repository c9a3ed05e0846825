/** A satisfiable byte range, both ends inclusive (as in `Content-Range`). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a `Range` header against a file of `size` bytes. Returns `null` when the whole file
 * should be sent (no header, a header we don't understand, or several ranges: RFC 9110 lets a
 * server ignore Range), `'unsatisfiable'` for a range that starts past the end (→ 416).
 */
export function parseByteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (header === null) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null; // Invalid: ignored, per RFC 9110.
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
