import type { ImportProgress } from './media.js';

export type ChangeKind = 'items' | 'tags' | 'folders' | 'trash' | 'thumbnails';

/** Pushed to every open UI after a write, whoever made it (UI, REST API, CLI in-process). */
export interface LibraryChange {
  kind: ChangeKind;
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
  | { command: 'show-trash' };

export interface FolioEvents {
  'import.progress': ImportProgress;
  'library.changed': LibraryChange;
  'menu.command': MenuCommand;
}

export type EventName = keyof FolioEvents;
export const EVENT_NAMES: readonly EventName[] = ['import.progress', 'library.changed', 'menu.command'];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
