/**
 * Putting a finished export file in place under a name nobody has: `name.jpg`, else
 * `name (2).jpg`, `name (3).jpg`, … An export never overwrites a file. The file is written
 * whole under a hidden temporary name first and appears under its name in one step, by a hard
 * link (which fails, rather than replaces, when the name exists) or, where the file system has
 * no hard links (FAT, exFAT, some shares), by claiming the name with an exclusive create and
 * renaming over that claim. Either way a reader, a cancel or a kill never sees half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { numberedName } from '../../../shared/file-export.js';
import { errorCode } from '../base/file-errors.js';

const MAX_NUMBER = 10_000;

/** Links `temp` to `target` unless `target` exists; false when it does. */
async function placeAt(temp: string, target: string): Promise<boolean> {
  try {
    await fs.promises.link(temp, target);
    await fs.promises.rm(temp, { force: true });
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  try {
    await (await fs.promises.open(target, 'wx')).close();
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  await fs.promises.rename(temp, target);
  return true;
}

export interface PlacedFiles {
  file: string;
  sidecar: string | null;
}

/**
 * Places `temp` (and `sidecarTemp`, as `<file>.xmp`, when given) in `dir` under the first free
 * numbered name. `claimed` holds this export's names (lower case: a case-insensitive file
 * system takes `A.jpg` and `a.jpg` as one name) so that writes running side by side never race
 * for one name.
 */
export async function placeExportFile(dir: string, base: string, extension: string, temp: string, sidecarTemp: string | null, claimed: Set<string>): Promise<PlacedFiles> {
  for (let n = 1; n <= MAX_NUMBER; n += 1) {
    const name = numberedName(base, extension, n);
    const sidecarName = sidecarTemp === null ? null : `${name}.xmp`;
    if (claimed.has(name.toLowerCase()) || (sidecarName !== null && claimed.has(sidecarName.toLowerCase()))) continue;
    if (sidecarName !== null && fs.existsSync(path.join(dir, sidecarName))) continue;
    const file = path.join(dir, name);
    if (!(await placeAt(temp, file))) continue;
    claimed.add(name.toLowerCase());
    if (sidecarTemp === null || sidecarName === null) return { file, sidecar: null };
    const sidecar = path.join(dir, sidecarName);
    if (await placeAt(sidecarTemp, sidecar)) {
      claimed.add(sidecarName.toLowerCase());
      return { file, sidecar };
    }
    // Someone made that sidecar name meanwhile: take the copy back and try the next number.
    await fs.promises.link(file, temp).catch(() => fs.promises.copyFile(file, temp));
    await fs.promises.rm(file);
    claimed.delete(name.toLowerCase());
  }
  throw new Error(`${numberedName(base, extension, 1)} and ${MAX_NUMBER} numbered names after it are all taken`);
}
