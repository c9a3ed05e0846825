/**
 * What Folio writes into an item's XMP sidecar, as ExifTool tag names (pure). Keywords go out
 * three ways so that each tool reads the tree: `lr:hierarchicalSubject` (Lightroom, levels by
 * `|`), `digiKam:TagsList` (digiKam, darktable, levels by `/`) and `dc:subject` (everyone: the
 * leaf of each tag). Ratings as `xmp:Rating` with Lightroom's -1 for a rejected item (its stars
 * are not kept then: Lightroom has no way to say both), and the flag as digiKam's PickLabel as
 * well; the label as Lightroom's colour name and digiKam's colour number; the name as
 * `dc:title` only when it is not the file's own name; the focus area as an MWG region of type
 * Focus. A value Folio does not hold is deleted (null), so the sidecar says what Folio says.
 */
import type { MediaFlag, MediaLabel } from '../../../shared/media.js';
import { splitTagPath } from '../../../shared/tag-path.js';

export interface SidecarItem {
  tags: readonly string[];
  rating: number;
  label: MediaLabel;
  flag: MediaFlag;
  name: string;
  originalName: string;
  description: string;
  /** "x,y,width,height" in pixels of the upright image, or null. */
  customCoordinates: string | null;
  width: number | null;
  height: number | null;
}

export const FOCUS_REGION_NAME = 'Folio focus area';

const LIGHTROOM_LABELS: Record<MediaLabel, string | null> = { none: null, red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', purple: 'Purple' };
const DIGIKAM_COLOURS: Record<MediaLabel, number | null> = { none: null, red: 1, yellow: 3, green: 4, blue: 5, purple: 6 };

export interface MwgRegion {
  Area: { X: number; Y: number; W: number; H: number; Unit: 'normalized' };
  Type: string;
  Name?: string;
  [other: string]: unknown;
}

/** The focus area as an MWG region: its centre and size as fractions of the picture. */
export function focusRegion(item: SidecarItem): MwgRegion | null {
  if (item.customCoordinates === null || !item.width || !item.height) return null;
  const [x = 0, y = 0, w = 0, h = 0] = item.customCoordinates.split(',').map(Number);
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return {
    Area: { X: round((x + w / 2) / item.width), Y: round((y + h / 2) / item.height), W: round(w / item.width), H: round(h / item.height), Unit: 'normalized' },
    Type: 'Focus',
    Name: FOCUS_REGION_NAME,
  };
}

export function sidecarTags(item: SidecarItem): Record<string, unknown> {
  const paths = item.tags.map(splitTagPath);
  const leaves = [...new Set(paths.map((levels) => levels.at(-1) as string))];
  const list = <T>(values: T[]): T[] | null => (values.length === 0 ? null : values);
  return {
    'XMP-dc:Subject': list(leaves),
    'XMP-lr:HierarchicalSubject': list(paths.map((levels) => levels.join('|'))),
    'XMP-digiKam:TagsList': list(paths.map((levels) => levels.join('/'))),
    'XMP-xmp:Rating': item.flag === 'reject' ? -1 : item.rating > 0 ? item.rating : null,
    'XMP-digiKam:PickLabel': item.flag === 'pick' ? 3 : item.flag === 'reject' ? 1 : null,
    'XMP-xmp:Label': LIGHTROOM_LABELS[item.label],
    'XMP-digiKam:ColorLabel': DIGIKAM_COLOURS[item.label],
    'XMP-dc:Title': item.name !== item.originalName ? item.name : null,
    'XMP-dc:Description': item.description === '' ? null : item.description,
  };
}

/** The regions to write: those other tools put there, with Folio's focus area replaced. */
export function mergedRegions(existing: readonly MwgRegion[], item: SidecarItem): MwgRegion[] {
  const others = existing.filter((region) => !(region.Type === 'Focus' && region.Name === FOCUS_REGION_NAME));
  const focus = focusRegion(item);
  return focus === null ? others : [...others, focus];
}
