/**
 * `folio export-metadata --format csv|json [--query <search>] [--output <file>]`: one row per
 * item (shared/metadata-export.ts), written as it is read, a page at a time, so a large
 * library never sits in memory whole. The search goes through `searchFilter`, as `list`'s does.
 */
import fs from 'node:fs';
import { FolioError } from '../../../../shared/errors.js';
import { searchFilter } from '../../../../shared/list-filter.js';
import { csvHeader, csvLine, EXPORT_FORMATS, jsonEnd, jsonRowsChunk, type ExportFormat } from '../../../../shared/metadata-export.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, stringOption, type Command } from '../command.js';

const PAGE = 500;

/** An export never overwrites a file. */
function openNew(file: string): number {
  try {
    return fs.openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FolioError('CONFLICT', `${file} already exists; an export never overwrites a file: give another name`);
    throw error;
  }
}

export const exportMetadataCommand: Command = {
  name: 'export-metadata',
  options: { format: { type: 'string' }, query: { type: 'string' }, output: { type: 'string', short: 'o' } },
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`export-metadata takes no arguments (got "${ctx.positionals[0]}")`);
    const format = stringOption(ctx.values, 'format') ?? 'csv';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format is csv or json, not "${format}"`);
    const filter = searchFilter(stringOption(ctx.values, 'query') ?? '', {});
    const service = ctx.library().service;
    const { ids } = await service.call('media.listIds', { filter }, CLI_CONTEXT);
    const output = stringOption(ctx.values, 'output');
    const fd = output === undefined ? 1 : openNew(output);
    try {
      const write = (text: string) => fs.writeSync(fd, text);
      write((format as ExportFormat) === 'csv' ? csvHeader() : '[');
      for (let start = 0; start < ids.length; start += PAGE) {
        const rows = await service.call('media.exportMetadata', { ids: ids.slice(start, start + PAGE) }, CLI_CONTEXT);
        if (format === 'csv') write(rows.map(csvLine).join(''));
        else write(jsonRowsChunk(rows, start));
      }
      if (format === 'json') write(jsonEnd(ids.length));
    } finally {
      if (fd !== 1) fs.closeSync(fd);
    }
    if (output !== undefined) note(`Exported ${ids.length} ${ids.length === 1 ? 'item' : 'items'} to ${output}`);
    return 0;
  },
};
