/**
 * What Folio takes from the metadata other tools wrote: into a file (XMP packet, IPTC-IIM,
 * EXIF) or beside it (an XMP sidecar). Each field is null (or empty) when no location had it.
 */
import type { MediaFlag, MediaLabel } from '../../../shared/media.js';
import type { NamedRegion } from './face-regions.js';

/** Where a value was read: inside the file, or in a sidecar beside it. */
export type MetadataLocation = 'embedded' | 'sidecar';

export interface FileMetadata {
  /** Keywords as tag-tree paths, each the list of its levels from the top (never empty). */
  keywordPaths: string[][];
  /** 0–5; null when no location set one. */
  rating: number | null;
  label: MediaLabel | null;
  flag: MediaFlag | null;
  title: string | null;
  description: string | null;
  /** Names of the people in named face regions (they become `People/<name>`). */
  people: string[];
  /** The named face regions with their areas (from the strongest location that has any); absent when none. */
  regions?: NamedRegion[];
  /** The location each value came from, by field (keywords and people per value, by path key). */
  sources: MetadataSources;
}

export interface MetadataSources {
  keywords: Record<string, MetadataLocation>;
  people: Record<string, MetadataLocation>;
  rating?: MetadataLocation;
  label?: MetadataLocation;
  flag?: MetadataLocation;
  title?: MetadataLocation;
  description?: MetadataLocation;
}

/** One location's reading, before the locations are reconciled. */
export type LocationMetadata = Omit<FileMetadata, 'sources'>;

export const EMPTY_LOCATION: LocationMetadata = {
  keywordPaths: [],
  rating: null,
  label: null,
  flag: null,
  title: null,
  description: null,
  people: [],
};

/** What the import worker hands over for one file: the reconciled metadata and what went wrong. */
export interface FileMetadataReading {
  metadata: FileMetadata;
  /** The sidecar that was read (absolute path), if any. */
  sidecarPath: string | null;
  /** Damaged metadata that was skipped, each a sentence naming the location and the reason. */
  problems: string[];
}
