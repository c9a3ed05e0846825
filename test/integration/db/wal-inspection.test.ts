/**
 * A cut WAL is noticed before SQLite replays it: a WAL copied aside half-way (ends inside a
 * frame), one damaged in the middle (committed frames after the damage), and neither a whole
 * WAL nor one holding stale frames from before a checkpoint is reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/library/db/connection.js';
import { inspectWal, WAL_FRAME_HEADER_BYTES, WAL_HEADER_BYTES } from '../../../electron/library/db/wal-inspection.js';
import { cutWalMessage, cutWalRecordPath, readCutWalRecord } from '../../../electron/library/db/cut-wal-notice.js';
import { backUpLibrary } from '../../../electron/library/db/backups/back-up-library.js';
import { openLibrary } from '../../../electron/library/library.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { addTags, tagNumbers } from './backups/backup-fixture.js';

let dir = '';
let file = '';
let db: Db;
beforeEach(() => {
  dir = makeTempDir('folio-wal-');
  fs.mkdirSync(path.join(dir, 'live'));
  file = path.join(dir, 'live', 'library.sqlite');
  db = openDatabase(file);
  // The schema goes into the database file; every tag commit after it stays in the WAL.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  for (let i = 0; i < 10; i += 1) addTags(db, i * 50 + 1, i * 50 + 50);
});
afterEach(() => {
  if (db.open) db.close();
  removeDir(dir);
});

/** The live database and its WAL as they are now, copied into a library folder of its own. */
function copyLibrary(name: string, editWal: (wal: Buffer, frameBytes: number) => Buffer = (wal) => wal): string {
  const target = path.join(dir, name);
  fs.mkdirSync(target);
  const copy = path.join(target, 'library.sqlite');
  fs.copyFileSync(file, copy);
  const wal = fs.readFileSync(`${file}-wal`);
  const frameBytes = WAL_FRAME_HEADER_BYTES + wal.readUInt32BE(8);
  fs.writeFileSync(`${copy}-wal`, editWal(wal, frameBytes));
  return copy;
}

describe('the WAL inspection', () => {
  it('finds nothing wrong with a whole WAL, and SQLite replays every commit', () => {
    const copy = copyLibrary('whole');
    const found = inspectWal(copy);
    expect(found.state).toBe('ok');
    expect(found.frames).toBeGreaterThan(10);
    expect(found.replayedFrames).toBe(found.frames);
    expect(tagNumbers(copy)).toHaveLength(500);
  });

  it('reports a WAL that ends inside a frame (copied aside half-way)', () => {
    const copy = copyLibrary('cut', (wal, frameBytes) => wal.subarray(0, WAL_HEADER_BYTES + Math.floor(frameBytes * 3.5)));
    const found = inspectWal(copy);
    expect(found.state).toBe('cut');
    expect(found.problem).toMatch(/ends inside frame 4/);
    // What SQLite does with it: silently keeps less.
    expect(tagNumbers(copy).length).toBeLessThan(500);
  });

  it('reports a frame damaged in the middle when committed frames follow it', () => {
    const copy = copyLibrary('damaged', (wal, frameBytes) => {
      const damaged = Buffer.from(wal);
      const at = WAL_HEADER_BYTES + frameBytes + WAL_FRAME_HEADER_BYTES + 10;
      damaged.writeUInt8(damaged.readUInt8(at) ^ 0xff, at);
      return damaged;
    });
    const found = inspectWal(copy);
    expect(found.state).toBe('cut');
    expect(found.problem).toMatch(/frame 2 .*damaged/);
    expect(found.replayedFrames).toBeLessThan(found.frames);
  });

  it('does not report stale frames left from before a checkpoint', () => {
    db.pragma('wal_checkpoint(RESTART)');
    addTags(db, 501, 501);
    const copy = copyLibrary('restarted');
    const found = inspectWal(copy);
    expect(found.state).toBe('ok');
    expect(found.replayedFrames).toBeLessThan(found.frames);
    expect(tagNumbers(copy)).toHaveLength(501);
  });

  it('is run when a library opens: the warning is kept for folio check and names the latest backup', async () => {
    backUpLibrary(db, file, 'manual');
    addTags(db, 501, 600);
    const copy = copyLibrary('opened', (wal, frameBytes) => wal.subarray(0, wal.length - Math.floor(frameBytes / 2)));
    // The backup folder goes along, as it would in the user's library folder.
    fs.cpSync(path.join(dir, 'live', 'backups'), path.join(dir, 'opened', 'backups'), { recursive: true });
    const library = openLibrary(path.dirname(copy));
    try {
      expect(library.walCut?.problem).toMatch(/ends inside frame/);
      expect(readCutWalRecord(copy)).toEqual(library.walCut);
      expect(fs.existsSync(cutWalRecordPath(copy))).toBe(true);
      const message = cutWalMessage(library.walCut!, copy);
      expect(message).toMatch(/latest backup is .*folio-manual-.*\.sqlite/);
      expect(message).toContain('folio restore');
    } finally {
      await library.close();
    }
    // The next open finds a WAL SQLite has already dealt with: nothing new to report.
    const again = openLibrary(path.dirname(copy));
    expect(again.walCut).toBeNull();
    await again.close();
  });
});
