import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../../../electron/library/db/connection.js';
import { ensureTags } from '../../../../electron/library/db/tag-repo.js';

/** A library database in `dir` with `count` tags named `tag-1` … (real schema, real file). */
export function libraryWithTags(dir: string, count: number): { file: string; db: Db } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'library.sqlite');
  const db = openDatabase(file);
  addTags(db, 1, count);
  return { file, db };
}

export function addTags(db: Db, from: number, to: number): void {
  const names = Array.from({ length: to - from + 1 }, (_, i) => `tag-${from + i}`);
  if (names.length > 0) db.transaction(() => ensureTags(db, names, new Date().toISOString()))();
}

export function tagNumbers(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT name FROM tags`).pluck().all() as string[]).map((name) => Number(name.slice(4))).sort((a, b) => a - b);
  } finally {
    db.close();
  }
}

export function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}
