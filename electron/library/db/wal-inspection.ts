/**
 * Reads a library's `-wal` file the way SQLite's recovery does, before SQLite opens it.
 *
 * When SQLite opens a WAL nobody else has open, it replays frames from the start while their
 * salts match the header and their checksums continue the chain, and silently drops everything
 * from the first frame that does not. A WAL cut short (a copy that stopped half-way, a disk
 * that lost its tail) or damaged in the middle therefore loses committed transactions without
 * a word. Folio cannot bring them back, but it can notice and say so, pointing at a backup.
 *
 * Layout (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header (magic, version,
 * page size, checkpoint sequence, salt-1, salt-2, checksum-1, checksum-2), then frames of a
 * 24-byte header (page number, database size after commit or 0, salt-1, salt-2, checksum-1,
 * checksum-2) and one page. The checksums run over the header and every frame in turn.
 */
import fs from 'node:fs';
import os from 'node:os';

export const WAL_HEADER_BYTES = 32;
export const WAL_FRAME_HEADER_BYTES = 24;

export interface WalInspection {
  /** `ok`: SQLite will replay every committed frame. `cut`: it will drop committed ones. */
  state: 'ok' | 'cut';
  bytes: number;
  pageSize: number | null;
  /** Whole frames in the file, and those SQLite will accept (up to the last valid commit). */
  frames: number;
  replayedFrames: number;
  /** What is wrong, for a person; null when ok. */
  problem: string | null;
}

const OK = (bytes: number, pageSize: number | null, frames: number, replayedFrames: number): WalInspection => ({
  state: 'ok', bytes, pageSize, frames, replayedFrames, problem: null,
});

const NATIVE_LITTLE_ENDIAN = os.endianness() === 'LE';

/** SQLite's WAL checksum: pairs of 32-bit words in the byte order the magic number names. */
function checksum(data: Buffer, start: number, end: number, bigEndian: boolean, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  // The common case (a WAL written on this kind of machine) reads the words in place, about
  // ten times faster than one readUInt32 call per word.
  if (!bigEndian && NATIVE_LITTLE_ENDIAN && (data.byteOffset + start) % 4 === 0) {
    const words = new Uint32Array(data.buffer, data.byteOffset + start, (end - start) / 4);
    for (let i = 0; i < words.length; i += 2) {
      s0 = (s0 + (words[i] as number) + s1) >>> 0;
      s1 = (s1 + (words[i + 1] as number) + s0) >>> 0;
    }
    return [s0, s1];
  }
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * Frames read a few megabytes at a time, in order: a WAL can grow to hundreds of megabytes after
 * a large write, and the inspection must not hold all of it in memory at start-up.
 */
class FrameReader {
  private chunk = Buffer.alloc(0);
  private first = 0;
  private count = 0;
  private readonly perChunk: number;

  constructor(
    private readonly fd: number,
    private readonly frameBytes: number,
    private readonly frames: number,
  ) {
    this.perChunk = Math.max(1, Math.floor((4 * 1024 * 1024) / frameBytes));
  }

  /** Frame `k` (its 24-byte header, then its page). */
  frame(k: number): Buffer {
    if (k < this.first || k >= this.first + this.count) {
      this.first = k;
      this.count = Math.min(this.perChunk, this.frames - k);
      if (this.chunk.length < this.count * this.frameBytes) this.chunk = Buffer.alloc(this.perChunk * this.frameBytes);
      fs.readSync(this.fd, this.chunk, 0, this.count * this.frameBytes, WAL_HEADER_BYTES + k * this.frameBytes);
    }
    const at = (k - this.first) * this.frameBytes;
    return this.chunk.subarray(at, at + this.frameBytes);
  }
}

/** Inspects `<databaseFile>-wal`; a missing or empty WAL is ok. */
export function inspectWal(databaseFile: string): WalInspection {
  let fd: number;
  try {
    fd = fs.openSync(`${databaseFile}-wal`, 'r');
  } catch {
    return OK(0, null, 0, 0);
  }
  try {
    return inspectOpenWal(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function inspectOpenWal(fd: number): WalInspection {
  const bytes = fs.fstatSync(fd).size;
  if (bytes === 0) return OK(0, null, 0, 0);
  const cut = (pageSize: number | null, frames: number, replayed: number, problem: string): WalInspection => ({
    state: 'cut', bytes, pageSize, frames, replayedFrames: replayed, problem,
  });
  if (bytes < WAL_HEADER_BYTES) return cut(null, 0, 0, `the write-ahead log is ${bytes} bytes, shorter than its own header`);
  const header = Buffer.alloc(WAL_HEADER_BYTES);
  fs.readSync(fd, header, 0, WAL_HEADER_BYTES, 0);

  const magic = header.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return cut(null, 0, 0, 'the write-ahead log does not start with SQLite\'s header');
  const bigEndian = magic === 0x377f0683;
  const rawPageSize = header.readUInt32BE(8);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const frameBytes = WAL_FRAME_HEADER_BYTES + pageSize;
  const frames = Math.floor((bytes - WAL_HEADER_BYTES) / frameBytes);
  let sum = checksum(header, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28) || pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    return frames === 0 ? OK(bytes, null, 0, 0) : cut(null, frames, 0, `the write-ahead log's header is damaged, so all ${frames} of its frames are ignored`);
  }
  const salt1 = header.readUInt32BE(16);
  const salt2 = header.readUInt32BE(20);
  const reader = new FrameReader(fd, frameBytes, frames);

  // Walk the chain as recovery does; frames after the last valid commit are not replayed.
  let replayed = 0;
  let brokenAt = -1;
  for (let k = 0; k < frames; k += 1) {
    const frame = reader.frame(k);
    if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) {
      brokenAt = k;
      break;
    }
    sum = checksum(frame, 0, 8, bigEndian, sum);
    sum = checksum(frame, WAL_FRAME_HEADER_BYTES, frameBytes, bigEndian, sum);
    if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) {
      brokenAt = k;
      break;
    }
    if (frame.readUInt32BE(4) !== 0) replayed = k + 1;
  }

  // Past the break, frames of this WAL's generation (its salts) that end a transaction are
  // commits SQLite will drop. Older frames (other salts) are left over from before the last
  // checkpoint and mean nothing; an unfinished last transaction is not a loss either.
  if (brokenAt >= 0) {
    for (let k = brokenAt; k < frames; k += 1) {
      const frame = reader.frame(k);
      const ours = frame.readUInt32BE(8) === salt1 && frame.readUInt32BE(12) === salt2;
      if (ours && frame.readUInt32BE(4) !== 0) {
        return cut(pageSize, frames, replayed, `frame ${brokenAt + 1} of the write-ahead log is damaged, and committed changes after it will be dropped (${frames - replayed} of ${frames} frames)`);
      }
    }
  }
  const rest = (bytes - WAL_HEADER_BYTES) % frameBytes;
  if (rest !== 0) {
    return cut(pageSize, frames, replayed, `the write-ahead log ends inside frame ${frames + 1} (${bytes} bytes is not 32 + k × ${frameBytes}): it was cut short, and changes in its lost tail are gone`);
  }
  return OK(bytes, pageSize, frames, replayed);
}
