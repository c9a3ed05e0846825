/**
 * File export (issue 15): what to export (ids, an album, a search, or an album narrowed by a
 * search) is resolved here, in the call, into ids in the order the library shows them; the
 * exporter (export/file-exporter.ts) then writes them in the background.
 */
import { exportModeOf } from '../../../shared/file-export.js';
import { FolioError, notFound } from '../../../shared/errors.js';
import type { Args } from '../../../shared/contract.js';
import { findAlbumByName, getAlbum } from '../db/album-repo.js';
import type { Db } from '../db/connection.js';
import { listAllIds } from '../db/media-list-query.js';
import { findMissingIds } from '../db/media-repo.js';
import { albumAllItemIds } from './album-views.js';
import { driverFor, resolveList } from './list-request.js';
import type { HandlerGroup, LibraryContext } from './types.js';

export type ExportHandlersMethod = 'export.start' | 'export.status' | 'export.cancel';

function idsOfFilter(db: Db, filter: Args<'export.start'>['filter']): number[] {
  const resolved = resolveList(db, filter, undefined, undefined);
  return resolved === null ? [] : listAllIds(db, resolved.spec, driverFor(db, resolved, null));
}

/** The ids to export, in the order the gallery shows them. */
export function exportIds(db: Db, args: Args<'export.start'>): number[] {
  if (args.ids !== undefined) {
    const missing = findMissingIds(db, args.ids);
    if (missing.length > 0) throw notFound(`Item ${missing[0]}`, 'ids');
    return [...new Set(args.ids)];
  }
  if (args.albumId === undefined && args.album === undefined) return idsOfFilter(db, args.filter);
  const album = args.albumId !== undefined ? getAlbum(db, args.albumId) : findAlbumByName(db, args.album as string);
  if (!album) throw notFound(args.albumId !== undefined ? `Album ${args.albumId}` : `An album named "${args.album}"`, args.albumId !== undefined ? 'albumId' : 'album');
  const inAlbum = albumAllItemIds(db, album);
  if (args.filter === undefined) return inAlbum;
  const matching = new Set(idsOfFilter(db, args.filter));
  return inAlbum.filter((id) => matching.has(id));
}

export function exportHandlers(lib: LibraryContext): HandlerGroup<ExportHandlersMethod> {
  const { db, exporter } = lib;
  return {
    'export.start': async (args) => {
      const ids = exportIds(db, args);
      if (ids.length === 0) throw new FolioError('NOT_FOUND', 'Nothing to export: no item matches', { field: args.ids !== undefined ? 'ids' : 'filter' });
      return exporter.start({ dir: args.dir, ids, mode: exportModeOf(args), longEdge: args.longEdge, quality: args.quality, template: args.template });
    },
    'export.status': () => exporter.status(),
    'export.cancel': () => ({ cancelled: exporter.cancel() }),
  };
}
