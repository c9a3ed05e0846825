import type { LibraryFolder, LibraryInfo, TagCount } from '../../../shared/media.js';
import type { Slice } from './types.js';

/** The sidebar's lists: folders, tags with counts, and the library's totals (trash count). */
export interface LibrarySlice {
  folders: readonly LibraryFolder[];
  tags: readonly TagCount[];
  info: LibraryInfo | null;
  setFolders(folders: readonly LibraryFolder[]): void;
  setTags(tags: readonly TagCount[]): void;
  setInfo(info: LibraryInfo): void;
}

export const createLibrarySlice: Slice<LibrarySlice> = (set) => ({
  folders: [],
  tags: [],
  info: null,
  setFolders: (folders) => set({ folders }),
  setTags: (tags) => set({ tags }),
  setInfo: (info) => set({ info }),
});
