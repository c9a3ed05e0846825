import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * The Electron binary, or null when it is not installed. The npm package writes path.txt only
 * after a successful download; without it, `require('electron')` throws.
 */
export function electronBinary(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(dir, 'path.txt'))) return null;
  try {
    const binary = createRequire(path.join(dir, 'package.json'))(dir);
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
