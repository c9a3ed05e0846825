import type { Slice } from './types.js';

/** Whether the preview draws the AI tags' boxes over the picture (B, or the Boxes button). */
export interface BoxesSlice {
  showAiBoxes: boolean;
  toggleAiBoxes(): void;
}

export const createBoxesSlice: Slice<BoxesSlice> = (set) => ({
  showAiBoxes: true,
  toggleAiBoxes: () => set((state) => ({ showAiBoxes: !state.showAiBoxes })),
});
