import type { StateCreator } from 'zustand';
import type { GallerySlice } from './gallery-slice.js';
import type { SelectionSlice } from './selection-slice.js';
import type { ItemsSlice } from './items-slice.js';
import type { LibrarySlice } from './library-slice.js';
import type { ImportSlice } from './import-slice.js';
import type { UndoSlice } from './undo-slice.js';
import type { UiSlice } from './ui-slice.js';
import type { TagTreeSlice } from './tag-tree-slice.js';

/** The whole store: one state object made of slices, each owning its part. */
export type All = GallerySlice & SelectionSlice & ItemsSlice & LibrarySlice & ImportSlice & UndoSlice & UiSlice & TagTreeSlice & AlbumsSlice & AnalysisSlice & BoxesSlice;
import type { AlbumsSlice } from './albums-slice.js';

import type { AnalysisSlice } from './analysis-slice.js';
import type { BoxesSlice } from './boxes-slice.js';


export type Slice<T> = StateCreator<All, [], [], T>;
