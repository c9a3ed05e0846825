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

/** SQLite's WAL checksum: pairs of 32-bit words in the byte order the magic number names. */
function checksum(data: Buffer, start: number, end: number, bigEndian: boolean, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Inspects `<databaseFile>-wal`; a missing or empty WAL is ok. */
export function inspectWal(databaseFile: string): WalInspection {
  let data: Buffer;
  try {
    data = fs.readFileSync(`${databaseFile}-wal`);
  } catch {
    return OK(0, null, 0, 0);
  }
  const bytes = data.length;
  if (bytes === 0) return OK(0, null, 0, 0);
  const cut = (pageSize: number | null, frames: number, replayed: number, problem: string): WalInspection => ({
    state: 'cut', bytes, pageSize, frames, replayedFrames: replayed, problem,
  });
  if (bytes < WAL_HEADER_BYTES) return cut(null, 0, 0, `the write-ahead log is ${bytes} bytes, shorter than its own header`);

  const magic = data.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return cut(null, 0, 0, 'the write-ahead log does not start with SQLite\'s header');
  const bigEndian = magic === 0x377f0683;
  const rawPageSize = data.readUInt32BE(8);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const frameBytes = WAL_FRAME_HEADER_BYTES + pageSize;
  const frames = Math.floor((bytes - WAL_HEADER_BYTES) / frameBytes);
  let sum = checksum(data, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== data.readUInt32BE(24) || sum[1] !== data.readUInt32BE(28) || pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    return frames === 0 ? OK(bytes, null, 0, 0) : cut(null, frames, 0, `the write-ahead log's header is damaged, so all ${frames} of its frames are ignored`);
  }
  const salt1 = data.readUInt32BE(16);
  const salt2 = data.readUInt32BE(20);

  // Walk the chain as recovery does; frames after the last valid commit are not replayed.
  let replayed = 0;
  let brokenAt = -1;
  for (let k = 0; k < frames; k += 1) {
    const at = WAL_HEADER_BYTES + k * frameBytes;
    if (data.readUInt32BE(at + 8) !== salt1 || data.readUInt32BE(at + 12) !== salt2) {
      brokenAt = k;
      break;
    }
    sum = checksum(data, at, at + 8, bigEndian, sum);
    sum = checksum(data, at + WAL_FRAME_HEADER_BYTES, at + frameBytes, bigEndian, sum);
    if (sum[0] !== data.readUInt32BE(at + 16) || sum[1] !== data.readUInt32BE(at + 20)) {
      brokenAt = k;
      break;
    }
    if (data.readUInt32BE(at + 4) !== 0) replayed = k + 1;
  }

  // Past the break, frames of this WAL's generation (its salts) that end a transaction are
  // commits SQLite will drop. Older frames (other salts) are left over from before the last
  // checkpoint and mean nothing; an unfinished last transaction is not a loss either.
  if (brokenAt >= 0) {
    for (let k = brokenAt; k < frames; k += 1) {
      const at = WAL_HEADER_BYTES + k * frameBytes;
      const ours = data.readUInt32BE(at + 8) === salt1 && data.readUInt32BE(at + 12) === salt2;
      if (ours && data.readUInt32BE(at + 4) !== 0) {
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
