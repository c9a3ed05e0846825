/**
 * Albums as the contract speaks of them: hand-ordered albums, smart albums (a saved search) and
 * folders that hold both. Types and argument schemas only; the library keeps them in
 * `albums` / `album_items` (migration 009).
 */
import { z } from 'zod';
import { DisplayName, Id, MAX_IDS } from './schemas.js';

export const ALBUM_KINDS = ['album', 'smart', 'folder'] as const;
export type AlbumKind = (typeof ALBUM_KINDS)[number];

export interface Album {
  id: number;
  kind: AlbumKind;
  name: string;
  /** The folder it sits in; null at the top. */
  parentId: number | null;
  /** Active items (trashed ones are left out; live for a smart album); for a folder, what it holds. */
  count: number;
  /** The first active item in the album's order. */
  coverId?: number;
  /** A smart album's search, in the search language. */
  query?: string;
}

/** What an item's JSON says of each album that holds it. */
export interface AlbumRef {
  id: number;
  name: string;
}

export const AlbumName = DisplayName;
export const AlbumQuery = z.string().trim().min(1, 'A smart album needs a search').max(500);
export const AlbumIds = z.array(Id).max(MAX_IDS);

/** Default and largest page of `albums.items`. */
export const ALBUM_PAGE = 100;
export const MAX_ALBUM_PAGE = 500;
