import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../../../electron/library/library.js';
import type { MediaItem } from '../../../shared/media.js';
import { CORPUS_DIR } from '../../helpers/temp-library.js';
import { testContext } from '../../helpers/temp-library.js';

/** Copies corpus files into `folder` under the given names (name → corpus-relative source). */
export function placeFiles(folder: string, files: Record<string, string>): void {
  for (const [name, source] of Object.entries(files)) {
    const target = path.join(folder, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(CORPUS_DIR, source), target);
    fs.chmodSync(target, 0o644);
  }
}

/** Imports a folder with the real importer and waits for the job (and its thumbnails) to finish. */
export async function importFolder(library: Library, folder: string): Promise<MediaItem[]> {
  const ctx = testContext();
  await library.service.call('import.start', { path: folder }, ctx);
  await library.importer.whenIdle();
  const { items } = await library.service.call('media.list', { limit: 500 }, ctx);
  return items;
}

export function itemNamed(items: readonly MediaItem[], originalName: string): MediaItem {
  const item = items.find((candidate) => candidate.originalName === originalName);
  if (!item) throw new Error(`${originalName} was not imported (have: ${items.map((i) => i.originalName).join(', ')})`);
  return item;
}
