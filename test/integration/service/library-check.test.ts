/**
 * library.check / library.repair (folio check [--repair]) on a real library: a wrong tag count,
 * a missing file, a changed file, a missing thumbnail and a damaged database are found; repair
 * recounts and renders the thumbnail again, and never touches the user's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { thumbnailPath } from '../../../electron/library/base/thumbnail-paths.js';
import type { LibraryChange } from '../../../shared/events.js';
import type { CheckReport } from '../../../shared/library-check.js';
import { seedLibrary, type SeededLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { openLibrary } from '../../../electron/library/library.js';
import { cutWalRecordPath, type CutWalRecord } from '../../../electron/library/db/cut-wal-notice.js';

let t: TempLibrary;
let seeded: SeededLibrary;
let changes: LibraryChange[];

const check = (): Promise<CheckReport> => t.library.service.call('library.check', {}, t.ctx);
const repair = (): Promise<CheckReport> => t.library.service.call('library.repair', {}, t.ctx);

function filesOf(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.join(entry.parentPath, entry.name)] = fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('base64');
  }
  return out;
}

beforeEach(async () => {
  t = openTempLibrary();
  seeded = await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/Pentax_K10D.jpg']);
  await t.library.service.call('media.editTags', { ids: seeded.items.map((item) => item.id), add: ['beach'] }, t.ctx);
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
});
afterEach(async () => t.dispose());

describe('library.check', () => {
  it('finds nothing wrong with a sound library', async () => {
    const report = await check();
    expect(report).toMatchObject({ status: 'ok', findings: [], itemsChecked: 3, truncated: false, repaired: false });
  });

  it('finds a wrong tag count, a missing file, a changed file and a missing thumbnail, and changes nothing', async () => {
    const [first, second, third] = seeded.items as [SeededLibrary['items'][number], SeededLibrary['items'][number], SeededLibrary['items'][number]];
    t.library.db.prepare(`UPDATE tags SET item_count = 7 WHERE key = 'beach'`).run();
    fs.rmSync(first.absPath);
    fs.appendFileSync(second.absPath, 'more bytes');
    fs.rmSync(thumbnailPath(t.library.paths, third.md5, 512));
    const before = filesOf(seeded.folderPath);

    const report = await check();
    expect(report.status).toBe('problems');
    expect(report.counts).toEqual({ 'tag-count': 1, 'file-missing': 1, 'file-changed': 1, 'thumbnail-missing': 1 });
    expect(report.findings.find((f) => f.kind === 'tag-count')).toMatchObject({ subject: 'beach', repairable: true, message: expect.stringMatching(/counted on 7 items but is on 3/) });
    expect(report.findings.find((f) => f.kind === 'file-missing')).toMatchObject({ itemId: first.id, repairable: false, message: expect.stringMatching(/rescan/) });
    expect(report.findings.find((f) => f.kind === 'file-changed')).toMatchObject({ itemId: second.id });
    expect(report.findings.find((f) => f.kind === 'thumbnail-missing')).toMatchObject({ itemId: third.id, repairable: true, message: expect.stringMatching(/512/) });
    // A check alone writes nothing.
    expect(t.library.db.prepare(`SELECT item_count FROM tags WHERE key = 'beach'`).pluck().get()).toBe(7);
    expect(fs.existsSync(thumbnailPath(t.library.paths, third.md5, 512))).toBe(false);
    expect(filesOf(seeded.folderPath)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it('finds a file it cannot read', async () => {
    if (process.getuid?.() === 0) {
      // root reads anything: take away the folder instead of the permission.
      fs.rmSync(seeded.folderPath, { recursive: true });
      expect((await check()).counts['file-missing']).toBe(3);
      return;
    }
    fs.chmodSync(seeded.items[0]?.absPath ?? '', 0o000);
    expect((await check()).counts['file-unreadable']).toBe(1);
  });
});

describe('library.repair', () => {
  it('recounts the tag and renders the missing thumbnail, leaving the user files alone', async () => {
    const third = seeded.items[2]!;
    t.library.db.prepare(`UPDATE tags SET item_count = 7 WHERE key = 'beach'`).run();
    fs.rmSync(thumbnailPath(t.library.paths, third.md5, 512));
    fs.rmSync(thumbnailPath(t.library.paths, third.md5, 64));
    const before = filesOf(seeded.folderPath);

    const report = await repair();
    expect(report.status).toBe('ok');
    expect(report.repaired).toBe(true);
    expect(report.findings.map((f) => [f.kind, f.repaired])).toEqual([['tag-count', true], ['thumbnail-missing', true]]);
    expect(t.library.db.prepare(`SELECT item_count FROM tags WHERE key = 'beach'`).pluck().get()).toBe(3);
    expect(fs.existsSync(thumbnailPath(t.library.paths, third.md5, 512))).toBe(true);
    expect(fs.existsSync(thumbnailPath(t.library.paths, third.md5, 64))).toBe(true);
    expect(filesOf(seeded.folderPath)).toEqual(before);
    expect(changes.flatMap((change) => change.aspects).sort()).toEqual(['tags', 'thumbnails']);
    expect(await check()).toMatchObject({ status: 'ok', findings: [] });
  });

  it('forgets the thumbnail records it cannot render again, and says they come back with the file', async () => {
    const first = seeded.items[0]!;
    fs.rmSync(thumbnailPath(t.library.paths, first.md5, 128));
    fs.rmSync(first.absPath);
    const report = await repair();
    const finding = report.findings.find((f) => f.kind === 'thumbnail-missing');
    expect(finding).toMatchObject({ itemId: first.id, repaired: false, message: expect.stringMatching(/when it is back/) });
    expect(t.library.db.prepare(`SELECT count(*) FROM thumbnails WHERE md5 = ? AND size = 128`).pluck().get(first.md5)).toBe(0);
    expect(report.status).toBe('problems');
  });
});

describe('a cut WAL found at start-up', () => {
  it('is a finding naming the latest backup until --repair acknowledges it', async () => {
    const backup = await t.library.service.call('library.backup', {}, t.ctx);
    // What noticeCutWal leaves when an open found the WAL cut (wal-inspection.test makes real ones).
    const record: CutWalRecord = { foundAt: '2026-01-02T03:04:05.000Z', problem: 'the write-ahead log ends inside frame 4', bytes: 14000, replayedFrames: 3, frames: 3 };
    fs.writeFileSync(cutWalRecordPath(t.library.paths.database), JSON.stringify(record));
    const report = await check();
    expect(report.status).toBe('problems');
    const finding = report.findings.find((f) => f.kind === 'wal-cut');
    expect(finding?.message).toContain('ends inside frame 4');
    expect(finding?.message).toContain(backup.file);
    expect((await repair()).findings.find((f) => f.kind === 'wal-cut')?.repaired).toBe(true);
    expect(await check()).toMatchObject({ status: 'ok', findings: [] });
  });
});

describe('a damaged database', () => {
  it('is reported as damaged, with the latest backup to restore', async () => {
    await t.library.service.call('library.backup', {}, t.ctx);
    const file = t.library.paths.database;
    await t.library.close();
    // Scribble over an index's root page: the table data stays readable, the index disagrees.
    const raw = new Database(file);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const root = raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'media_by_name'`).pluck().get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, (root - 1) * pageSize + 8);
    fs.closeSync(fd);

    const reopened = openLibrary(t.libraryDir);
    try {
      const report = await reopened.service.call('library.check', {}, t.ctx);
      expect(report.status).toBe('damaged');
      expect(report.counts.integrity).toBeGreaterThan(0);
      expect(report.latestBackup).toMatch(/folio-manual-.*\.sqlite$/);
    } finally {
      await reopened.close();
      t.library = reopened;
    }
  });
});

describe('the kept counts of the timeline and searches', () => {
  it('are found wrong by a check and counted afresh by a repair', async () => {
    t.library.db.prepare(`UPDATE media_facets SET count = count + 5`).run();
    const found = await check();
    expect(found.counts).toEqual({ 'facet-count': 1 });
    expect(found.findings[0]).toMatchObject({ kind: 'facet-count', repairable: true, message: expect.stringMatching(/kept counts .* wrong for \d{4}-\d{2}/) });
    const repaired = await repair();
    expect(repaired.findings.map((f) => [f.kind, f.repaired])).toEqual([['facet-count', true]]);
    expect(await check()).toMatchObject({ status: 'ok', findings: [] });
  });
});
