/**
 * The IPTC block of a JPEG and the digest Photoshop stored for it, from the Photoshop image
 * resources in APP13 ("Photoshop 3.0"). The Metadata Working Group compares the two to tell
 * whether the IPTC-IIM was edited after the XMP was last synchronised with it: resource 0x0404
 * holds the IIM itself, 0x0425 the MD5 of the IIM as it was at that time.
 */
import { createHash } from 'node:crypto';

export interface IptcDigests {
  /** MD5 of the IPTC-IIM block now in the file (hex), or null when there is none. */
  current: string | null;
  /** The digest a synchronising tool stored (hex), or null when there is none. */
  stored: string | null;
}

const NO_DIGESTS: IptcDigests = { current: null, stored: null };
const PHOTOSHOP = Buffer.from('Photoshop 3.0\0', 'latin1');
const RESOURCE = Buffer.from('8BIM', 'latin1');
const IPTC_NAA = 0x0404;
const IPTC_DIGEST = 0x0425;

/** Reads the digests from a JPEG's APP13 segments; anything that is not a well-formed JPEG gives none. */
export function jpegIptcDigests(bytes: Buffer): IptcDigests {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return NO_DIGESTS;
  const iptc: Buffer[] = [];
  let stored: string | null = null;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1] as number;
    // Start of scan: the metadata segments all come before the image data.
    if (marker === 0xda || marker === 0xd9) break;
    if (marker === 0xff || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) break;
    if (marker === 0xed) {
      const segment = bytes.subarray(offset + 4, end);
      if (segment.subarray(0, PHOTOSHOP.length).equals(PHOTOSHOP)) {
        for (const resource of imageResources(segment.subarray(PHOTOSHOP.length))) {
          if (resource.id === IPTC_NAA) iptc.push(resource.data);
          else if (resource.id === IPTC_DIGEST && resource.data.length === 16) stored = resource.data.toString('hex');
        }
      }
    }
    offset = end;
  }
  const current = iptc.length === 0 ? null : createHash('md5').update(Buffer.concat(iptc)).digest('hex');
  return { current, stored };
}

function* imageResources(data: Buffer): Generator<{ id: number; data: Buffer }> {
  let offset = 0;
  while (offset + 12 <= data.length && data.subarray(offset, offset + 4).equals(RESOURCE)) {
    const id = data.readUInt16BE(offset + 4);
    // The resource name is a Pascal string padded to an even length (its length byte included).
    const nameLength = data[offset + 6] as number;
    const nameEnd = offset + 6 + (nameLength + 1 + ((nameLength + 1) % 2));
    if (nameEnd + 4 > data.length) return;
    const size = data.readUInt32BE(nameEnd);
    const start = nameEnd + 4;
    if (start + size > data.length) return;
    yield { id, data: data.subarray(start, start + size) };
    offset = start + size + (size % 2);
  }
}
