import type { IpcEventMessage } from '../../../shared/bridge.js';
import { EVENT_NAMES, type EventName } from '../../../shared/events.js';
import type { LibraryEvents } from '../../library/base/events.js';

export type SendEvent = (message: IpcEventMessage) => void;

/** The library events a window is told about: everything the core emits. */
const LIBRARY_EVENTS = EVENT_NAMES.filter((name): name is Exclude<EventName, 'menu.command'> => name !== 'menu.command');

/**
 * Pushes the library's events (import progress, changes made by anyone: this window, the REST
 * API, an import) to a window. Returns the unsubscribe; call it when the window closes so a
 * destroyed window is never sent to.
 */
export function forwardLibraryEvents(events: LibraryEvents, send: SendEvent): () => void {
  const unsubscribers = LIBRARY_EVENTS.map((event) => events.on(event, (payload) => send({ event, payload } as IpcEventMessage)));
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
