/**
 * Metadata export (issue 15): one row per item, the same columns in CSV and JSON, so a
 * library's knowledge can leave it. Tags are written as tag paths; AI tags with their
 * confidence; custom metadata as its JSON. Pure: the CLI streams it, the UI downloads it.
 */
import type { MediaItem } from './media.js';

export interface MetadataExportRow {
  id: number;
  path: string;
  name: string;
  description: string;
  tags: string[];
  aiTags: { name: string; confidence: number; source: string }[];
  rating: number;
  label: string;
  flag: string;
  albums: string[];
  metadata: Record<string, unknown>;
  type: string;
  mime: string | null;
  size: number;
  width: number | null;
  height: number | null;
  md5: string | null;
  takenAt: string | null;
  cameraMake: string | null;
  cameraModel: string | null;
  latitude: number | null;
  longitude: number | null;
  duration: number | null;
}

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportRowOf(item: MediaItem, albums: string[]): MetadataExportRow {
  return {
    id: item.id,
    path: item.path,
    name: item.name,
    description: item.description,
    tags: item.tags,
    aiTags: item.aiTags.map((tag) => ({ name: tag.name, confidence: tag.confidence, source: tag.source })),
    rating: item.rating,
    label: item.label,
    flag: item.flag,
    albums,
    metadata: item.metadata,
    type: item.type,
    mime: item.mime,
    size: item.size,
    width: item.width,
    height: item.height,
    md5: item.md5,
    takenAt: item.takenAt,
    cameraMake: item.cameraMake,
    cameraModel: item.cameraModel,
    latitude: item.gps?.latitude ?? null,
    longitude: item.gps?.longitude ?? null,
    duration: item.duration,
  };
}

export const CSV_COLUMNS: readonly (keyof MetadataExportRow)[] = [
  'id', 'path', 'name', 'description', 'tags', 'aiTags', 'rating', 'label', 'flag', 'albums', 'metadata',
  'type', 'mime', 'size', 'width', 'height', 'md5', 'takenAt', 'cameraMake', 'cameraModel', 'latitude', 'longitude', 'duration',
];

/**
 * One CSV cell (RFC 4180: quoted when it holds a quote, comma or line break). Lists are joined
 * with `; ` (a tag cannot hold a comma, but may hold a semicolon: then the JSON export is exact).
 * A cell starting with `=`, `+`, `-`, `@` is prefixed with `'` so a spreadsheet does not run it.
 */
export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Array.isArray(value)) text = value.map((entry) => (typeof entry === 'object' && entry !== null && 'confidence' in entry ? `${(entry as { name: string }).name} (${(entry as { confidence: number }).confidence.toFixed(2)})` : String(entry))).join('; ');
  else if (typeof value === 'object') text = Object.keys(value).length === 0 ? '' : JSON.stringify(value);
  else text = String(value);
  if (/^[=+\-@\t\r]/u.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvLine(row: MetadataExportRow): string {
  return `${CSV_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;
}

/** Rows of a JSON export written as they come: `[` first, this for each page, `jsonEnd` last. */
export function jsonRowsChunk(rows: readonly MetadataExportRow[], start: number): string {
  return rows.map((row, i) => `${start + i === 0 ? '\n' : ',\n'}  ${JSON.stringify(row)}`).join('');
}

export function jsonEnd(count: number): string {
  return count === 0 ? ']\n' : '\n]\n';
}
