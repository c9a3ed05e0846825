import { FolioError, notFound } from '../../../shared/errors.js';
import type { LibraryFolder } from '../../../shared/media.js';
import { reclaimFreePages, schemaVersion } from '../db/connection.js';
import { deleteFolder, folderExists, listFolders } from '../db/folder-repo.js';
import { countItems } from '../db/media-repo.js';
import { countTagsInUse } from '../db/tag-repo.js';
import { deleteCachedThumbnails, forgetDerivedRecords } from './forget-items.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction } from './write-helpers.js';

export type LibraryHandlersMethod = 'library.info' | 'folders.list' | 'folders.remove';

export function libraryHandlers(lib: LibraryContext): HandlerGroup<LibraryHandlersMethod> {
  const { db, events, paths } = lib;
  return {
    'library.info': () => ({
      path: paths.root,
      schemaVersion: schemaVersion(db),
      ...countItems(db),
      tagCount: countTagsInUse(db),
    }),

    'folders.list': () =>
      listFolders(db).map(
        (row): LibraryFolder => ({
          id: row.id,
          path: row.path,
          state: row.state,
          itemCount: row.item_count,
          addedAt: row.added_at,
          lastScanAt: row.last_scan_at,
        }),
      ),

    'folders.remove': ({ id }, ctx) => {
      // The running import may be adding items to this very folder; forgetting it under the
      // importer's feet would fail its writes half-way.
      if (lib.importer.status()?.state === 'running') {
        throw new FolioError('CONFLICT', 'An import is running; wait for it or cancel it, then remove the folder');
      }
      const { removedItems, cleanup } = inTransaction(db, () => {
        if (!folderExists(db, id)) throw notFound(`Folder ${id}`, 'id');
        const deleted = deleteFolder(db, id);
        return { removedItems: deleted.removedItems, cleanup: forgetDerivedRecords(db, deleted.md5s) };
      });
      deleteCachedThumbnails(paths, cleanup);
      reclaimFreePages(db);
      emitChange(events, ['folders', 'items'], ctx.actor);
      return { id, removedItems };
    },
  };
}
