/**
 * Named face regions with their areas, as other tools write them: MWG (`mwg-rs:Regions`, type
 * Face or untyped; `stArea` gives the centre and size, normalized) and Microsoft's
 * (`MP:RegionInfo`; `Rectangle` is "left, top, width, height", fractions). Pure: the people
 * they name are matched to detected faces by regions-to-people.ts.
 */
import { keywordLevel } from './keyword-paths.js';
import { listOf, numberOf, recordOf, textsOf } from './metadata-values.js';

/** A region's box as fractions (0–1) of the picture, from its top-left corner. */
export interface NamedRegion {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function fraction(value: unknown): number | null {
  const number = numberOf(textsOf(value)[0] ?? value);
  return number === null || !Number.isFinite(number) ? null : number;
}

/** Clipped to the picture; null for a box that is not one (missing numbers, no area). */
function regionBox(name: string, left: number | null, top: number | null, width: number | null, height: number | null): NamedRegion | null {
  if (left === null || top === null || width === null || height === null || width <= 0 || height <= 0) return null;
  const x = Math.max(0, left);
  const y = Math.max(0, top);
  const right = Math.min(1, left + width);
  const bottom = Math.min(1, top + height);
  if (right <= x || bottom <= y) return null;
  return { name, x, y, width: right - x, height: bottom - y };
}

export function faceRegionsOf(xmp: Record<string, unknown> | null): NamedRegion[] {
  const regions: NamedRegion[] = [];
  const mwg = listOf(recordOf(recordOf(xmp?.['mwg-rs']).Regions).RegionList).map(recordOf);
  for (const region of mwg) {
    const type = textsOf(region.Type)[0];
    const name = keywordLevel(textsOf(region.Name)[0] ?? '');
    if ((type !== undefined && type !== 'Face') || name === null) continue;
    const area = recordOf(region.Area);
    // Only normalized areas: a pixel area would need the dimensions it was applied to.
    const unit = textsOf(area.unit ?? area.Unit)[0];
    if (unit !== undefined && unit !== 'normalized') continue;
    const w = fraction(area.w ?? area.W);
    const h = fraction(area.h ?? area.H);
    const cx = fraction(area.x ?? area.X);
    const cy = fraction(area.y ?? area.Y);
    const box = regionBox(name, cx !== null && w !== null ? cx - w / 2 : null, cy !== null && h !== null ? cy - h / 2 : null, w, h);
    if (box) regions.push(box);
  }
  for (const region of listOf(recordOf(recordOf(xmp?.MP).RegionInfo).Regions).map(recordOf)) {
    const name = keywordLevel(textsOf(region.PersonDisplayName)[0] ?? '');
    const parts = (textsOf(region.Rectangle)[0] ?? '').split(',').map((part) => fraction(part.trim()));
    if (name === null || parts.length !== 4) continue;
    const box = regionBox(name, parts[0] ?? null, parts[1] ?? null, parts[2] ?? null, parts[3] ?? null);
    if (box) regions.push(box);
  }
  return regions;
}
