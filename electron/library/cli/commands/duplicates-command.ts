/**
 * `folio duplicates`: the groups of exact copies and of near duplicates, largest picture first
 * (the one to keep); `folio duplicates --similar <id>`: the pictures that look like one item.
 */
import { humanSize } from '../../../../shared/format.js';
import { parseCount, parseIds, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, print, printJson, stringOption, type Command } from '../command.js';

const dimensions = (item: { width: number | null; height: number | null }) => (item.width === null ? '?' : `${item.width}×${item.height ?? '?'}`);

export const duplicatesCommand: Command = {
  name: 'duplicates',
  options: { similar: { type: 'string' }, distance: { type: 'string' } },
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('duplicates takes no arguments: folio duplicates [--similar <id>] [--distance <n>]');
    const maxDistance = parseCount(stringOption(ctx.values, 'distance'), 'distance');
    const similar = stringOption(ctx.values, 'similar');
    const service = ctx.library().service;
    if (similar !== undefined) {
      const [id] = parseIds([similar]);
      const answer = await service.call('media.similar', { id, ...(maxDistance === undefined ? {} : { maxDistance }) }, CLI_CONTEXT);
      if (ctx.json) printJson(answer);
      else if (!answer.hashed) note(`folio: item ${id} has no perceptual hash yet (imported before this version)`);
      else for (const item of answer.items) print(`${item.id}\tdistance ${item.distance}${item.sameFile ? '\tsame file' : ''}`);
      return 0;
    }
    const answer = await service.call('duplicates.list', maxDistance === undefined ? {} : { maxDistance }, CLI_CONTEXT);
    if (ctx.json) {
      printJson(answer);
      return 0;
    }
    for (const group of answer.groups) {
      print(`${group.kind}:`);
      for (const item of group.items) print(`  ${item.id}\t${dimensions(item)}\t${humanSize(item.size)}\tdistance ${item.distance}`);
    }
    if (answer.unhashed > 0) note(`folio: ${answer.unhashed} pictures have no perceptual hash yet (imported before this version)`);
    return 0;
  },
};
