import type { MediaItem } from '../../../../shared/media.js';
import { parseIds, UsageError } from '../cli-error.js';
import { terminalText } from '../terminal-text.js';
import { CLI_CONTEXT, print, printJson, type Command } from '../command.js';

function describe(item: MediaItem): string[] {
  const rows: [string, string | number | null][] = [
    ['id', item.id],
    ['name', item.name],
    ['path', item.path],
    ['type', `${item.type}${item.mime === null ? '' : ` (${item.mime})`}`],
    ['size', `${item.humanSize} (${item.size} bytes)`],
    ['dimensions', item.width === null ? null : `${item.width} × ${item.height ?? '?'}`],
    ['mode', item.mode],
    ['md5', item.md5],
    ['taken', item.takenAt],
    ['camera', [item.cameraMake, item.cameraModel].filter(Boolean).join(' ') || null],
    ['location', item.gps === null ? null : `${item.gps.latitude}, ${item.gps.longitude}`],
    ['description', item.description || null],
    ['tags', item.tags.join(', ') || null],
    ['AI tags', item.aiTags.map((tag) => `${tag.name} (${Math.round(tag.confidence * 100)}%, ${tag.source})`).join(', ') || null],
    ['metadata', Object.keys(item.metadata).length === 0 ? null : JSON.stringify(item.metadata)],
    ['focus area', item.customCoordinates],
    ['status', `${item.status}, ${item.availability}, ${item.fileState}${item.stateReason === null ? '' : ` (${item.stateReason})`}`],
    ['created', item.createdAt],
    ['updated', `${item.updatedAt} by ${item.updatedBy}`],
  ];
  return rows.filter(([, value]) => value !== null).map(([key, value]) => `${`${key}:`.padEnd(13)}${terminalText(value)}`);
}

export const getCommand: Command = {
  name: 'get',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('get needs exactly one item id: folio get <id>');
    const [id] = parseIds(ctx.positionals);
    const item = await ctx.library().service.call('media.get', { id }, CLI_CONTEXT);
    if (ctx.json) printJson(item);
    else for (const row of describe(item)) print(row);
    return 0;
  },
};
