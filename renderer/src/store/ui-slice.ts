import type { Slice } from './types.js';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  title: string;
  detail: string | null;
}

export type Dialog =
  | { kind: 'rename'; id: number }
  | { kind: 'empty-trash' }
  | { kind: 'trash-files'; ids: number[] }
  /** Library → Back Up Now and Check Library…: each dialog runs its action and shows the outcome. */
  | { kind: 'library-backup' }
  | { kind: 'library-check' }
  /** `?`: every keyboard shortcut, and the advance-after-rating switch. */
  | { kind: 'shortcuts' }
  /** Exact and near duplicates side by side, with "keep the best". */
  | { kind: 'duplicates' };

export interface UiSlice {
  toasts: readonly Toast[];
  /** The item open in the preview, or null. */
  previewId: number | null;
  /** The preview is in focus-area editing mode. */
  editingFocus: boolean;
  dialog: Dialog | null;
  panelOpen: boolean;
  /** Modal dialogs open: messages are shown inside the top one, the rest of the page is inert. */
  openModals: number;
  sidebarOpen: boolean;
  /** A text field whose id should take focus (F2 on the panel's name, the import path). */
  focusRequest: { target: string; at: number } | null;
  /** After a curating key, move to the next item (Lightroom's Caps Lock "auto advance"). */
  advanceAfterCurating: boolean;
  setAdvanceAfterCurating(advance: boolean): void;
  addToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  openPreview(id: number): void;
  closePreview(): void;
  setEditingFocus(editing: boolean): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  togglePanel(): void;
  modalOpened(): void;
  modalClosed(): void;
  toggleSidebar(): void;
  requestFocus(target: string): void;
}

let nextToastId = 1;
const MAX_TOASTS = 4;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  toasts: [],
  previewId: null,
  editingFocus: false,
  dialog: null,
  panelOpen: true,
  openModals: 0,
  sidebarOpen: true,
  focusRequest: null,
  advanceAfterCurating: false,
  setAdvanceAfterCurating: (advanceAfterCurating) => set({ advanceAfterCurating }),
  addToast: (toast) => set((state) => ({ toasts: [...state.toasts, { ...toast, id: nextToastId++ }].slice(-MAX_TOASTS) })),
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  openPreview: (previewId) => set({ previewId }),
  closePreview: () => set({ previewId: null, editingFocus: false }),
  setEditingFocus: (editingFocus) => set({ editingFocus }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  togglePanel: () => set((state) => ({ panelOpen: !state.panelOpen })),
  modalOpened: () => set((state) => ({ openModals: state.openModals + 1 })),
  modalClosed: () => set((state) => ({ openModals: Math.max(0, state.openModals - 1) })),
  toggleSidebar: () => set((state) => ({ sidebarOpen: !state.sidebarOpen })),
  requestFocus: (target) => set({ focusRequest: { target, at: Date.now() } }),
});
