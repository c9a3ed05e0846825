/** Read-only fields of an item, worded for the metadata panel. */
import type { GpsPosition, MediaItem } from '../../../shared/media.js';

export function formatDimensions(item: Pick<MediaItem, 'width' | 'height'>): string | null {
  return item.width !== null && item.height !== null ? `${item.width} × ${item.height} px` : null;
}

export function formatCamera(item: Pick<MediaItem, 'cameraMake' | 'cameraModel'>): string | null {
  const make = item.cameraMake?.trim() ?? '';
  const model = item.cameraModel?.trim() ?? '';
  if (make === '' && model === '') return null;
  // Many cameras repeat the make in the model ("Canon" / "Canon EOS 40D").
  if (make !== '' && model.toLowerCase().startsWith(make.toLowerCase())) return model;
  return [make, model].filter((part) => part !== '').join(' ');
}

export function formatLocation(gps: GpsPosition | null): string | null {
  if (gps === null) return null;
  const lat = `${Math.abs(gps.latitude).toFixed(5)}° ${gps.latitude >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(gps.longitude).toFixed(5)}° ${gps.longitude >= 0 ? 'E' : 'W'}`;
  const alt = gps.altitude === null ? '' : `, ${Math.round(gps.altitude)} m`;
  return `${lat}, ${lon}${alt}`;
}

/** ISO timestamps shown in the user's locale; an unparsable one is shown as stored. */
export function formatDate(iso: string | null, locale?: string): string | null {
  if (iso === null || iso === '') return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDuration(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

const ACTORS: Record<string, string> = { user: 'you', api: 'the REST API', cli: 'the command line', import: 'import' };

export function formatActor(actor: string): string {
  if (actor.startsWith('extension:')) return `the ${actor.slice('extension:'.length)} extension`;
  return ACTORS[actor] ?? actor;
}
