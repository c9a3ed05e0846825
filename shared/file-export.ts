/**
 * Exporting files (issue 15): selected items, an album or a search → copies in a folder, with
 * Folio's metadata embedded in the copy (`embed`, the default), or an untouched copy with an XMP
 * sidecar beside it (`sidecars`), or a JPEG rendition at a long edge and quality (`jpeg`, its
 * metadata embedded too). The argument schema, the job's progress and the file-name template
 * live here so the CLI, REST, the dialog and the exporter agree on them.
 */
import { z } from 'zod';
import { FolderPath, Id, IdList, MediaFilter } from './schemas.js';

export const EXPORT_MODES = ['embed', 'sidecars', 'jpeg'] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];

export const DEFAULT_EXPORT_TEMPLATE = '{name}';
export const DEFAULT_JPEG_QUALITY = 90;
const MAX_TEMPLATE = 200;

export const ExportFilesArgs = z
  .strictObject({
    /** The folder the copies go to (made if it does not exist). */
    dir: FolderPath,
    ids: IdList.optional(),
    /** A search or any gallery filter; with `albumId`/`album` it narrows the album. */
    filter: MediaFilter.optional(),
    albumId: Id.optional(),
    /** An album or smart album by its name (names are unique in a library). */
    album: z.string().min(1).max(500).optional(),
    mode: z.enum(EXPORT_MODES, { error: `mode is one of: ${EXPORT_MODES.join(', ')}` }).optional(),
    /** JPEG renditions: the long edge in pixels (never upscaled); without it, the original size. */
    longEdge: z.number({ error: 'longEdge is a number of pixels' }).int('longEdge is a whole number of pixels').min(16, 'longEdge is at least 16 pixels').max(65_000, 'longEdge is at most 65,000 pixels').optional(),
    quality: z.number({ error: 'quality is a number from 1 to 100' }).int('quality is a whole number from 1 to 100').min(1, 'quality is from 1 to 100').max(100, 'quality is from 1 to 100').optional(),
    template: z.string().min(1, 'A file-name template cannot be empty').max(MAX_TEMPLATE).optional(),
  })
  .refine((args) => !(args.ids !== undefined && (args.filter !== undefined || args.albumId !== undefined || args.album !== undefined)), {
    message: 'Give ids, or an album and/or a search, not both',
    path: ['ids'],
  })
  .refine((args) => args.ids !== undefined || args.filter !== undefined || args.albumId !== undefined || args.album !== undefined, {
    message: 'Say what to export: ids, an album (albumId or album) or a search (filter)',
    path: ['ids'],
  })
  .refine((args) => !(args.albumId !== undefined && args.album !== undefined), { message: 'Give albumId or album, not both', path: ['album'] })
  .refine((args) => (args.longEdge === undefined && args.quality === undefined) || (args.mode ?? 'jpeg') === 'jpeg', {
    message: 'longEdge and quality are for JPEG renditions (mode "jpeg")',
    path: ['mode'],
  })
  .superRefine((args, ctx) => {
    const problem = args.template === undefined ? null : templateProblem(args.template);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: ['template'] });
  });
export type ExportFilesArgs = z.output<typeof ExportFilesArgs>;

/** The mode an export runs in: JPEG when a long edge or quality was given, else the copy with metadata. */
export function exportModeOf(args: Pick<ExportFilesArgs, 'mode' | 'longEdge' | 'quality'>): ExportMode {
  return args.mode ?? (args.longEdge !== undefined || args.quality !== undefined ? 'jpeg' : 'embed');
}

export interface ExportFailure {
  id: number;
  name: string;
  reason: string;
  /** true: exported anyway, untouched with a sidecar (its format cannot hold the metadata). */
  exported: boolean;
}

export interface ExportProgress {
  /** Counts up per export since the library was opened. */
  job: number;
  state: 'running' | 'done' | 'cancelled';
  dir: string;
  mode: ExportMode;
  total: number;
  /** Items finished (exported, fallen back or failed). */
  done: number;
  exported: number;
  /** Copies whose format ExifTool cannot write into: exported untouched with a sidecar instead. */
  sidecarFallbacks: number;
  failed: number;
  /** The first failures (at most 1,000), with their reasons. */
  failures: ExportFailure[];
  startedAt: string;
  finishedAt: string | null;
}

/** What the template can say about an item. */
export interface TemplateItem {
  id: number;
  /** The display name (its extension, if it ends with the original's, is left off). */
  name: string;
  /** The original file name. */
  originalName: string;
  /** ISO-8601: when it was taken, else the file's modification time. */
  date: string;
  rating: number;
  label: string;
  /** 1-based position in the export. */
  counter: number;
}

const TOKEN = /\{([a-z]+)(?::([^}]*))?\}/gu;
const TOKENS = ['name', 'original', 'date', 'counter', 'id', 'rating', 'label'] as const;
const DATE_PARTS = /YYYY|MM|DD|HH|mm|ss/gu;

/** Why a template cannot be used, or null. */
export function templateProblem(template: string): string | null {
  for (const match of template.matchAll(TOKEN)) {
    const [whole, token = '', argument] = match;
    if (!(TOKENS as readonly string[]).includes(token)) return `${whole} is not a template field; use ${TOKENS.map((t) => `{${t}}`).join(', ')}`;
    if (token === 'counter' && argument !== undefined && !/^[1-9]$/u.test(argument)) return `{counter:${argument}}: the width is a digit from 1 to 9`;
    if (token === 'date' && argument !== undefined && argument.replace(DATE_PARTS, '').match(/[A-Za-z]/u)) return `{date:${argument}} uses only YYYY, MM, DD, HH, mm, ss and separators`;
  }
  if (template.replace(TOKEN, '').match(/[{}]/u)) return 'A { or } in the template does not open or close a field';
  return null;
}

function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The display name without the original's extension (`IMG_1.jpg` → `IMG_1`). */
function nameStem(name: string, originalName: string): string {
  const dot = originalName.lastIndexOf('.');
  const extension = dot > 0 ? originalName.slice(dot).toLowerCase() : '';
  return extension !== '' && name.toLowerCase().endsWith(extension) && name.length > extension.length ? name.slice(0, -extension.length) : name;
}

function formatDate(iso: string, format: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/u.exec(iso);
  if (!match) return 'undated';
  const [, YYYY = '', MM = '', DD = '', HH = '00', mm = '00', ss = '00'] = match;
  const parts: Record<string, string> = { YYYY, MM, DD, HH, mm, ss };
  return format.replace(DATE_PARTS, (part) => parts[part] ?? part);
}

/** Characters no file system takes in a name (and `/`: a template never makes folders). */
// eslint-disable-next-line no-control-regex -- control characters are what is being replaced
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/gu;

/**
 * The file name (without extension) a template gives an item, made safe for any file system:
 * unsafe characters become `_`, leading dots and trailing dots or spaces go, at most 180
 * characters; an empty result becomes `item-<id>`.
 */
export function fileNameFromTemplate(template: string, item: TemplateItem): string {
  const rendered = template.replace(TOKEN, (_whole, token: string, argument: string | undefined) => {
    switch (token) {
      case 'name':
        return nameStem(item.name, item.originalName);
      case 'original':
        return stem(item.originalName);
      case 'date':
        return formatDate(item.date, argument ?? 'YYYY-MM-DD');
      case 'counter':
        return String(item.counter).padStart(argument === undefined ? 1 : Number(argument), '0');
      case 'id':
        return String(item.id);
      case 'rating':
        return String(item.rating);
      case 'label':
        return item.label;
      default:
        return '';
    }
  });
  const safe = rendered
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+|[.\s]+$/gu, '');
  const cut = [...safe].slice(0, 180).join('').trim();
  return cut === '' ? `item-${item.id}` : cut;
}

/** `name (2).jpg`, `name (3).jpg`, …: the n-th name tried when `name.jpg` is taken (n ≥ 2). */
export function numberedName(base: string, extension: string, n: number): string {
  return n <= 1 ? `${base}${extension}` : `${base} (${n})${extension}`;
}
