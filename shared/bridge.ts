import type { ArgsIn, MethodName, Result } from './contract.js';
import type { EventName, FolioEvents } from './events.js';
import type { Envelope } from './result.js';

/**
 * What the Electron preload exposes as `window.folio`. Derived from the contract: one
 * `invoke` for every method (each on its own IPC channel, `folio:<method>`), one `on` for events.
 * Browser mode has no bridge; the renderer's API client speaks HTTP instead.
 */
export interface FolioBridge {
  invoke<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Envelope<Result<M>>>;
  on<E extends EventName>(event: E, listener: (payload: FolioEvents[E]) => void): () => void;
  /** Base of media URLs in this transport (`media://item`). */
  readonly mediaBase: string;
  /**
   * The paths on disk of files or folders dropped on the window (a drop event's
   * `dataTransfer.files`), to import them. Entries that are not dropped files are left out.
   */
  droppedPaths(files: ArrayLike<unknown>): string[];
}

/** What main sends on `IPC_EVENT_CHANNEL`: one event and its payload. */
export interface IpcEventMessage<E extends EventName = EventName> {
  event: E;
  payload: FolioEvents[E];
}

export const IPC_CHANNEL_PREFIX = 'folio:';
export const IPC_EVENT_CHANNEL = 'folio-event';

export function ipcChannel(method: MethodName): string {
  return `${IPC_CHANNEL_PREFIX}${method}`;
}
