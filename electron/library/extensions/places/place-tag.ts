/**
 * One GPS position → its `Places/<Country>/<Region>/<City>` tag. The country comes from its
 * borders (`@rapideditor/country-coder`, which builds its polygon index when imported: this
 * module is loaded on first use only), the town and region from the GeoNames index.
 *
 * Confidence: the country is a fact once the point is inside its border; "taken in <town>"
 * gets less likely the farther the point is from the town's centre: exp(−d / 15 km), so 0.94
 * at 1 km, 0.51 at 10 km. A point with no town near it is tagged with its country alone.
 */
import { feature } from '@rapideditor/country-coder';
import type { SuggestedTag } from '../types.js';
import { cities } from './city-index.js';

export const NEAR_KM = 30;
const FALLOFF_KM = 15;

/** A name as one level of the tag tree: a `/` inside it would make a level of its own. */
function level(name: string): string {
  return name.replace(/\//gu, '-').replace(/\s+/gu, ' ').trim();
}

function countryName(code: string): string | null {
  return feature(code)?.properties.nameEn ?? null;
}

export async function placeTag(latitude: number, longitude: number): Promise<SuggestedTag | null> {
  const here = feature([longitude, latitude]);
  const code = here?.properties.iso1A2 ?? null;
  const near = (await cities()).nearest(latitude, longitude, NEAR_KM, code);
  const country = here?.properties.nameEn ?? (near ? countryName(near.countryCode) : null);
  if (country === null) return null;
  if (!near) return { name: `Places/${level(country)}`, confidence: 1 };
  const path = ['Places', country, ...(near.region === null ? [] : [near.region]), near.city].map(level);
  return { name: path.join('/'), confidence: Math.round(Math.exp(-near.distanceKm / FALLOFF_KM) * 1000) / 1000 };
}
