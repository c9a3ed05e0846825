import { useMemo, type DragEvent } from 'react';
import { droppedPaths, isDesktop } from '../api/client.js';
import { startImport } from '../actions/importing.js';

/**
 * Folders dropped on the window are imported (desktop app only: a web page is never told
 * where a dropped file lives, so browser mode keeps the typed path).
 */
export function useFileDrop() {
  return useMemo(() => {
    if (!isDesktop) return {};
    return {
      onDragOver: (event: DragEvent) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      },
      onDrop: (event: DragEvent) => {
        const paths = droppedPaths(event.dataTransfer.files);
        if (paths.length === 0) return;
        event.preventDefault();
        void (async () => {
          for (const path of paths) await startImport(path);
        })();
      },
    };
  }, []);
}
