import type { ImportProgress, LibraryFolder } from '../../../shared/media.js';

/**
 * Runs imports and rescans one after another (FIFO) in the background. Items are written as
 * soon as each file is indexed; thumbnails follow. Progress goes out as `import.progress`
 * events; library changes as `library.changed`.
 */
export interface Importer {
  /** Adds the folder if it is new (a folder inside an existing one is scanned as part of it) and queues an import. */
  start(folderPath: string): Promise<{ jobId: string; folder: LibraryFolder }>;
  /** Queues a rescan of the given folders (all when omitted). */
  rescan(folderIds?: number[]): Promise<{ jobId: string }>;
  /** Cancels the running job (queued ones too); work already committed stays. */
  cancel(): boolean;
  status(): ImportProgress | null;
  /** Resolves when no job is running or queued. */
  whenIdle(): Promise<void>;
  /** Cancels everything and stops the worker threads. */
  close(): Promise<void>;
}
