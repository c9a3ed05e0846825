import { useEffect, useState } from 'react';
import type { SidecarStatus } from '../../../shared/file-metadata.js';
import { call } from '../api/client.js';

/** Often enough to see a "write all" move, rarely enough to cost nothing (one count query). */
const POLL_MS = 3_000;

/** The sidecar writer in the status bar: what is still to write, and a write that failed. */
export function SidecarStatusLine() {
  const [status, setStatus] = useState<SidecarStatus | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      call('sidecars.status', {}).then(
        (next) => live && setStatus(next),
        () => undefined, // the connection's own indicator tells about a server that is gone
      );
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (status === null || !status.enabled || (status.pending === 0 && status.failed === 0)) return null;
  const failed = status.failed > 0 ? `, ${status.failed.toLocaleString()} failed` : '';
  return (
    <span className="sidecar-status" role="status" title={status.lastError?.message}>
      Sidecars: {status.pending.toLocaleString()} to write{failed}
      {status.lastError ? ` (${status.lastError.message})` : ''}
    </span>
  );
}
