/**
 * How a library is opened: what callers may set, and the defaults every floor uses. It sits on
 * the ground floor because the importer, the thumbnail maker and the service all read it.
 */
import os from 'node:os';

export interface LibraryOptions {
  /** sharp's input pixel limit; larger images are recorded as `oversized`. */
  pixelLimit?: number;
  /** Seconds sharp may spend on one file before it is recorded as damaged. */
  decodeTimeoutSeconds?: number;
  /** Worker threads for decoding and hashing (default: CPU count, at least 1). */
  workers?: number;
  /** ffprobe/ffmpeg to use for video; null disables video probing. Default: found on PATH. */
  ffprobePath?: string | null;
  ffmpegPath?: string | null;
  /** LibRaw's dcraw_emu, to develop a RAW that has no usable preview; null disables. Default: found on PATH. */
  dcrawPath?: string | null;
  /** better-sqlite3's addon to load instead of the default (the desktop app's Electron build). */
  nativeBinding?: string;
  /** Automatic backups (daily, before a migration) kept in the library's `backups/` folder; default 7. */
  backupsKept?: number;
  /**
   * Run the background analysis queue while the library is open (default true). One-shot CLI
   * commands open with false: they must not start analysing what a window left queued.
   */
  backgroundAnalysis?: boolean;
  /** Read keywords, ratings, captions from files and sidecars on import (default true; off only to measure its cost). */
  readFileMetadata?: boolean;
}

/** The options with every default filled in. */
export type ResolvedOptions = Required<Pick<LibraryOptions, 'pixelLimit' | 'decodeTimeoutSeconds' | 'workers'>> & LibraryOptions;

export const DEFAULT_PIXEL_LIMIT = 268_402_689; // sharp's own default (0x3FFF × 0x3FFF)
export const DEFAULT_DECODE_TIMEOUT_SECONDS = 60;

export function resolveOptions(options: LibraryOptions = {}): ResolvedOptions {
  return {
    ...options,
    pixelLimit: options.pixelLimit ?? DEFAULT_PIXEL_LIMIT,
    decodeTimeoutSeconds: options.decodeTimeoutSeconds ?? DEFAULT_DECODE_TIMEOUT_SECONDS,
    workers: Math.max(1, options.workers ?? os.availableParallelism()),
  };
}
