/**
 * Helpers for query-plan tests: record the SQL a library operation really runs, then ask
 * SQLite how it would run each statement. Recording wraps better-sqlite3's Statement methods,
 * so statements that were prepared earlier (and cached) are seen too.
 */
import type { Db } from '../../../electron/library/db/connection.js';

const RUNNERS = ['run', 'get', 'all', 'iterate'] as const;

/** Every distinct statement executed on any connection while `work` runs. */
export async function recordStatements(db: Db, work: () => Promise<unknown> | unknown): Promise<string[]> {
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  const originals = RUNNERS.map((name) => [name, proto[name]] as const);
  const seen = new Set<string>();
  for (const [name, original] of originals) {
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      seen.add(this.source);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) proto[name] = original as (...args: unknown[]) => unknown;
  }
  return [...seen];
}

/**
 * The plan of `sql`, every parameter bound to NULL: without ANALYZE statistics SQLite plans from
 * the schema alone, so the values do not change the plan.
 */
export function planOf(db: Db, sql: string): string[] {
  const named = [...new Set([...sql.matchAll(/[@$:]([A-Za-z_]\w*)/g)].map((match) => match[1] as string))];
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length > 0
    ? explain.all(Object.fromEntries(named.map((name) => [name, null])))
    : explain.all(...Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null))) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/**
 * Plan lines that walk many rows where an operation on given ids should look each id up: a scan
 * of media or the trash, a walk of a sort/folder index, or all the links of a tag.
 */
export function wideReads(plan: readonly string[]): string[] {
  return plan.filter(
    (line) =>
      /^SCAN (media|m|c|p|mt|t|trash|tr|media_touches)\b(?! VIRTUAL)/.test(line) ||
      /USING (COVERING )?INDEX media_by_(date|name|added|size|folder)\b/.test(line) ||
      // By tag alone it reads every link of the tag; with media_id too it is a point lookup.
      (/^SEARCH (media_tags|mt|t|d)\b.* USING PRIMARY KEY \(tag_id=/.test(line) && !/media_id=\?/.test(line)),
  );
}
