import { useEffect } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import { loadItems } from '../actions/gallery-data.js';
import { useStore } from '../store/store.js';

/** The full item for the panel or the preview, fetched when first needed and refreshed on changes. */
export function useItem(id: number | null): MediaItem | undefined {
  const item = useStore((s) => (id === null ? undefined : s.items.get(id)));
  useEffect(() => {
    if (id !== null && !useStore.getState().items.has(id)) void loadItems([id]);
  }, [id]);
  return item;
}
