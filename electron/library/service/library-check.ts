/**
 * `folio check` / Library → Check Library…: is the database sound, do the derived counts match
 * the links, is every item's file where and as it was, is every thumbnail in the cache. With
 * `repair`, it fixes what is derived data only: tag counts are recounted, missing thumbnails are
 * rendered again (or their records forgotten, so they are rendered once the file is back). The
 * user's files are only ever stat'ed and opened for reading.
 */
import fs from 'node:fs';
import { MAX_CHECK_FINDINGS, type CheckFinding, type CheckFindingKind, type CheckReport } from '../../../shared/library-check.js';
import { THUMBNAIL_SIZES, type ThumbnailSize } from '../../../shared/media.js';
import { joinLocation } from '../base/paths.js';
import { thumbnailPath } from '../base/thumbnail-paths.js';
import { backupsDirFor, latestBackup } from '../db/backups/backup-files.js';
import {
  forgetThumbnailRecords,
  foreignKeyProblems,
  integrityProblems,
  itemsToCheck,
  recountTags,
  wrongTagCounts,
  type CheckedItemRow,
} from '../db/consistency-queries.js';
import { recountFacets, wrongFacetMonths } from '../db/facet-counts.js';
import { clearCutWalRecord, cutWalMessage, readCutWalRecord } from '../db/cut-wal-notice.js';
import { recountBranches, wrongAncestries, wrongBranchCounts } from '../db/tag-branch-counts.js';
import { ensureThumbnail } from '../thumbnails/ensure-thumbnail.js';
import type { LibraryContext } from './types.js';
import { emitChange, inTransaction } from './write-helpers.js';

/** Files stat'ed at once: enough to hide the latency of a network disk, few enough for any OS. */
const FILE_CONCURRENCY = 16;

interface ThumbnailGap {
  itemId: number;
  md5: string;
  /** Sizes on record whose cached file is gone. */
  lostFiles: ThumbnailSize[];
  /** Whether the item should have every size but some have no record at all. */
  neverMade: boolean;
}

class Findings {
  readonly list: CheckFinding[] = [];
  readonly counts: Partial<Record<CheckFindingKind, number>> = {};
  total = 0;
  unrepaired = 0;
  add(finding: CheckFinding): CheckFinding {
    this.counts[finding.kind] = (this.counts[finding.kind] ?? 0) + 1;
    this.total += 1;
    this.unrepaired += 1;
    if (this.list.length < MAX_CHECK_FINDINGS) this.list.push(finding);
    return finding;
  }
  markRepaired(finding: CheckFinding, repaired = true): void {
    finding.repaired = repaired;
    if (repaired) this.unrepaired -= 1;
  }
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function exists(file: string): Promise<boolean> {
  return fs.promises.access(file).then(() => true, () => false);
}

/** What is wrong with an item's file, or null. Items already known missing or offline are not news. */
async function fileProblem(row: CheckedItemRow): Promise<{ kind: CheckFindingKind; message: string } | null> {
  if (row.availability !== 'present') return null;
  const file = joinLocation(row.folderPath, row.relPath);
  const shown = `${row.folderPath}/${row.displayPath}`;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'file-unreadable', message: `${shown} cannot be reached (permission denied)` };
    return { kind: 'file-missing', message: `${shown} is missing; "folio rescan" marks it missing (its tags are kept) or finds where it went` };
  }
  if (!stat.isFile()) return { kind: 'file-changed', message: `${shown} is no longer a regular file; rescan its folder` };
  // Stored to the millisecond; how the fraction was rounded differs between writers.
  if (stat.size !== row.fileSize || Math.abs(Date.parse(row.mtime) - stat.mtimeMs) >= 1) {
    return { kind: 'file-changed', message: `${shown} changed since it was read (size or modification time); rescan its folder to read it again` };
  }
  try {
    const handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    await handle.close();
  } catch {
    return { kind: 'file-unreadable', message: `${shown} cannot be opened for reading; check its permissions` };
  }
  return null;
}

async function thumbnailGap(lib: LibraryContext, row: CheckedItemRow, fileReadable: boolean): Promise<ThumbnailGap | null> {
  if (row.md5 === null || (row.type !== 'image' && row.type !== 'video')) return null;
  const recorded = (row.thumbnailSizes ?? '').split(',').filter((size) => size !== '').map(Number) as ThumbnailSize[];
  const lostFiles: ThumbnailSize[] = [];
  for (const size of recorded) if (!(await exists(thumbnailPath(lib.paths, row.md5, size)))) lostFiles.push(size);
  // The import renders every size of a readable image; videos need ffmpeg, so only their
  // recorded files are expected.
  const neverMade = fileReadable && row.type === 'image' && row.fileState === 'ok' && THUMBNAIL_SIZES.some((size) => !recorded.includes(size));
  return lostFiles.length === 0 && !neverMade ? null : { itemId: row.id, md5: row.md5, lostFiles, neverMade };
}

/** Forgets the lost records and renders the thumbnails again; false when the file cannot give them. */
async function repairThumbnail(lib: LibraryContext, gap: ThumbnailGap): Promise<boolean> {
  inTransaction(lib.db, () => forgetThumbnailRecords(lib.db, gap.md5, gap.lostFiles));
  try {
    for (const size of THUMBNAIL_SIZES) await ensureThumbnail(lib, gap.itemId, size);
    return true;
  } catch {
    return false;
  }
}

export async function checkLibrary(lib: LibraryContext, options: { repair: boolean; actor: string }): Promise<CheckReport> {
  const started = performance.now();
  const { db, paths } = lib;
  const findings = new Findings();
  const changed = new Set<'tags' | 'thumbnails' | 'fields'>();

  const integrity = integrityProblems(db);
  for (const problem of integrity) {
    findings.add({ kind: 'integrity', message: `SQLite's integrity check: ${problem}`, repairable: false });
  }
  for (const problem of foreignKeyProblems(db)) {
    findings.add({ kind: 'foreign-key', message: `A row of ${problem.table} (rowid ${problem.rowid ?? '?'}) points at a missing row of ${problem.parent}`, repairable: false });
  }

  const walCut = readCutWalRecord(paths.database);
  if (walCut !== null) {
    const finding = findings.add({ kind: 'wal-cut', message: `${cutWalMessage(walCut, paths.database)} (--repair stops reporting it; it cannot bring back what was lost)`, repairable: true });
    if (options.repair) {
      clearCutWalRecord(paths.database);
      findings.markRepaired(finding);
    }
  }

  const wrongCounts = wrongTagCounts(db);
  const countFindings = wrongCounts.map((tag) =>
    findings.add({ kind: 'tag-count', subject: tag.name, message: `Tag "${tag.name}" is counted on ${tag.stored} items but is on ${tag.actual}`, repairable: true }),
  );
  if (options.repair && wrongCounts.length > 0) {
    inTransaction(db, () => recountTags(db));
    for (const finding of countFindings) findings.markRepaired(finding);
    changed.add('tags');
  }

  const wrongMonths = wrongFacetMonths(db);
  if (wrongMonths.length > 0) {
    const months = wrongMonths.map((month) => month || 'no date').join(', ');
    const finding = findings.add({ kind: 'facet-count', message: `The kept counts of the timeline and searches are wrong for ${months}`, repairable: true });
    if (options.repair) {
      inTransaction(db, () => recountFacets(db));
      findings.markRepaired(finding);
      changed.add('fields');
    }
  }
  const wrongBranches = wrongBranchCounts(db);
  const ancestries = wrongAncestries(db);
  const branchFindings = [
    ...wrongBranches.map((tag) =>
      findings.add({ kind: 'tag-count', subject: tag.name, message: `Tag "${tag.name}" counts ${tag.stored} items in its branch but there are ${tag.actual}`, repairable: true }),
    ),
    ...(ancestries.length > 0
      ? [findings.add({ kind: 'tag-count', message: `The tag tree's ancestry of ${ancestries.length} tags does not match their parents`, repairable: true })]
      : []),
  ];
  if (options.repair && branchFindings.length > 0) {
    inTransaction(db, () => recountBranches(db));
    for (const finding of branchFindings) findings.markRepaired(finding);
    changed.add('tags');
  }

  const rows = itemsToCheck(db);
  const seenMd5 = new Set<string>();
  const gaps: ThumbnailGap[] = [];
  await eachLimited(rows, FILE_CONCURRENCY, async (row) => {
    const problem = await fileProblem(row);
    if (problem !== null) findings.add({ ...problem, itemId: row.id, subject: `${row.folderPath}/${row.displayPath}`, repairable: false });
    // Thumbnails are named by content: items with the same bytes share them, so look once.
    if (row.md5 !== null && seenMd5.has(row.md5)) return;
    if (row.md5 !== null) seenMd5.add(row.md5);
    // An item whose file is gone cannot have thumbnails made; only lost cached files are news.
    const gap = await thumbnailGap(lib, row, problem === null || problem.kind === 'file-changed');
    if (gap !== null) gaps.push(gap);
  });
  for (const gap of gaps.sort((a, b) => a.itemId - b.itemId)) {
    const what = gap.lostFiles.length > 0 ? `its ${gap.lostFiles.join(', ')} px thumbnails are missing from the cache` : 'it has no thumbnails';
    const finding = findings.add({ kind: 'thumbnail-missing', itemId: gap.itemId, message: `Item ${gap.itemId}: ${what}`, repairable: true });
    if (!options.repair) continue;
    findings.markRepaired(finding, await repairThumbnail(lib, gap));
    if (!finding.repaired) finding.message += '; its file cannot give them now, so they will be made when it is back (rescan)';
    changed.add('thumbnails');
  }

  if (changed.size > 0) emitChange(lib.events, [...changed], options.actor);
  const latest = latestBackup(backupsDirFor(paths.database));
  return {
    status: integrity.length > 0 ? 'damaged' : findings.unrepaired > 0 ? 'problems' : 'ok',
    counts: findings.counts,
    findings: findings.list,
    truncated: findings.list.length < findings.total,
    itemsChecked: rows.length,
    repaired: options.repair,
    latestBackup: latest?.file ?? null,
    checkedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
}
