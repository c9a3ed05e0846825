/**
 * What an export writes INTO its copy (pure): the sidecar's XMP properties (sidecar-content.ts),
 * with keywords and description through ExifTool's MWG composite tags, so the copy's EXIF
 * ImageDescription and IPTC-IIM (when the file has IIM) say the same as its XMP and the IPTC
 * digest is updated: a reader that follows the MWG guidelines (Folio's own does) then takes the
 * new values, not stale ones the original carried. Windows' XPKeywords/XPTitle/XPComment are
 * removed from the copy for the same reason (Windows reads the XMP too).
 */
import { mergedRegions, sidecarTags, type MwgRegion, type SidecarItem } from '../metadata/sidecar-content.js';

export function embeddedTags(item: SidecarItem): Record<string, unknown> {
  const { 'XMP-dc:Subject': leaves, 'XMP-dc:Description': description, ...rest } = sidecarTags(item);
  return {
    ...rest,
    'MWG:Keywords': leaves,
    'MWG:Description': description,
    'IFD0:XPKeywords': null,
    'IFD0:XPTitle': null,
    'IFD0:XPComment': null,
  };
}

/** The focus area as an MWG region beside the regions the file already holds (null: nothing to write). */
export function regionTags(existing: readonly MwgRegion[], item: SidecarItem): Record<string, unknown> | null {
  if (item.customCoordinates === null || !item.width || !item.height) return null;
  return { 'XMP-mwg-rs:RegionInfo': { AppliedToDimensions: { W: item.width, H: item.height, Unit: 'pixel' }, RegionList: mergedRegions(existing, item) } };
}
