/**
 * A folder of real pictures for the near-duplicate tests, labelled by hand: a Tuscan hillside
 * (corpus jpg/gps/DSCN0010.jpg), a byte copy of it, a resized and a recompressed copy; a
 * different photo of the same shoot (DSCN0012, a park) and an iguana (Canon_40D), which look
 * like none of them. `iguanaCopy` adds a byte copy of the iguana (an exact pair alone).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { CORPUS_DIR } from '../../helpers/temp-library.js';

export async function writeNearDuplicatePhotos(folder: string, options: { iguanaCopy?: boolean } = {}): Promise<void> {
  fs.mkdirSync(path.join(folder, 'backup'), { recursive: true });
  const hillside = path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg');
  fs.copyFileSync(hillside, path.join(folder, 'hillside.jpg'));
  fs.copyFileSync(hillside, path.join(folder, 'backup/hillside.jpg'));
  await sharp(hillside).resize(320).jpeg({ quality: 85 }).toFile(path.join(folder, 'hillside-small.jpg'));
  await sharp(hillside).jpeg({ quality: 35 }).toFile(path.join(folder, 'hillside-q35.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/gps/DSCN0012.jpg'), path.join(folder, 'park.jpg'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(folder, 'iguana.jpg'));
  if (options.iguanaCopy === true) fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), path.join(folder, 'backup/iguana.jpg'));
}
