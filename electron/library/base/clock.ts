/** ISO-8601 UTC timestamps everywhere in the library: sortable as text, readable in sqlite3. */
export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * A file's modification time as the library records it. `new Date(ms)` drops the fraction of
 * a millisecond, where Node's own `stat.mtime` rounds it: every writer and every reader of the
 * recorded time goes through here so the two never disagree by one millisecond.
 */
export function fileTimeIso(mtimeMs: number): string {
  return new Date(mtimeMs).toISOString();
}
