import type { AnalysisStatus } from './analysis.js';
import type { ImportProgress } from './media.js';

/**
 * One aspect of the library that a write changed. An event lists every aspect it touched, so a
 * listener can tell a rename (fields) from a tag edit (tags) and reload just what shows them.
 * - `items`: items came into the library or left it for good (import, empty trash, folder removed)
 * - `fields`: editable fields: name, description, custom metadata, focus area, derived-from parent
 * - `tags`: user tags (which can move items in or out of a tag filter, and change tag counts)
 * - `aiTags`: AI tags and the extensions' status of an item
 * - `trash`: items moved to or restored from the trash
 * - `thumbnails`: thumbnails made or rebuilt
 * - `files`: what Folio knows from the file: type, size, dimensions, EXIF, its path, present,
 *   missing or offline, damaged
 * - `folders`: the library's folders: added, removed, online/offline, scanned
 * - `albums`: albums, smart albums and folders of albums: made, renamed, moved, deleted, their items
 */
export type ChangeAspect = 'items' | 'fields' | 'tags' | 'aiTags' | 'trash' | 'thumbnails' | 'files' | 'folders' | 'albums';

export const CHANGE_ASPECTS: readonly ChangeAspect[] = ['items', 'fields', 'tags', 'aiTags', 'trash', 'thumbnails', 'files', 'folders', 'albums'];

/** Pushed to every open UI after a write, whoever made it (UI, REST API, CLI, another process). */
export interface LibraryChange {
  /** Every aspect the write changed; never empty. */
  aspects: ChangeAspect[];
  /** Items concerned, when few enough to list; absent means "reload what you show". */
  ids?: number[];
  actor: string;
}

/** A thumbnail size step of the View menu; the UI maps it to its own tile sizes. */
export type ThumbnailSizeStep = 'small' | 'medium' | 'large';

/**
 * A desktop menu item that acts in the UI (the shell does the native ones itself: Add Folder,
 * Rescan, Empty Trash). Only the Electron app sends these; browser mode never does.
 */
export type MenuCommand =
  | { command: 'undo' }
  | { command: 'redo' }
  | { command: 'select-all' }
  | { command: 'focus-search' }
  | { command: 'thumbnail-size'; size: ThumbnailSizeStep }
  | { command: 'toggle-sidebar' }
  | { command: 'toggle-details' }
  | { command: 'show-trash' }
  | { command: 'back-up' }
  | { command: 'check-library' }
  /** View → Tag Manager: the tag tree, to move, rename, merge, colour and delete tags. */
  | { command: 'tag-manager' };

export interface FolioEvents {
  'import.progress': ImportProgress;
  'library.changed': LibraryChange;
  'menu.command': MenuCommand;
  /** The background analysis's progress (issue 16), apart from an import's. */
  'analysis.progress': AnalysisStatus;
}

export type EventName = keyof FolioEvents;
export const EVENT_NAMES: readonly EventName[] = ['import.progress', 'library.changed', 'menu.command', 'analysis.progress'];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
