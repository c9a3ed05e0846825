/**
 * Names an import never records: hidden files and folders (dot names, including macOS'
 * `._` resource forks and `.git`), and the litter operating systems and NAS boxes leave in
 * photo folders. Compared as bytes, as names come from the scan.
 */
const SYSTEM_NAMES = new Set([
  'Thumbs.db',
  'ehthumbs.db',
  'ehthumbs_vista.db',
  'desktop.ini',
  'Desktop.ini',
  'Icon\r',
  '$RECYCLE.BIN',
  'System Volume Information',
  'lost+found',
  '@eaDir', // Synology thumbnails
  '#recycle',
  '#snapshot',
  'node_modules',
]);

const DOT = 0x2e;

export function isClutter(name: Buffer): boolean {
  if (name.length === 0 || name[0] === DOT) return true;
  return SYSTEM_NAMES.has(name.toString('latin1'));
}
