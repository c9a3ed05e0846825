/** Metadata in files: the library's settings, the sidecar writer, and where an item's values came from. */
import { FolioError } from '../../../shared/errors.js';
import type { ItemFileMetadata } from '../../../shared/file-metadata.js';
import { exportRowOf } from '../../../shared/metadata-export.js';
import { albumNamesOf } from '../db/album-names-query.js';
import { loadMediaItems } from '../items/media-item.js';
import { nowIso } from '../base/clock.js';
import { fileMetadataOf } from '../db/file-metadata-repo.js';
import { getMediaRow } from '../db/media-repo.js';
import { getWriteSidecars, setWriteSidecars } from '../db/settings-repo.js';
import { cancelAllSidecarWrites, queueAllSidecarWrites, retryFailedSidecarWrites, sidecarWriteOf } from '../db/sidecar-write-repo.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type FileMetadataHandlersMethod = 'config.get' | 'config.set' | 'sidecars.status' | 'sidecars.writeAll' | 'sidecars.cancel' | 'media.fileMetadata' | 'media.exportMetadata';

export function fileMetadataHandlers(lib: LibraryContext): HandlerGroup<FileMetadataHandlersMethod> {
  const { db, sidecars } = lib;
  return {
    'config.get': () => ({ writeSidecars: getWriteSidecars(db) }),
    'config.set': ({ writeSidecars }) => {
      if (writeSidecars !== undefined) setWriteSidecars(db, writeSidecars);
      if (writeSidecars === true) sidecars.poke();
      return { writeSidecars: getWriteSidecars(db) };
    },
    'sidecars.status': () => sidecars.status(),
    'sidecars.writeAll': ({ turnOn }) => {
      if (turnOn === true) setWriteSidecars(db, true);
      if (!getWriteSidecars(db)) {
        throw new FolioError('CONFLICT', 'Writing sidecars is off for this library; turn it on first (folio config set write-sidecars true, or turnOn: true)');
      }
      const queued = db.transaction(() => {
        retryFailedSidecarWrites(db);
        return queueAllSidecarWrites(db, nowIso());
      })();
      sidecars.poke();
      return { queued };
    },
    'sidecars.cancel': () => ({ cancelled: cancelAllSidecarWrites(db) }),
    'media.fileMetadata': ({ id }) => {
      if (!getMediaRow(db, id)) throw new FolioError('NOT_FOUND', `There is no item ${id}`);
      const values = fileMetadataOf(db, [id]).map((row) => ({ field: row.field, value: row.value, origin: row.location }));
      let sidecar: ItemFileMetadata['sidecar'] = null;
      if (getWriteSidecars(db)) {
        const pending = sidecarWriteOf(db, id);
        sidecar = pending === undefined ? { state: 'up-to-date', error: null } : { state: pending.error === null ? 'pending' : 'failed', error: pending.error };
      }
      return { values, sidecar };
    },
    'media.exportMetadata': ({ ids }, ctx) => {
      const albums = albumNamesOf(db, ids);
      return loadMediaItems(db, ctx.urls, ids).map((item) => exportRowOf(item, albums.get(item.id) ?? []));
    },
  };
}
