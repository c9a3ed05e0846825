import { useEffect, useState } from 'react';
import type { ItemFileMetadata } from '../../../shared/file-metadata.js';
import type { MediaItem } from '../../../shared/media.js';
import { call } from '../api/client.js';

const FIELD_NAMES: Record<ItemFileMetadata['values'][number]['field'], string> = {
  keyword: 'Keyword',
  person: 'Person',
  rating: 'Rating',
  label: 'Label',
  flag: 'Flag',
  title: 'Title',
  description: 'Description',
};

const PENDING_POLL_MS = 1_000;

const SIDECAR_STATES: Record<NonNullable<ItemFileMetadata['sidecar']>['state'], string> = {
  'up-to-date': 'Sidecar up to date',
  pending: 'Sidecar waiting to be written',
  failed: 'Sidecar not written',
};

/**
 * What the item took from its file and its XMP sidecar ("from sidecar", "from the file"), and
 * whether its sidecar is up to date when the library writes sidecars. Read again whenever the
 * item changes.
 */
export function FileMetadataSection({ item }: { item: MediaItem }) {
  const [data, setData] = useState<ItemFileMetadata | null>(null);
  const waiting = data?.sidecar?.state === 'pending';
  useEffect(() => {
    let live = true;
    const read = () =>
      call('media.fileMetadata', { id: item.id }).then(
        (next) => live && setData(next),
        () => live && setData(null),
      );
    void read();
    // A pending sidecar is written in the background: look again until it is.
    const timer = waiting ? setInterval(() => void read(), PENDING_POLL_MS) : null;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [item.id, item.updatedAt, waiting]);
  if (data === null || (data.values.length === 0 && data.sidecar === null)) return null;
  return (
    <section className="panel-section" aria-labelledby="file-metadata-heading">
      <h3 id="file-metadata-heading">From files</h3>
      {data.values.length > 0 && (
        <ul className="file-metadata" aria-label="Values read from files">
          {data.values.map((value) => (
            <li key={`${value.field}:${value.value}`}>
              {FIELD_NAMES[value.field]}: {value.value} <span className="hint">{value.origin === 'sidecar' ? 'from sidecar' : 'from the file'}</span>
            </li>
          ))}
        </ul>
      )}
      {data.sidecar && (
        <p className="hint" role="status" title={data.sidecar.error ?? undefined}>
          {SIDECAR_STATES[data.sidecar.state]}
          {data.sidecar.error ? `: ${data.sidecar.error}` : ''}
        </p>
      )}
    </section>
  );
}
