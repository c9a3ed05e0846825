import type { EventName, FolioEvents } from '../../../shared/events.js';

type Listener<E extends EventName> = (payload: FolioEvents[E]) => void;

/**
 * A small typed emitter. A throwing listener (a closed window, a dropped HTTP stream) must not
 * break the write that emitted, so errors are reported and swallowed.
 */
export class LibraryEvents {
  private readonly listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: FolioEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        console.error(`folio: a ${event} listener failed`, error);
      }
    }
  }
}
