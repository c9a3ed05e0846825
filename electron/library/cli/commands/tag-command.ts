import { parseIds, splitList, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, print, printJson, stringList, type Command } from '../command.js';

export const tagCommand: Command = {
  name: 'tag',
  options: { add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } },
  createsLibrary: false,
  async run(ctx) {
    const ids = parseIds(ctx.positionals);
    const add = splitList(stringList(ctx.values, 'add'));
    const remove = splitList(stringList(ctx.values, 'remove'));
    if (add === undefined && remove === undefined) throw new UsageError('tag needs --add, --remove or both');
    const result = await ctx.library().service.call('media.editTags', { ids, add, remove }, CLI_CONTEXT);
    if (ctx.json) printJson(result);
    else {
      print(`Tags changed on ${result.updated} of ${ids.length} ${ids.length === 1 ? 'item' : 'items'}`);
      if (result.unmatched.length > 0) note(`Not removed, as none of the items had it: ${result.unmatched.join(', ')}`);
    }
    return 0;
  },
};
