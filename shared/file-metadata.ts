/** Metadata in files (issue 15): what the contract says about reading, sidecars and settings. */

/** The library's settings a person can change. */
export interface LibraryConfig {
  /** Write every edit of tags, rating, label, flag, name, description and focus area to the item's XMP sidecar. */
  writeSidecars: boolean;
}

/** The settings' names as the CLI writes them (`folio config set write-sidecars true`). */
export const CONFIG_KEYS = { 'write-sidecars': 'writeSidecars' } as const satisfies Record<string, keyof LibraryConfig>;

export interface SidecarStatus {
  enabled: boolean;
  /** Writes are being made now. */
  running: boolean;
  /** Sidecars still to write. */
  pending: number;
  /** Sidecars whose last write failed (kept, tried again on the next start or "write all"). */
  failed: number;
  /** Of the pending ones, those a "write all" queued (what cancel drops). */
  pendingAll: number;
  /** Sidecars written since the library was opened. */
  written: number;
  lastError: { mediaId: number; message: string } | null;
}

export type MetadataOrigin = 'embedded' | 'sidecar';

/** Where an item's metadata came from, for the details panel ("from sidecar"). */
export interface ItemFileMetadata {
  /** The values read from the file or its sidecar, each with its origin. */
  values: { field: 'keyword' | 'person' | 'rating' | 'label' | 'flag' | 'title' | 'description'; value: string; origin: MetadataOrigin }[];
  /** Writing back: null when the library does not write sidecars. */
  sidecar: { state: 'up-to-date' | 'pending' | 'failed'; error: string | null } | null;
}
