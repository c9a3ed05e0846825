import type { ImportProgress } from './media.js';

export type ChangeKind = 'items' | 'tags' | 'folders' | 'trash' | 'thumbnails';

/** Pushed to every open UI after a write, whoever made it (UI, REST API, CLI in-process). */
export interface LibraryChange {
  kind: ChangeKind;
  /** Items concerned, when few enough to list; absent means "reload what you show". */
  ids?: number[];
  actor: string;
}

export interface FolioEvents {
  'import.progress': ImportProgress;
  'library.changed': LibraryChange;
}

export type EventName = keyof FolioEvents;
export const EVENT_NAMES: readonly EventName[] = ['import.progress', 'library.changed'];
