/**
 * `folio export <dir> [<id>…] [--query <search>] [--album <name>] [--sidecars]
 * [--long-edge <px>] [--quality <n>] [--template <t>]`: copies with the metadata embedded (the
 * default), untouched copies with XMP sidecars (`--sidecars`), or JPEG renditions (`--long-edge`
 * and/or `--quality`). Waits with progress on stderr; Ctrl+C cancels the rest (the files already
 * placed stay, each whole). Exit 1 when an item failed; each failure is printed with its reason.
 */
import path from 'node:path';
import type { ArgsIn } from '../../../../shared/contract.js';
import type { ExportProgress } from '../../../../shared/file-export.js';
import { searchFilter } from '../../../../shared/list-filter.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, print, printJson, stringOption, type Command } from '../command.js';

/** A number when the text is one; otherwise the text, so the schema's sentence names the option. */
function numberOption(value: string | undefined): number | string | undefined {
  return value === undefined ? undefined : /^-?\d+(\.\d+)?$/u.test(value) ? Number(value) : value;
}

function summary(progress: ExportProgress): string {
  const state = progress.state === 'cancelled' ? 'Cancelled: exported' : 'Exported';
  const fallbacks = progress.sidecarFallbacks > 0 ? ` (${progress.sidecarFallbacks} untouched with a sidecar: their format cannot hold the metadata)` : '';
  const failed = progress.failed > 0 ? `; ${progress.failed} failed` : '';
  return `${state} ${progress.exported} of ${progress.total} to ${progress.dir}${fallbacks}${failed}`;
}

export const exportCommand: Command = {
  name: 'export',
  options: {
    query: { type: 'string' },
    album: { type: 'string' },
    sidecars: { type: 'boolean' },
    'long-edge': { type: 'string' },
    quality: { type: 'string' },
    template: { type: 'string' },
  },
  createsLibrary: false,
  async run(ctx) {
    const [dir, ...idArgs] = ctx.positionals;
    if (dir === undefined) throw new UsageError('export needs the folder to export to: folio export <dir> [<id>…] [--query <search>] [--album <name>]');
    const ids = idArgs.map((arg) => {
      if (!/^\d+$/u.test(arg)) throw new UsageError(`"${arg}" is not an item id (a whole number)`);
      return Number(arg);
    });
    const query = stringOption(ctx.values, 'query');
    const album = stringOption(ctx.values, 'album');
    const longEdge = numberOption(stringOption(ctx.values, 'long-edge'));
    const quality = numberOption(stringOption(ctx.values, 'quality'));
    const sidecars = ctx.values.sidecars === true;
    if (sidecars && (longEdge !== undefined || quality !== undefined)) throw new UsageError('--sidecars exports copies; --long-edge and --quality make JPEG renditions: choose one');
    if (ids.length === 0 && query === undefined && album === undefined) throw new UsageError('Say what to export: item ids, --query <search> or --album <name>');
    const template = stringOption(ctx.values, 'template');
    // Numbers that are not numbers go through as text: the contract's sentence names the field.
    const args = {
      dir: path.resolve(dir),
      ...(ids.length > 0 ? { ids } : {}),
      ...(query !== undefined ? { filter: searchFilter(query, {}) } : {}),
      ...(album !== undefined ? { album } : {}),
      ...(sidecars ? { mode: 'sidecars' } : {}),
      ...(longEdge !== undefined || quality !== undefined ? { mode: 'jpeg' } : {}),
      ...(longEdge !== undefined ? { longEdge } : {}),
      ...(quality !== undefined ? { quality } : {}),
      ...(template !== undefined ? { template } : {}),
    } as ArgsIn<'export.start'>;
    const library = ctx.library();
    const service = library.service;
    const started = await service.call('export.start', args, CLI_CONTEXT);
    note(`Exporting ${started.total} ${started.total === 1 ? 'item' : 'items'} to ${started.dir}; Ctrl+C cancels the rest`);
    const cancel = () => void service.call('export.cancel', {}, CLI_CONTEXT);
    process.once('SIGINT', cancel);
    const ticker = setInterval(() => {
      const now = library.exporter.status();
      if (now) note(`  ${now.done} of ${now.total} done${now.failed > 0 ? `, ${now.failed} failed` : ''}`);
    }, 1_000);
    try {
      await library.exporter.idle();
    } finally {
      clearInterval(ticker);
      process.off('SIGINT', cancel);
    }
    const progress = (await service.call('export.status', {}, CLI_CONTEXT)) as ExportProgress;
    if (ctx.json) printJson(progress);
    else {
      print(summary(progress));
      for (const failure of progress.failures) print(`  ${failure.exported ? 'note' : 'failed'}: item ${failure.id} (${failure.name}): ${failure.reason}`);
    }
    return progress.failed > 0 || progress.state === 'cancelled' ? 1 : 0;
  },
};
