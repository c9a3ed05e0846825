/**
 * Reconciling the locations of one file's metadata (MWG: a sidecar over the file itself).
 * Order, first that has a value wins for a single value:
 *   1. `name.ext.xmp` (darktable, digiKam: names the one file it describes),
 *   2. `name.xmp` (Lightroom, Capture One: may be shared by a RAW and its JPEG),
 *   3. the file's own metadata (reconciled inside itself: metadata-from-tags.ts).
 * Keywords and people are merged from every location (a tool that writes sidecars often leaves
 * the embedded keywords of a JPEG in place); each remembers the first location that had it.
 */
import { tagPathKey } from '../../../shared/tag-path.js';
import type { FileMetadata, LocationMetadata, MetadataLocation, MetadataSources } from './file-metadata.js';
import { dropBranches } from './keyword-paths.js';

export interface LocatedMetadata {
  location: MetadataLocation;
  metadata: LocationMetadata;
}

const SINGLE_FIELDS = ['rating', 'label', 'flag', 'title', 'description'] as const;

/** `locations` in precedence order, the strongest first. */
export function reconcileLocations(locations: readonly LocatedMetadata[]): FileMetadata {
  const sources: MetadataSources = { keywords: {}, people: {} };
  const result: FileMetadata = { keywordPaths: [], rating: null, label: null, flag: null, title: null, description: null, people: [], sources };
  const paths = new Map<string, string[]>();
  const people = new Map<string, string>();
  for (const { location, metadata } of locations) {
    for (const field of SINGLE_FIELDS) {
      if (result[field] !== null || metadata[field] === null) continue;
      (result as unknown as Record<string, unknown>)[field] = metadata[field];
      sources[field] = location;
    }
    for (const levels of metadata.keywordPaths) {
      const key = tagPathKey(levels);
      if (paths.has(key)) continue;
      paths.set(key, levels);
      sources.keywords[key] = location;
    }
    if (result.regions === undefined && metadata.regions !== undefined && metadata.regions.length > 0) result.regions = metadata.regions;
    for (const name of metadata.people) {
      const key = tagPathKey([name]);
      if (people.has(key)) continue;
      people.set(key, name);
      sources.people[key] = location;
    }
  }
  result.keywordPaths = dropBranches([...paths.values()]);
  const kept = new Set(result.keywordPaths.map(tagPathKey));
  for (const key of Object.keys(sources.keywords)) if (!kept.has(key)) delete sources.keywords[key];
  result.people = [...people.values()];
  return result;
}
