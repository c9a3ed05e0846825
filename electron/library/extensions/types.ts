/**
 * An offline tagging extension: looks at one item (its metadata, and pixels it reads itself)
 * and suggests tags, each with a confidence in [0, 1] that means something (see each
 * extension). Extensions never touch the database; the service stores what they return.
 */
import type { AiTagBox, ExtensionRunState, FileState, MediaType } from '../../../shared/media.js';
import type { LibraryPaths } from '../paths.js';

export interface ExtensionSubject {
  id: number;
  type: MediaType;
  format: string | null;
  width: number | null;
  height: number | null;
  hasAlpha: boolean | null;
  takenAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  geotagged: boolean;
  /** Decimal degrees (WGS 84), when the file has a GPS position. */
  gpsLatitude: number | null;
  gpsLongitude: number | null;
  md5: string | null;
  fileState: FileState;
  stateReason: string | null;
  availability: string;
  /** The original file's absolute path as bytes (names need not be UTF-8). */
  absPath: Buffer;
}

export interface ExtensionEnv {
  paths: LibraryPaths;
  pixelLimit: number;
  decodeTimeoutSeconds: number;
}

export interface SuggestedTag {
  name: string;
  confidence: number;
  /** Where the label was found, when the extension locates things. */
  box?: AiTagBox;
}

export interface ExtensionOutcome {
  status: ExtensionRunState;
  tags: SuggestedTag[];
  /** Why it failed or was unsupported, or what it had to skip. */
  message: string | null;
}

export interface TaggingExtension {
  name: string;
  description: string;
  version: string;
  /** Other names a request may use for it (ImageKit's cloud extensions, answered offline). */
  aliases?: readonly string[];
  /** minConfidence when a request gives none; chosen from the extension's measured precision. */
  defaultMinConfidence?: number;
  analyze(subject: ExtensionSubject, env: ExtensionEnv): Promise<ExtensionOutcome>;
}
