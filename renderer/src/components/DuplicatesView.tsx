import { useCallback, useEffect, useId, useState } from 'react';
import type { DuplicateGroup, DuplicateMember } from '../../../shared/duplicates.js';
import { humanSize } from '../../../shared/format.js';
import { mediaUrls } from '../api/client.js';
import { keepTheBest, loadDuplicates, type DuplicatesData } from '../actions/duplicates.js';
import { undo } from '../actions/undo.js';
import { useStore } from '../store/store.js';
import { Modal } from './Modal.js';

function dimensions(item: DuplicateMember): string {
  return item.width === null || item.height === null ? 'unknown size' : `${item.width} × ${item.height}`;
}

function Member({ item, best, data }: { item: DuplicateMember; best: boolean; data: DuplicatesData }) {
  const tile = data.tiles.get(item.id);
  const name = tile?.name ?? `Item ${item.id}`;
  const thumb = tile && tile.thumbnailSizes.includes(512) ? mediaUrls.thumbnail(item.id, 512) : tile?.thumbnailSizes[0] ? mediaUrls.thumbnail(item.id, tile.thumbnailSizes[0]) : null;
  return (
    <li className={best ? 'duplicate-member best' : 'duplicate-member'} aria-label={`${name}: ${dimensions(item)}, ${humanSize(item.size)}${best ? ', the best' : ''}`}>
      {thumb ? <img src={thumb} alt="" draggable={false} /> : <div className="duplicate-thumb-missing" />}
      <span className="duplicate-name" title={name}>
        {name}
      </span>
      <span className="duplicate-facts">
        {dimensions(item)} · {humanSize(item.size)}
        {item.distance > 0 ? ` · ${item.distance} bits apart` : ''}
      </span>
      {best && <span className="badge">Keep</span>}
    </li>
  );
}

function Group({ group, data, index, onKeep }: { group: DuplicateGroup; data: DuplicatesData; index: number; onKeep(groups: DuplicateGroup[]): void }) {
  const headingId = useId();
  const title = group.kind === 'exact' ? `Exact copies (${group.items.length})` : `Look alike (${group.items.length})`;
  return (
    <section className="duplicate-group" aria-labelledby={headingId}>
      <div className="duplicate-group-head">
        <h3 id={headingId}>
          {index + 1}. {title}
        </h3>
        <button type="button" onClick={() => onKeep([group])} aria-label={`Keep the best of group ${index + 1}, move the others to the trash`}>
          Keep the best
        </button>
      </div>
      <ul className="duplicate-members">
        {group.items.map((item, position) => (
          <Member key={item.id} item={item} best={position === 0} data={data} />
        ))}
      </ul>
    </section>
  );
}

/**
 * Exact (same content) and near (look the same) duplicates side by side with their sizes and
 * dimensions. "Keep the best" leaves the largest picture (then largest file, then oldest) and
 * moves the others to Folio's trash, undoably; the files are not touched.
 */
export function DuplicatesView() {
  const close = useStore((s) => s.closeDialog);
  const titleId = useId();
  const [data, setData] = useState<DuplicatesData | null>(null);
  const [busy, setBusy] = useState(false);
  const [kept, setKept] = useState(0);
  const reload = useCallback(async () => {
    const loaded = await loadDuplicates();
    if (loaded) setData(loaded);
  }, []);
  useEffect(() => void reload(), [reload]);

  const keep = async (groups: DuplicateGroup[]): Promise<void> => {
    setBusy(true);
    await keepTheBest(groups);
    setKept((n) => n + 1);
    await reload();
    setBusy(false);
  };
  const undoLast = async (): Promise<void> => {
    setBusy(true);
    await undo();
    setKept((n) => Math.max(0, n - 1));
    await reload();
    setBusy(false);
  };
  const groups = data?.groups ?? [];
  return (
    <Modal labelledBy={titleId} onClose={close} className="duplicates">
      <div className="dialog-body duplicates-body" aria-busy={busy}>
        <div className="duplicates-head">
          <h2 id={titleId}>Duplicates</h2>
          <p role="status" aria-label="Duplicates found">
            {data === null ? 'Looking for duplicates…' : groups.length === 0 ? 'No duplicates found.' : `${groups.length} ${groups.length === 1 ? 'group' : 'groups'}`}
            {data && data.unhashed > 0 ? ` · ${data.unhashed} pictures not compared yet (imported before hashing)` : ''}
          </p>
          <div className="button-row">
            {groups.length > 1 && (
              <button type="button" disabled={busy} onClick={() => void keep(groups)}>
                Keep the best of every group
              </button>
            )}
            {kept > 0 && (
              <button type="button" disabled={busy} onClick={() => void undoLast()}>
                Undo
              </button>
            )}
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </div>
        <div className="duplicates-list">
          {groups.map((group, index) => (
            <Group key={group.items.map((item) => item.id).join('-')} group={group} data={data as DuplicatesData} index={index} onKeep={(g) => void keep(g)} />
          ))}
        </div>
      </div>
    </Modal>
  );
}
