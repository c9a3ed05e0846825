import type { Args, MethodName, Result } from '../../../shared/contract.js';
import type { Actor } from '../../../shared/media.js';
import type { MediaUrlBuilder } from '../../../shared/media-urls.js';
import type { Db } from '../db/connection.js';
import type { LibraryEvents } from '../events.js';
import type { LibraryPaths } from '../paths.js';
import type { Importer } from '../import/importer.js';

/** Who is calling and how they address media; each transport makes its own. */
export interface CallContext {
  actor: Actor;
  urls: MediaUrlBuilder;
}

export type Handler<M extends MethodName> = (args: Args<M>, ctx: CallContext) => Result<M> | Promise<Result<M>>;

/** A group of handlers for some of the contract's methods (one file per group). */
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };

/** Every method has a handler: a method added to the contract without one fails the build. */
export type Handlers = HandlerGroup<MethodName>;

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
}

/** What handlers work with: one open library. */
export interface LibraryContext {
  db: Db;
  paths: LibraryPaths;
  events: LibraryEvents;
  options: Required<Pick<LibraryOptions, 'pixelLimit' | 'decodeTimeoutSeconds' | 'workers'>> & LibraryOptions;
  importer: Importer;
}
