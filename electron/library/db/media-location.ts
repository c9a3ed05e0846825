import path from 'node:path';
import type { Db } from './connection.js';

/** Where an item's file is: the folder it was found in and its path inside, as raw bytes. */
export interface MediaLocation {
  id: number;
  folderId: number;
  folderPath: string;
  /** Path inside the folder, `/`-separated, exactly the bytes the file system gave. */
  relPath: Buffer;
  /** The absolute path as bytes: opens names that are not valid UTF-8. */
  absPath: Buffer;
  md5: string | null;
  mime: string | null;
  type: string;
  availability: string;
}

interface LocationRow {
  id: number;
  folder_id: number;
  folder_path: string;
  rel_path: Buffer;
  md5: string | null;
  mime: string | null;
  type: string;
  availability: string;
}

export function joinLocation(folderPath: string, relPath: Buffer): Buffer {
  const parts = path.sep === '/' ? relPath : Buffer.from(relPath.toString('utf8').split('/').join(path.sep));
  return Buffer.concat([Buffer.from(folderPath), Buffer.from(path.sep), parts]);
}

export function getMediaLocation(db: Db, id: number): MediaLocation | undefined {
  const row = db
    .prepare(
      `SELECT m.id, m.folder_id, f.path AS folder_path, m.rel_path, m.md5, m.mime, m.type, m.availability
       FROM media m JOIN folders f ON f.id = m.folder_id WHERE m.id = ?`,
    )
    .get(id) as LocationRow | undefined;
  if (!row) return undefined;
  return {
    id: row.id,
    folderId: row.folder_id,
    folderPath: row.folder_path,
    relPath: row.rel_path,
    absPath: joinLocation(row.folder_path, row.rel_path),
    md5: row.md5,
    mime: row.mime,
    type: row.type,
    availability: row.availability,
  };
}
