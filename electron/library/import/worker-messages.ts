import type { FileState } from '../../../shared/media.js';
import type { DetectedFields } from '../db/media-columns.js';
import type { FileMetadataReading } from '../metadata/file-metadata.js';
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
  /** Read metadata from the file and its sidecars (keywords, ratings, …); absent means yes. */
  readFileMetadata?: boolean;
  /** Running from source: the `.ts` module the bootstrap loads through tsx. */
  entry?: string;
}

/** One file to examine. The path is raw bytes: names need not be UTF-8. */
export interface ProbeTask {
  taskId: number;
  path: Uint8Array;
}

/** Everything detected from a file's bytes, as the `media` row stores it (db/media-columns). */
export interface ProbeResult extends DetectedFields {
  fileState: Exclude<FileState, 'pending'>;
  /** A `thumbnails` message for this task comes next. */
  thumbnailsFollow: boolean;
}

/**
 * Worker → main. Every task ends with exactly one final message: `probed` without
 * thumbnailsFollow, `thumbnails`, `vanished` or `failed`.
 */
export type WorkerReply =
  | {
      kind: 'probed';
      taskId: number;
      result: ProbeResult;
      /** What the file and its sidecars say (keywords, rating, …); null when they could not be read at all. */
      metadata?: FileMetadataReading | null;
    }
  | {
      kind: 'thumbnails';
      taskId: number;
      md5: string;
      thumbnails: RenderedThumbnail[] | null;
      error: string | null;
      /** The picture's dHash (images only), from the same decode as the thumbnails. */
      perceptualHash?: string | null;
    }
  | { kind: 'vanished'; taskId: number; reason: string }
  | { kind: 'failed'; taskId: number; error: string };

export function isFinalReply(reply: WorkerReply): boolean {
  return reply.kind !== 'probed' || !reply.result.thumbnailsFollow;
}
