import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `npm run demo`'s library: inside the checkout (gitignored), so it never touches a real one. */
export const DEMO_LIBRARY_DIR = path.join(REPO_ROOT, '.demo-library');

/** The embedded sample photos, or the test corpus beside the checkout when they are absent. */
export function demoPhotosDir(): string | null {
  const candidates = [path.join(REPO_ROOT, 'demo', 'photos'), path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'exif-samples')];
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}
