import path from 'node:path';

/**
 * Whether `child` lies strictly inside `parent`. Both must already be real, absolute paths
 * (symlinks resolved). The test is on bytes so names that are not valid UTF-8 compare exactly,
 * and it is separator-aware: `/photos-private/x` is not inside `/photos`, which a plain prefix
 * test would accept.
 */
export function isPathInside(child: Buffer | string, parent: Buffer | string): boolean {
  const childBytes = Buffer.isBuffer(child) ? child : Buffer.from(child);
  const parentBytes = Buffer.isBuffer(parent) ? parent : Buffer.from(parent);
  const sep = Buffer.from(path.sep);
  const prefix = parentBytes.subarray(parentBytes.length - sep.length).equals(sep)
    ? parentBytes
    : Buffer.concat([parentBytes, sep]);
  if (childBytes.length <= prefix.length) return false;
  if (!childBytes.subarray(0, prefix.length).equals(prefix)) return false;
  // A NUL byte never belongs in a path; the OS would truncate there.
  return !childBytes.includes(0);
}
