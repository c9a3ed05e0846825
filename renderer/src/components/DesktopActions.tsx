import type { MediaItem } from '../../../shared/media.js';
import { call, isDesktop } from '../api/client.js';
import { attempt } from '../actions/report.js';
import { useStore } from '../store/store.js';

/** What only the desktop app can do with the file itself; nothing is shown in browser mode. */
export function DesktopActions({ item }: { item: MediaItem }) {
  const openDialog = useStore((s) => s.openDialog);
  if (!isDesktop) return null;
  const present = item.availability === 'present';
  return (
    <section className="panel-section" aria-labelledby="desktop-actions-heading">
      <h3 id="desktop-actions-heading">File on disk</h3>
      <div className="button-row">
        <button type="button" disabled={!present} onClick={() => void attempt('show the file', () => call('shell.showInFolder', { id: item.id }))}>
          Show in folder
        </button>
        <button type="button" disabled={!present} onClick={() => void attempt('open the file', () => call('shell.openOriginal', { id: item.id }))}>
          Open in default app
        </button>
        <button type="button" className="danger" disabled={!present} onClick={() => openDialog({ kind: 'trash-files', ids: [item.id] })}>
          Move file to system trash…
        </button>
      </div>
    </section>
  );
}
