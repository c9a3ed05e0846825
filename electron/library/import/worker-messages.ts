import type { FileState, MediaType } from '../../../shared/media.js';
import type { RenderedThumbnail } from '../thumbnails/render-thumbnails.js';

/** Fixed for the life of a worker; passed as `workerData`. */
export interface WorkerConfig {
  pixelLimit: number;
  decodeTimeoutSeconds: number;
  libraryRoot: string;
  ffprobePath: string | null;
  ffmpegPath: string | null;
  /** LibRaw's dcraw_emu (Debian: libraw-bin), or null. */
  dcrawPath?: string | null;
  /** libvips threads per worker (sharp.concurrency). */
  libvipsThreads: number;
  /** Running from source: the `.ts` module the bootstrap loads through tsx. */
  entry?: string;
}

/** One file to examine. The path is raw bytes: names need not be UTF-8. */
export interface ProbeTask {
  taskId: number;
  path: Uint8Array;
}

/** Everything detected from a file's bytes, as the `media` row stores it. */
export interface ProbeResult {
  size: number;
  md5: string | null;
  type: MediaType;
  mime: string | null;
  format: string | null;
  fileState: Exclude<FileState, 'pending'>;
  stateReason: string | null;
  width: number | null;
  height: number | null;
  mode: string | null;
  hasAlpha: boolean | null;
  orientation: number | null;
  takenAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  gpsLat: number | null;
  gpsLon: number | null;
  gpsAlt: number | null;
  duration: number | null;
  /** A `thumbnails` message for this task comes next. */
  thumbnailsFollow: boolean;
}

/**
 * Worker → main. Every task ends with exactly one final message: `probed` without
 * thumbnailsFollow, `thumbnails`, `vanished` or `failed`.
 */
export type WorkerReply =
  | { kind: 'probed'; taskId: number; result: ProbeResult }
  | { kind: 'thumbnails'; taskId: number; md5: string; thumbnails: RenderedThumbnail[] | null; error: string | null }
  | { kind: 'vanished'; taskId: number; reason: string }
  | { kind: 'failed'; taskId: number; error: string };

export function isFinalReply(reply: WorkerReply): boolean {
  return reply.kind !== 'probed' || !reply.result.thumbnailsFollow;
}
