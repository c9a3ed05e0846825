import { isAppUrl } from '../security/origins.js';

/** The part of Electron's `WebFrameMain` the check reads. */
export interface SenderFrameLike {
  url: string;
  parent: SenderFrameLike | null;
}

/** The part of Electron's `IpcMainInvokeEvent` the check reads. */
export interface IpcEventLike {
  senderFrame: SenderFrameLike | null;
}

/**
 * Only our own page, in the top frame, may call the library. A subframe (even of our origin),
 * `about:blank`, `data:`, `file:` or any other origin is refused before its arguments are even
 * looked at. `senderFrame` is null when the frame navigated or was destroyed meanwhile: refused.
 */
export function isTrustedSender(event: IpcEventLike): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
