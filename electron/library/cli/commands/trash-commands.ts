import { parseIds } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, type Command } from '../command.js';
import { namesBackupFile, restoreFromBackup } from './restore-backup-command.js';

const items = (count: number): string => (count === 1 ? '1 item' : `${count} items`);

export const trashCommand: Command = {
  name: 'trash',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    const ids = parseIds(ctx.positionals);
    const result = await ctx.library().service.call('media.softDelete', { ids }, CLI_CONTEXT);
    if (ctx.json) printJson(result);
    else print(`Moved ${items(result.deletedCount)} to the trash (files on disk are untouched)`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    if (namesBackupFile(ctx.positionals)) return restoreFromBackup(ctx);
    const ids = parseIds(ctx.positionals);
    const result = await ctx.library().service.call('media.restore', { ids }, CLI_CONTEXT);
    if (ctx.json) printJson(result);
    else print(`Restored ${items(result.restoredCount)} from the trash`);
    return 0;
  },
};
