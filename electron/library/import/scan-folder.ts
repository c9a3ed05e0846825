import fs from 'node:fs';
import path from 'node:path';
import { fileErrorReason } from '../base/file-errors.js';
import { isClutter } from './clutter.js';

export type ScanEvent =
  | {
      kind: 'file';
      /** Path inside the library folder, `/`-separated, exactly the bytes the file system gave. */
      relPath: Buffer;
      absPath: Buffer;
      size: number;
      mtimeMs: number;
      /** False when this user may not read it now (permissions can change without touching size or mtime). */
      readable: boolean;
    }
  | { kind: 'issue'; path: string; reason: string };

export interface ScanOptions {
  /** The library folder's real path. */
  root: string;
  /** Scan only this part of the folder (path inside it, `/`-separated bytes). */
  start: Buffer | null;
  /** Directories never entered, by `dev:ino` (the library's own folder). */
  skipDirs: ReadonlySet<string>;
  signal: AbortSignal;
  /** Filled in while scanning: whether the starting folder could be read, and how many entries it has. */
  summary: { startReadable: boolean; startEntries: number };
}

const SEP = Buffer.from(path.sep);
const SLASH = Buffer.from('/');
/** Files stat'ed at once within one folder: enough to hide disk latency, few enough to stay fair. */
const STAT_BATCH = 64;

const key = (stat: fs.Stats): string => `${stat.dev}:${stat.ino}`;
const text = (bytes: Buffer): string => bytes.toString('utf8');

interface PendingDir {
  abs: Buffer;
  rel: Buffer | null;
}

/**
 * Walks a library folder depth-first, names as raw bytes (so names that are not UTF-8 work),
 * entries in byte order (so the same tree always gives the same result). Each real file is
 * reported once: hard links by inode, symbolic links are never followed (a link inside the
 * folder leads to something the walk reaches anyway; one that leads out is reported and
 * skipped), and directories are entered once by inode, so bind-mount loops end. Every problem
 * is an `issue` event for that entry alone; the walk goes on.
 */
export async function* scanFolder(options: ScanOptions): AsyncGenerator<ScanEvent> {
  const rootBytes = Buffer.from(options.root);
  const rootPrefix = Buffer.concat([rootBytes, SEP]);
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const start: PendingDir = options.start
    ? { abs: Buffer.concat([rootPrefix, toNative(options.start)]), rel: options.start }
    : { abs: rootBytes, rel: null };
  const stack: PendingDir[] = [start];
  let first = true;
  while (stack.length > 0) {
    if (options.signal.aborted) return;
    const dir = stack.pop() as PendingDir;
    let entries: fs.Dirent<Buffer>[];
    try {
      const stat = await fs.promises.stat(dir.abs);
      if (seenDirs.has(key(stat)) || options.skipDirs.has(key(stat))) continue;
      seenDirs.add(key(stat));
      entries = await fs.promises.readdir(dir.abs, { encoding: 'buffer', withFileTypes: true });
    } catch (error) {
      if (!first) yield { kind: 'issue', path: text(dir.abs), reason: `This folder was skipped. ${fileErrorReason(error, 'open')}` };
      first = false;
      continue;
    }
    entries = entries.filter((entry) => !isClutter(entry.name)).sort((a, b) => Buffer.compare(a.name, b.name));
    if (first) {
      options.summary.startReadable = true;
      options.summary.startEntries = entries.length;
    }
    first = false;
    const sidecarTimes = await sidecarMtimes(dir.abs, entries);
    if (sidecarTimes.size > 0) entries = entries.filter((entry) => !isSidecarEntry(entry));
    const subdirs: PendingDir[] = [];
    for (let i = 0; i < entries.length; i += STAT_BATCH) {
      if (options.signal.aborted) return;
      const batch = entries.slice(i, i + STAT_BATCH).map((entry) => {
        const abs = Buffer.concat([dir.abs, SEP, entry.name]);
        const rel = dir.rel ? Buffer.concat([dir.rel, SLASH, entry.name]) : entry.name;
        return examine(entry, abs, rel, rootBytes);
      });
      for (const result of await Promise.all(batch)) {
        if (result === null) continue;
        if (result.kind === 'dir') subdirs.push(result.dir);
        else if (result.kind === 'issue') yield result;
        else if (!seenFiles.has(result.inode)) {
          seenFiles.add(result.inode);
          const mtimeMs = Math.max(result.mtimeMs, sidecarTimeOf(result.relPath, sidecarTimes));
          yield { kind: 'file', relPath: result.relPath, absPath: result.absPath, size: result.size, mtimeMs, readable: result.readable };
        }
      }
    }
    // Reversed onto the stack so folders are walked in name order.
    for (let i = subdirs.length - 1; i >= 0; i -= 1) stack.push(subdirs[i] as PendingDir);
  }
}

/**
 * XMP sidecars (`name.xmp`, `name.ext.xmp`) are not items: they are read with the file they
 * describe. A file's recorded mtime is the later of its own and its sidecars', so editing only
 * the sidecar in another tool makes the next rescan read the file's metadata again.
 */
function isSidecarEntry(entry: fs.Dirent<Buffer>): boolean {
  return entry.isFile() && entry.name.length > 4 && entry.name.subarray(-4).toString('latin1').toLowerCase() === '.xmp';
}

async function sidecarMtimes(dirAbs: Buffer, entries: readonly fs.Dirent<Buffer>[]): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  await Promise.all(
    entries.filter(isSidecarEntry).map(async (entry) => {
      try {
        const stat = await fs.promises.stat(Buffer.concat([dirAbs, SEP, entry.name]));
        const key = entry.name.toString('latin1').toLowerCase();
        times.set(key, Math.max(times.get(key) ?? 0, stat.mtimeMs));
      } catch {
        // gone since the listing: the file is read without it
      }
    }),
  );
  return times;
}

function sidecarTimeOf(relPath: Buffer, times: ReadonlyMap<string, number>): number {
  if (times.size === 0) return 0;
  const name = relPath.subarray(relPath.lastIndexOf(0x2f) + 1).toString('latin1').toLowerCase();
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : null;
  return Math.max(times.get(`${name}.xmp`) ?? 0, stem === null ? 0 : (times.get(`${stem}.xmp`) ?? 0));
}

type Examined =
  | { kind: 'dir'; dir: PendingDir }
  | { kind: 'issue'; path: string; reason: string }
  | { kind: 'file'; relPath: Buffer; absPath: Buffer; size: number; mtimeMs: number; inode: string; readable: boolean }
  | null;

async function examine(entry: fs.Dirent<Buffer>, abs: Buffer, rel: Buffer, root: Buffer): Promise<Examined> {
  if (entry.isDirectory()) return { kind: 'dir', dir: { abs, rel } };
  if (entry.isSymbolicLink()) return examineLink(abs, root);
  if (!entry.isFile()) return { kind: 'issue', path: text(abs), reason: `It is ${specialKind(entry)}, not a file; skipped` };
  try {
    const stat = await fs.promises.stat(abs);
    const readable = await fs.promises.access(abs, fs.constants.R_OK).then(
      () => true,
      () => false,
    );
    return { kind: 'file', relPath: rel, absPath: abs, size: stat.size, mtimeMs: stat.mtimeMs, inode: key(stat), readable };
  } catch (error) {
    return { kind: 'issue', path: text(abs), reason: fileErrorReason(error, 'read') };
  }
}

/** Pipes, sockets and devices are never read: opening a FIFO would wait forever for a writer. */
function specialKind(entry: fs.Dirent<Buffer>): string {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  return 'a special file';
}

async function examineLink(abs: Buffer, root: Buffer): Promise<Examined> {
  let target: Buffer;
  try {
    target = await fs.promises.realpath(abs, { encoding: 'buffer' });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? 'It is a link to something that does not exist; skipped'
      : `It is a link that cannot be followed; skipped. ${fileErrorReason(error, 'follow')}`;
    return { kind: 'issue', path: text(abs), reason };
  }
  // Inside the folder (or the folder itself): the walk reaches it through its real path.
  if (target.equals(root) || (target.length > root.length && target.subarray(0, root.length).equals(root) && target.subarray(root.length, root.length + SEP.length).equals(SEP))) {
    return null;
  }
  return { kind: 'issue', path: text(abs), reason: `It is a link to ${text(target)}, outside the library folder; skipped` };
}

function toNative(rel: Buffer): Buffer {
  return path.sep === '/' ? rel : Buffer.from(text(rel).split('/').join(path.sep));
}
