/**
 * Camera RAW formats told apart by their bytes. RAW files are images (`type: 'image'`) with the
 * maker's MIME type, never TIFF or MP4: most are TIFF inside (CR2, NEF, ARW, DNG, PEF…) and CR3
 * is ISO base media, so the generic checks would misname them. Which one it is comes from a
 * magic number where the maker has one, else from IFD0: DNGVersion, then the Make tag together
 * with a structure only RAWs have (SubIFDs, a maker's compression, private data).
 */
import { firstNumber, readIfd, TAG, text, tiffReader, u32, type Ifd, type TiffReader } from './tiff-ifd.js';

export interface RawFormat {
  format: string;
  mime: string;
}

/** Every RAW format Folio recognises, by its short name (also the file extension people use). */
export const RAW_FORMATS: Record<string, string> = {
  '3fr': 'image/x-hasselblad-3fr',
  arw: 'image/x-sony-arw',
  cr2: 'image/x-canon-cr2',
  cr3: 'image/x-canon-cr3',
  crw: 'image/x-canon-crw',
  dcr: 'image/x-kodak-dcr',
  dng: 'image/x-adobe-dng',
  erf: 'image/x-epson-erf',
  iiq: 'image/x-phaseone-iiq',
  mef: 'image/x-mamiya-mef',
  mos: 'image/x-leaf-mos',
  mrw: 'image/x-minolta-mrw',
  nef: 'image/x-nikon-nef',
  nrw: 'image/x-nikon-nrw',
  orf: 'image/x-olympus-orf',
  pef: 'image/x-pentax-pef',
  raf: 'image/x-fujifilm-raf',
  rw2: 'image/x-panasonic-rw2',
  sr2: 'image/x-sony-sr2',
  srw: 'image/x-samsung-srw',
  x3f: 'image/x-sigma-x3f',
};

export function isRawFormat(format: string | null): boolean {
  return format !== null && Object.hasOwn(RAW_FORMATS, format);
}

const raw = (format: string): RawFormat => ({ format, mime: RAW_FORMATS[format] ?? 'application/octet-stream' });

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return '';
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

// Compression codes that only RAW writers use in IFD0/SubIFDs (Nikon NEF, Pentax, Samsung, Sony).
const RAW_COMPRESSIONS = new Set([32767, 32769, 32770, 32771, 34713, 65000, 65535]);

/** The RAW format of a file's first bytes, or null when it is no RAW Folio knows. */
export function sniffRaw(head: Uint8Array): RawFormat | null {
  if (ascii(head, 0, 16) === 'FUJIFILMCCD-RAW ') return raw('raf');
  if (ascii(head, 0, 4) === 'FOVb') return raw('x3f');
  if (ascii(head, 0, 4) === '\0MRM') return raw('mrw');
  if ((ascii(head, 0, 2) === 'II' || ascii(head, 0, 2) === 'MM') && ascii(head, 6, 8) === 'HEAPCCDR') return raw('crw');
  const magic = ascii(head, 0, 4);
  if (magic === 'IIRO' || magic === 'IIRS' || magic === 'MMOR') return raw('orf');
  if (magic === 'IIU\0') return raw('rw2');
  if (ascii(head, 4, 8) === 'ftypcrx ') return raw('cr3');
  if (magic === 'II*\0' || magic === 'MM\0*') return sniffTiffRaw(head);
  return null;
}

function sniffTiffRaw(head: Uint8Array): RawFormat | null {
  if (ascii(head, 8, 2) === 'CR') return raw('cr2');
  if (ascii(head, 8, 4) === 'IIII') return raw('iiq');
  const r = tiffReader(head);
  if (r === null) return null;
  const ifd0 = readIfd(r, u32(r, 4) ?? 0, 'ifd0')?.ifd;
  if (ifd0 === undefined) return null;
  if (ifd0.entries.has(TAG.dngVersion)) return raw('dng');
  const make = (text(r, ifd0.entries.get(TAG.make)) ?? '').toUpperCase();
  const model = (text(r, ifd0.entries.get(TAG.model)) ?? '').toUpperCase();
  if (make === '' || !looksLikeRawStructure(r, ifd0)) return null;
  if (make.startsWith('NIKON')) return raw(model.includes('COOLPIX') ? 'nrw' : 'nef');
  if (make.startsWith('SONY')) return raw(model === 'DSC-R1' ? 'sr2' : 'arw');
  if (make.startsWith('PENTAX') || make.startsWith('RICOH')) return raw('pef');
  if (make.startsWith('SAMSUNG')) return raw('srw');
  if (make.startsWith('HASSELBLAD')) return raw('3fr');
  if (make.startsWith('KODAK') || make.startsWith('EASTMAN KODAK')) return raw('dcr');
  if (make.startsWith('SEIKO EPSON')) return raw('erf');
  if (make.startsWith('MAMIYA')) return raw('mef');
  if (make.startsWith('LEAF') || make.startsWith('PHASE ONE')) return raw('mos');
  if (make.startsWith('CANON')) return raw('cr2');
  return null;
}

/** A camera's own TIFF (cameras can shoot TIFF) has none of these; its RAW has at least one. */
function looksLikeRawStructure(r: TiffReader, ifd0: Ifd): boolean {
  if (ifd0.entries.has(TAG.subIfds) || ifd0.entries.has(TAG.dngPrivateData)) return true;
  const compression = firstNumber(r, ifd0.entries.get(TAG.compression));
  return compression !== null && RAW_COMPRESSIONS.has(compression);
}
