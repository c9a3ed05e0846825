/**
 * The renderer's only way to the core, and the only file that knows the transport: the
 * preload's `window.folio` bridge (IPC) in Electron, HTTP in browser mode (`POST /rpc/<method>`,
 * server-sent events on `/events`, media under `/media`). Everything above sees typed calls that
 * resolve to a method's result or throw a FolioError with the code.
 */
import type { FolioBridge } from '../../../shared/bridge.js';
import type { ArgsIn, MethodName, Result } from '../../../shared/contract.js';
import { FolioError, isErrorCode } from '../../../shared/errors.js';
import type { EventName, FolioEvents } from '../../../shared/events.js';
import { HTTP_MEDIA_BASE, mediaUrlBuilder, type MediaUrlBuilder } from '../../../shared/media-urls.js';
import { unwrapEnvelope, type Envelope } from '../../../shared/result.js';
import { SIDEBAR_METHODS } from '../../../shared/sidebar-calls.js';
import { firstScreenGate } from './first-screen-gate.js';

declare global {
  interface Window {
    folio?: FolioBridge;
  }
}

const bridge: FolioBridge | undefined = typeof window === 'undefined' ? undefined : window.folio;

/** True in the desktop app; browser mode lacks native dialogs and the OS trash. */
export const isDesktop = bridge !== undefined;

export const mediaUrls: MediaUrlBuilder = mediaUrlBuilder(bridge?.mediaBase ?? HTTP_MEDIA_BASE);

function isEnvelope(body: unknown): body is Envelope<unknown> {
  return typeof body === 'object' && body !== null && 'ok' in body && typeof (body as { ok: unknown }).ok === 'boolean';
}

/** Errors the server answers outside an envelope (401 before routing, 413 on a huge body). */
function errorFromBody(status: number, body: unknown): FolioError {
  const payload = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (payload && isErrorCode(payload.code) && typeof payload.message === 'string') {
    return new FolioError(payload.code, payload.message);
  }
  if (status === 401) return new FolioError('UNAUTHORIZED', 'The server asked for its access key');
  if (status === 403) return new FolioError('FORBIDDEN', 'The server refused the request');
  if (status === 413) return new FolioError('PAYLOAD_TOO_LARGE', 'The request was too large');
  return new FolioError('INTERNAL', `The server answered ${status}`);
}

async function callOverHttp<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(args ?? {}),
    });
  } catch {
    throw new FolioError('IO_ERROR', 'The Folio server cannot be reached. Is it still running?');
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A body that isn't JSON (a proxy's error page): fall through to the status.
  }
  if (isEnvelope(body)) return unwrapEnvelope(body as Envelope<Result<M>>);
  throw errorFromBody(response.status, body);
}

export async function call<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> {
  if (!firstScreenGate.isOpen && SIDEBAR_METHODS.has(method)) await firstScreenGate.passed();
  if (bridge) return unwrapEnvelope(await bridge.invoke(method, args));
  return callOverHttp(method, args);
}

type Listener<E extends EventName> = (payload: FolioEvents[E]) => void;

let source: EventSource | null = null;

function eventSource(): EventSource {
  // One stream for every subscriber; EventSource reconnects by itself after a drop.
  source ??= new EventSource('/events', { withCredentials: true });
  return source;
}

/** Subscribes to a library event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, listener: Listener<E>): () => void {
  if (bridge) return bridge.on(event, listener);
  const stream = eventSource();
  const handle = (message: MessageEvent<string>): void => {
    let payload: FolioEvents[E];
    try {
      payload = JSON.parse(message.data) as FolioEvents[E];
    } catch {
      return;
    }
    listener(payload);
  };
  stream.addEventListener(event, handle);
  return () => stream.removeEventListener(event, handle);
}

/**
 * Paths of files or folders dropped on the window. Only the desktop app can tell (a web page
 * never learns where a dropped file lives); in browser mode the list is empty.
 */
export function droppedPaths(files: ArrayLike<unknown>): string[] {
  return bridge ? bridge.droppedPaths(files) : [];
}

/** Calls back when the event stream drops and when it is back (to reload what may have been missed). */
export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  if (bridge) return () => undefined;
  const stream = eventSource();
  const opened = (): void => listener(true);
  const failed = (): void => listener(false);
  stream.addEventListener('open', opened);
  stream.addEventListener('error', failed);
  return () => {
    stream.removeEventListener('open', opened);
    stream.removeEventListener('error', failed);
  };
}
