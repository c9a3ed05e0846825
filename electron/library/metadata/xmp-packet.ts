/**
 * Checking an XMP packet before it is parsed, so damaged metadata is recorded with a reason
 * instead of being half-read. A packet is refused when it is larger than Folio reads, not
 * text in its declared encoding, declares a DTD (the door to entity-expansion bombs: XMP never
 * needs one), or is not well-formed XML. The check is a streaming SAX pass (no tree, no
 * entity expansion); the properties then come from exifr's XMP parser.
 */
import { isUtf8 } from 'node:buffer';
import exifr from 'exifr';
import sax from 'sax';
import type { RawGroups } from './metadata-from-tags.js';

/** Sidecars with a long edit history reach a few hundred kB; 4 MB leaves room and bounds the work. */
export const MAX_XMP_BYTES = 4 * 1024 * 1024;

export type XmpParse = { ok: true; groups: RawGroups } | { ok: false; reason: string };

/** Decodes a sidecar's bytes: UTF-8 (optionally with its BOM) or UTF-16 with a BOM, as XMP allows. */
export function xmpText(bytes: Buffer): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length > MAX_XMP_BYTES) return { ok: false, reason: tooLarge(bytes.length) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: bytes.subarray(2).toString('utf16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { ok: true, text: swapped.toString('utf16le') };
  }
  if (!isUtf8(bytes)) return { ok: false, reason: 'it is not UTF-8 text (XMP must be UTF-8 or UTF-16 with a byte order mark)' };
  return { ok: true, text: bytes.toString('utf8').replace(/^\uFEFF/u, '') };
}

function tooLarge(bytes: number): string {
  return `it is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_XMP_BYTES / 1024 / 1024} MB Folio reads`;
}

/** The reason the packet cannot be read, or null when it is well-formed XML without a DTD. */
export function xmpProblem(text: string): string | null {
  if (text.length > MAX_XMP_BYTES) return tooLarge(Buffer.byteLength(text));
  // exifr decodes an embedded packet's bytes as UTF-8; bytes that were not give U+FFFD.
  if (text.includes('\uFFFD')) return 'it is not UTF-8 text (XMP must be UTF-8)';
  let problem: string | null = null;
  const parser = sax.parser(true, { xmlns: false, position: true });
  parser.ondoctype = () => {
    problem ??= 'it declares a DTD, which XMP never needs (refused: entity definitions can expand without bound)';
  };
  parser.onerror = (error) => {
    problem ??= `it is not well-formed XML (${error.message.split('\n', 1)[0] ?? 'parse error'} at line ${parser.line + 1})`;
    throw error; // stops the parse at the first error
  };
  try {
    // The xpacket processing instructions may wrap the packet; sax reads them as such.
    parser.write(text).close();
  } catch {
    // the reason is recorded above
  }
  if (problem === null && !/<x:xmpmeta|<rdf:RDF/u.test(text)) problem = 'it holds no XMP (no x:xmpmeta or rdf:RDF element)';
  return problem;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five entities and character references, which exifr's XMP parser leaves as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/giu, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ENTITIES[name.toLowerCase()] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff && code !== 0 ? String.fromCodePoint(code) : whole;
  });
}

function decodeValues(value: unknown): unknown {
  if (typeof value === 'string') return decodeXmlText(value);
  if (Array.isArray(value)) return value.map(decodeValues);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decodeValues(inner)]));
  return value;
}

interface XmpParser {
  parse(text: string, options: object): RawGroups;
}

/** Checks then parses one packet into its properties by namespace prefix. */
export function parseXmpPacket(packet: string): XmpParse {
  // Writers that treat the packet as a C string leave a NUL after it; it is not part of the XML.
  const text = packet.replace(/\0+\s*$/u, '');
  const problem = xmpProblem(text);
  if (problem !== null) return { ok: false, reason: problem };
  const parser = exifr.segmentParsers.get('xmp') as XmpParser | undefined;
  if (!parser) return { ok: false, reason: 'no XMP parser is available' };
  try {
    const groups = parser.parse(text, { mergeOutput: false });
    return { ok: true, groups: typeof groups === 'object' && groups !== null ? (decodeValues(groups) as RawGroups) : {} };
  } catch (error) {
    return { ok: false, reason: `it could not be parsed (${error instanceof Error ? error.message : String(error)})` };
  }
}
