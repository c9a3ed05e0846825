import { EVENT_NAMES, type EventName, type FolioEvents } from '../../../shared/events.js';
import type { LibraryEvents } from '../base/events.js';
import { methodNotAllowed } from '../base/error-status.js';
import { whenClosed, type HttpRequest } from './request-context.js';

export const DEFAULT_HEARTBEAT_MS = 15_000;
// A client that stops reading would make us buffer events forever; past this many queued
// bytes it is dropped (EventSource reconnects, and the UI reloads what it shows).
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;

/** Open event streams, so the server can end them when it closes. */
export class EventStreams {
  private readonly open = new Set<() => void>();

  get size(): number {
    return this.open.size;
  }

  add(close: () => void): () => void {
    this.open.add(close);
    return () => this.open.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.open]) close();
  }
}

function frame<E extends EventName>(event: E, payload: FolioEvents[E]): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * `GET /events`: Server-Sent Events carrying `import.progress` and `library.changed`, whoever
 * caused them (the UI, the REST API, an import). A comment line every `heartbeatMs` keeps
 * proxies and idle timers from closing the stream; listeners go when the client does.
 */
export function handleEvents(
  request: HttpRequest,
  events: LibraryEvents,
  streams: EventStreams,
  heartbeatMs = DEFAULT_HEARTBEAT_MS,
): Response {
  if (request.method !== 'GET') throw methodNotAllowed(['GET']);
  const encoder = new TextEncoder();
  let cleanup = (): void => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string): void => {
        if (closed) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) {
          cleanup();
          return;
        }
        controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = EVENT_NAMES.map((name) => events.on(name, (payload) => send(frame(name, payload))));
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref();
      const forget = streams.add(() => cleanup());
      let stopWatching = (): void => {};
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        for (const off of unsubscribe) off();
        forget();
        stopWatching();
        try {
          controller.close();
        } catch {
          // Already cancelled by the consumer.
        }
      };
      stopWatching = whenClosed(request, () => cleanup());
      // `retry` tells EventSource how soon to reconnect; the comment flushes the headers now.
      send('retry: 2000\n: connected\n\n');
    },
    cancel() {
      cleanup();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }));
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    },
  });
}
