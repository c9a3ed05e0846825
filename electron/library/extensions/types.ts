/**
 * An offline tagging extension: looks at one item (its metadata, and pixels it reads itself)
 * and suggests tags, each with a confidence in [0, 1] that means something (see each
 * extension). Extensions never touch the database; the service stores what they return.
 */
import type { AiTagBox, ExtensionRunState } from '../../../shared/media.js';
import type { OriginalLocation } from '../base/original-file.js';
import type { LibraryPaths } from '../base/paths.js';
import type { DetectedFields } from '../db/media-columns.js';

/** The item an extension looks at: everything detected from its file, and where the file is. */
export interface ExtensionSubject extends DetectedFields {
  id: number;
  geotagged: boolean;
  availability: string;
  /** The original file: read it only through base/original-file's readOriginal, which checks it first. */
  original: OriginalLocation;
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
  /** The faces extension's finds: the service stores them and groups them into people. */
  faces?: { model: string; found: FoundFace[] };
}

/** A face in pixels of the upright original, with its unit-length descriptor (empty when no descriptor model is installed). */
export interface FoundFace {
  box: AiTagBox;
  score: number;
  descriptor: Float32Array;
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
