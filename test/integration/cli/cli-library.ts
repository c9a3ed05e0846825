/**
 * A library made the way a user makes one from the command line: corpus photos copied into a
 * temporary folder and imported by `folio import`, with the items' ids in name order.
 */
import path from 'node:path';
import { expect } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import { copyCorpus, makeTempDir } from '../../helpers/temp-library.js';
import { runFolio } from './run-folio.js';

export interface CliLibrary {
  /** The temporary folder holding the photos and the library (remove it after the tests). */
  dir: string;
  library: string;
  /** Ids of the imported items, sorted by name. */
  ids: number[];
}

export const THREE_CAMERAS = ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Fujifilm_FinePix_E500.jpg'];

export async function importedCliLibrary(prefix: string, corpusFiles: readonly string[]): Promise<CliLibrary> {
  const dir = makeTempDir(prefix);
  const library = path.join(dir, 'library');
  const photos = copyCorpus(path.join(dir, 'photos'), [...corpusFiles]);
  const imported = await runFolio(['import', photos, '--library', library, '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  const list = await runFolio(['list', '--json', '--sort', 'name', '--library', library]);
  const ids = list.json<{ items: MediaItem[] }>().items.map((item) => item.id);
  expect(ids).toHaveLength(corpusFiles.length);
  return { dir, library, ids };
}
