import type { Album } from '../../../shared/albums.js';
import type { Slice } from './types.js';

/** The sidebar's albums, smart albums and folders, and which folders are folded. */
export interface AlbumsSlice {
  albums: readonly Album[];
  collapsedFolders: ReadonlySet<number>;
  setAlbums(albums: readonly Album[]): void;
  toggleFolder(id: number): void;
}

export const createAlbumsSlice: Slice<AlbumsSlice> = (set, get) => ({
  albums: [],
  collapsedFolders: new Set(),
  setAlbums: (albums) => set({ albums }),
  toggleFolder: (id) => {
    const next = new Set(get().collapsedFolders);
    if (!next.delete(id)) next.add(id);
    set({ collapsedFolders: next });
  },
});
