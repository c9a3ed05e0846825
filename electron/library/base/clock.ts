/** ISO-8601 UTC timestamps everywhere in the library: sortable as text, readable in sqlite3. */
export function nowIso(): string {
  return new Date().toISOString();
}
