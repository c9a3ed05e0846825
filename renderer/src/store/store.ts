/** The one store, combined once from its slices. Components read it through selectors. */
import { create } from 'zustand';
import { createGallerySlice } from './gallery-slice.js';
import { createImportSlice } from './import-slice.js';
import { createItemsSlice } from './items-slice.js';
import { createLibrarySlice } from './library-slice.js';
import { createSelectionSlice } from './selection-slice.js';
import type { All } from './types.js';
import { createUiSlice } from './ui-slice.js';
import { createUndoSlice } from './undo-slice.js';
import { createTagTreeSlice } from './tag-tree-slice.js';
import { createAlbumsSlice } from './albums-slice.js';
import { createAnalysisSlice } from './analysis-slice.js';
import { createBoxesSlice } from './boxes-slice.js';

export const useStore = create<All>()((...a) => ({
  ...createGallerySlice(...a),
  ...createSelectionSlice(...a),
  ...createItemsSlice(...a),
  ...createLibrarySlice(...a),
  ...createImportSlice(...a),
  ...createUndoSlice(...a),
  ...createUiSlice(...a),
  ...createTagTreeSlice(...a),
  ...createAlbumsSlice(...a),
  ...createAnalysisSlice(...a),
  ...createBoxesSlice(...a),
}));

export type { All } from './types.js';
