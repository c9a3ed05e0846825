/**
 * Test files whose metadata is written by ExifTool itself (Debian's /usr/bin/exiftool), the
 * field's reference, rather than by hand: what Lightroom, digiKam or Windows would leave.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const EXIFTOOL = '/usr/bin/exiftool';

/** Writes tags (`-Group:Tag=value` arguments) into `file` in place. */
export function exiftoolWrite(file: string, args: readonly string[]): void {
  execFileSync(EXIFTOOL, ['-q', '-q', '-overwrite_original', '-m', ...args, file], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Writes a fresh XMP sidecar at `sidecar` holding the given tags (ExifTool makes one from nothing with `-o name.xmp`). */
export function exiftoolSidecar(sidecar: string, args: readonly string[]): void {
  fs.rmSync(sidecar, { force: true });
  execFileSync(EXIFTOOL, ['-q', '-q', '-m', ...args, '-o', sidecar], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Reads tags back as JSON (`-G1` groups, numbers as numbers). */
export function exiftoolRead(file: string, tags: readonly string[]): Record<string, unknown> {
  const out = execFileSync(EXIFTOOL, ['-j', '-G1', '-n', '-struct', ...tags.map((t) => `-${t}`), file], { encoding: 'utf8' });
  return (JSON.parse(out) as Record<string, unknown>[])[0] ?? {};
}
