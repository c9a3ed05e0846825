import type { ReactNode } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import {
  formatActor,
  formatCamera,
  formatDate,
  formatDimensions,
  formatDuration,
  formatLocation,
} from '../logic/details-format.js';

function Row({ term, children }: { term: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function stateText(item: MediaItem): string | null {
  const parts: string[] = [];
  if (item.status === 'deleted') parts.push('In the trash');
  if (item.availability !== 'present') parts.push(item.availability === 'missing' ? 'File missing' : 'Folder offline');
  if (item.fileState !== 'ok' && item.fileState !== 'pending') parts.push(item.stateReason ?? item.fileState);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** What Folio detected from the file: read-only. */
export function FileDetails({ item }: { item: MediaItem }) {
  return (
    <section className="panel-section" aria-labelledby="file-details-heading">
      <h3 id="file-details-heading">File</h3>
      <dl className="details">
        <Row term="Status">{stateText(item)}</Row>
        <Row term="Type">{item.type}</Row>
        <Row term="Format">{item.format ?? item.mime}</Row>
        <Row term="Size">
          <span title={`${item.size.toLocaleString()} bytes`}>{item.humanSize}</span>
        </Row>
        <Row term="Dimensions">{formatDimensions(item)}</Row>
        <Row term="Colour mode">{item.mode ? `${item.mode}${item.hasAlpha ? ' with alpha' : ''}` : null}</Row>
        <Row term="Duration">{formatDuration(item.duration)}</Row>
        <Row term="Date taken">{formatDate(item.takenAt)}</Row>
        <Row term="Camera">{formatCamera(item)}</Row>
        <Row term="Location">{formatLocation(item.gps)}</Row>
        <Row term="MD5">{item.md5 ? <code className="md5">{item.md5}</code> : null}</Row>
        <Row term="Original name">{item.originalName}</Row>
        <Row term="Path">
          <span className="path">{item.path}</span>
        </Row>
        <Row term="Added">{formatDate(item.createdAt)}</Row>
        <Row term="Updated">{`${formatDate(item.updatedAt) ?? ''} by ${formatActor(item.updatedBy)}`}</Row>
      </dl>
    </section>
  );
}
