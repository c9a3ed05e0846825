import { IPC_EVENT_CHANNEL, ipcChannel, type FolioBridge, type IpcEventMessage } from '../../shared/bridge.js';
import { isMethodName } from '../../shared/contract.js';
import { FolioError } from '../../shared/errors.js';
import { isEventName, type EventName, type FolioEvents } from '../../shared/events.js';
import { ELECTRON_MEDIA_BASE } from '../../shared/media-urls.js';
import { errorEnvelope } from '../../shared/result.js';

/** The part of Electron's `ipcRenderer` the bridge uses. Never handed to the page. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface BridgeOptions {
  /** Electron's `webUtils.getPathForFile`: '' for a File that did not come from the disk. */
  pathForFile(file: unknown): string;
  /** Whether a value is a DOM `File` (the only thing `pathForFile` accepts). */
  isFile(value: unknown): boolean;
}

type AnyListener = (payload: FolioEvents[EventName]) => void;

/**
 * Builds `window.folio` from the contract. The page gets functions and plain data only: no
 * `ipcRenderer`, no IPC event objects (their `sender` would be ipcRenderer itself), nothing
 * from Node. Calls to names outside the contract never reach IPC.
 */
export function createBridge(ipc: IpcRendererLike, options: BridgeOptions): FolioBridge {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let attached = false;

  const onMessage = (_event: unknown, message: unknown): void => {
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as Partial<IpcEventMessage>;
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload as FolioEvents[EventName]);
      } catch (error) {
        // One broken subscriber must not starve the others.
        console.error(`folio: a ${event} listener failed`, error);
      }
    }
  };

  const detachIfIdle = (): void => {
    if (attached && [...listeners.values()].every((set) => set.size === 0)) {
      ipc.removeListener(IPC_EVENT_CHANNEL, onMessage);
      attached = false;
    }
  };

  const bridge = {
    async invoke(method: unknown, args: unknown) {
      if (!isMethodName(method)) {
        return errorEnvelope(new FolioError('NOT_FOUND', `"${String(method).slice(0, 100)}" is not a Folio method`));
      }
      try {
        return await ipc.invoke(ipcChannel(method), args);
      } catch {
        // Main answers with an envelope; a rejection means IPC itself failed (e.g. args that
        // cannot be cloned). Keep the contract: an envelope, never a thrown internal error.
        return errorEnvelope(new FolioError('INVALID_ARGUMENT', `The arguments of ${method} could not be sent`));
      }
    },
    on(event: unknown, listener: unknown) {
      if (!isEventName(event)) throw new TypeError(`"${String(event).slice(0, 100)}" is not a Folio event`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      // Wrapped, so subscribing the same function twice gives two independent subscriptions.
      const subscription: AnyListener = (payload) => (listener as AnyListener)(payload);
      set.add(subscription);
      if (!attached) {
        ipc.on(IPC_EVENT_CHANNEL, onMessage);
        attached = true;
      }
      return () => {
        set.delete(subscription);
        detachIfIdle();
      };
    },
    mediaBase: ELECTRON_MEDIA_BASE,
    droppedPaths(files: unknown) {
      if (typeof files !== 'object' || files === null) return [];
      const list = Array.from(files as ArrayLike<unknown>);
      return list.filter((file) => options.isFile(file)).map((file) => options.pathForFile(file)).filter((p) => p !== '');
    },
  };
  return bridge as FolioBridge;
}
