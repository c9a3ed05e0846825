import type { Args, MethodName, Result } from '../../../shared/contract.js';
import type { Actor } from '../../../shared/media.js';
import type { MediaUrlBuilder } from '../../../shared/media-urls.js';
import type { Db } from '../db/connection.js';
import type { ResolvedOptions } from '../base/options.js';
import type { LibraryEvents } from '../base/events.js';
import type { LibraryPaths } from '../base/paths.js';
import type { Importer } from '../import/importer.js';
import type { AnalysisRunner } from '../analysis/analysis-runner.js';
import type { SidecarQueue } from '../metadata/sidecar-queue.js';
import type { FileExporter } from '../export/file-exporter.js';

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

/** What handlers work with: one open library. */
export interface LibraryContext {
  db: Db;
  paths: LibraryPaths;
  events: LibraryEvents;
  options: ResolvedOptions;
  importer: Importer;
  /** The background analysis queue (issue 16). */
  analysis: AnalysisRunner;
  /** Writes edits back to XMP sidecars when the library's setting is on. */
  sidecars: SidecarQueue;
  /** File exports (issue 15), one at a time. */
  exporter: FileExporter;
}
