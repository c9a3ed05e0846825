/**
 * The mapping from raw metadata (exifr's output, grouped by namespace: `dc`, `lr`, `xmp`,
 * `iptc`, `ifd0`, …) to what Folio keeps. Pure: no file, no database.
 *
 * Within one location, where the same thing is said twice (MWG, "Guidelines for Handling Image
 * Metadata" 2.0, and ExifTool's MWG module, which implements it):
 * - XMP over IPTC-IIM, unless the IIM was edited after the XMP was last synchronised with it:
 *   Photoshop's stored IPTC digest differs from the digest of the IIM now in the file. Then
 *   the IIM value wins where there is one (a tool that knows only IIM changed it last).
 * - Description: EXIF ImageDescription first (MWG), then XMP/IIM as above, then XPComment.
 *   Placeholders cameras write (`OLYMPUS DIGITAL CAMERA`, …) are not descriptions.
 * - Title: `dc:title`, then IIM ObjectName, then XPTitle.
 * - Rating: `xmp:Rating`; Lightroom's -1 means rejected (the flag), not a rating.
 * - Label: `xmp:Label` (Lightroom's colour names), then digiKam's `ColorLabel` number.
 * - Flag: the -1 rating, then digiKam's `PickLabel` (1 rejected, 3 accepted).
 * - Keywords: every field together (keyword-paths.ts), XMP `dc:subject` or IIM Keywords as
 *   above for the flat ones, plus XPKeywords.
 * - People: named face regions, MWG (`mwg-rs:Regions`, type Face or untyped) and Microsoft's
 *   (`MP:RegionInfo`, `PersonDisplayName`).
 */
import { MEDIA_LABELS, type MediaFlag, type MediaLabel } from '../../../shared/media.js';
import { faceRegionsOf } from './face-regions.js';
import { EMPTY_LOCATION, type LocationMetadata } from './file-metadata.js';
import { keywordLevel, keywordPaths } from './keyword-paths.js';
import { cleanText, langAltText, listOf, numberOf, recordOf, textsOf, utf16Text } from './metadata-values.js';

export type RawGroups = Record<string, unknown>;

export interface EmbeddedParts {
  /** The XMP packet's properties by namespace prefix, or null without a (readable) packet. */
  xmp: RawGroups | null;
  iptc: Record<string, unknown> | null;
  ifd0: Record<string, unknown> | null;
  /** The IIM changed after the XMP was synchronised with it (digests differ). */
  iptcEditedAfterXmp: boolean;
}

/**
 * Camera firmware fills ImageDescription with its own name (`OLYMPUS DIGITAL CAMERA`,
 * `SONY DSC`, `<Digimax i50 MP3, Samsung #1 MP3>`, the make itself); those describe nothing.
 */
const PLACEHOLDER_DESCRIPTION = /^(?:<[^>]*>|.*\b(?:digital (?:still )?camera|dsc|camera)|default|image|untitled)$/iu;

/** Lightroom's label names (English) and digiKam's colour numbers, as Folio's five colours. */
const DIGIKAM_COLOURS: Record<number, MediaLabel> = { 1: 'red', 3: 'yellow', 4: 'green', 5: 'blue', 6: 'purple' };

function ns(groups: RawGroups | null, prefix: string): Record<string, unknown> {
  return recordOf(groups?.[prefix]);
}

function xmpKeywordFields(xmp: RawGroups | null) {
  return [
    { texts: textsOf(ns(xmp, 'lr').hierarchicalSubject), separator: '|' },
    { texts: textsOf(ns(xmp, 'digiKam').TagsList), separator: '/' },
    { texts: textsOf(ns(xmp, 'MicrosoftPhoto').LastKeywordXMP), separator: '/' },
    { texts: textsOf(ns(xmp, 'mediapro').CatalogSets), separator: '|' },
  ];
}

export function ratingAndFlag(value: unknown): { rating: number | null; flag: MediaFlag | null } {
  const number = numberOf(textsOf(value)[0] ?? value);
  if (number === null) return { rating: null, flag: null };
  if (number < 0) return { rating: 0, flag: 'reject' };
  return { rating: Math.min(5, Math.round(number)), flag: null };
}

export function labelOf(xmpLabel: unknown, digiKamColour: unknown): MediaLabel | null {
  const name = textsOf(xmpLabel)[0]?.trim().toLowerCase();
  if (name === 'magenta') return 'purple';
  if (name !== undefined && (MEDIA_LABELS as readonly string[]).includes(name) && name !== 'none') return name as MediaLabel;
  const colour = numberOf(textsOf(digiKamColour)[0]);
  return colour === null ? null : (DIGIKAM_COLOURS[colour] ?? null);
}

function pickLabelFlag(value: unknown): MediaFlag | null {
  const pick = numberOf(textsOf(value)[0]);
  return pick === 1 ? 'reject' : pick === 3 ? 'pick' : null;
}

export function peopleOf(xmp: RawGroups | null): string[] {
  const names: string[] = [];
  const mwgRegions = listOf(recordOf(ns(xmp, 'mwg-rs').Regions).RegionList);
  for (const region of mwgRegions.map(recordOf)) {
    const type = textsOf(region.Type)[0];
    if (type !== undefined && type !== 'Face') continue;
    names.push(...textsOf(region.Name));
  }
  for (const region of listOf(recordOf(ns(xmp, 'MP').RegionInfo).Regions).map(recordOf)) names.push(...textsOf(region.PersonDisplayName));
  const seen = new Set<string>();
  const people: string[] = [];
  for (const raw of names) {
    const name = keywordLevel(raw);
    if (name === null || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    people.push(name);
  }
  return people;
}

function regionsOf(xmp: RawGroups | null): Pick<LocationMetadata, 'regions'> {
  const regions = faceRegionsOf(xmp);
  return regions.length > 0 ? { regions } : {};
}

function exifDescription(ifd0: Record<string, unknown> | null): string | null {
  const text = cleanText(textsOf(ifd0?.ImageDescription)[0]);
  if (text === null || PLACEHOLDER_DESCRIPTION.test(text)) return null;
  const camera = [ifd0?.Make, ifd0?.Model].map((value) => cleanText(textsOf(value)[0])?.toLowerCase());
  return camera.includes(text.toLowerCase()) ? null : text;
}

/** An XMP sidecar, or any location that holds only XMP. */
export function metadataFromXmp(xmp: RawGroups): LocationMetadata {
  return metadataFromEmbedded({ xmp, iptc: null, ifd0: null, iptcEditedAfterXmp: false });
}

/** The metadata inside a file: its XMP packet, IPTC-IIM and EXIF IFD0, reconciled as documented above. */
export function metadataFromEmbedded(parts: EmbeddedParts): LocationMetadata {
  const { xmp, iptc, ifd0, iptcEditedAfterXmp } = parts;
  // MWG: XMP, unless the IIM holds a value and was edited after the XMP was synchronised.
  const xmpOrIptc = <T>(fromXmp: T | null, fromIptc: T | null): T | null => (iptcEditedAfterXmp && fromIptc !== null ? fromIptc : (fromXmp ?? fromIptc));
  const dc = ns(xmp, 'dc');
  const xmpNs = ns(xmp, 'xmp');
  const digiKam = ns(xmp, 'digiKam');
  const xmpSubjects = textsOf(dc.subject);
  const iptcKeywords = textsOf(iptc?.Keywords);
  const flat = xmpOrIptc(xmpSubjects.length > 0 ? xmpSubjects : null, iptcKeywords.length > 0 ? iptcKeywords : null) ?? [];
  const xpKeywords = (utf16Text(ifd0?.XPKeywords) ?? '').split(';');
  const { rating, flag: ratingFlag } = ratingAndFlag(xmpNs.Rating);
  return {
    ...EMPTY_LOCATION,
    keywordPaths: keywordPaths({ hierarchical: xmpKeywordFields(xmp), flat: [...flat, ...xpKeywords] }),
    rating,
    flag: ratingFlag ?? pickLabelFlag(digiKam.PickLabel),
    label: labelOf(xmpNs.Label, digiKam.ColorLabel),
    title: xmpOrIptc(langAltText(dc.title), cleanText(textsOf(iptc?.ObjectName)[0])) ?? utf16Text(ifd0?.XPTitle),
    description:
      exifDescription(ifd0) ??
      xmpOrIptc(langAltText(dc.description), cleanText(textsOf(iptc?.Caption)[0])) ??
      utf16Text(ifd0?.XPComment),
    people: peopleOf(xmp),
    ...regionsOf(xmp),
  };
}
