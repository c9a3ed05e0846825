/**
 * `places`: where a photo was taken, from its GPS position, as one AI tag in the tag tree:
 * `Places/<Country>/<Region>/<City>` (a filter on `Places/Italy` finds the whole branch).
 * Offline: country borders and the GeoNames towns ship in npm packages (see place-tag.ts).
 */
import type { ExtensionOutcome, TaggingExtension } from '../types.js';

export const places: TaggingExtension = {
  name: 'places',
  description: 'Offline: country, region and town of a geotagged photo (GeoNames towns, country borders), as Places/<Country>/<Region>/<City>',
  version: '1.0.0',

  async analyze(subject): Promise<ExtensionOutcome> {
    const { gpsLat: latitude, gpsLon: longitude } = subject;
    if (latitude === null || longitude === null) {
      return { status: 'unsupported', tags: [], message: 'The item has no GPS position' };
    }
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) {
      return { status: 'failed', tags: [], message: `The GPS position ${latitude}, ${longitude} is not on Earth` };
    }
    const { placeTag, NEAR_KM } = await import('./place-tag.js');
    const tag = await placeTag(latitude, longitude);
    if (tag === null) return { status: 'done', tags: [], message: `No country or town within ${NEAR_KM} km of ${latitude.toFixed(4)}, ${longitude.toFixed(4)} (at sea?)` };
    return { status: 'done', tags: [tag], message: null };
  },
};
