import { parseIds, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, stringOption, type Command } from '../command.js';

/** `--rating 4` → 4. The range (0–5) is the contract's to check, so its message is the one shown. */
function ratingOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*-?\d+\s*$/.test(value)) throw new UsageError(`--rating takes a whole number of stars, 0 (unrated) to 5, not "${value}"`);
  return Number(value);
}

export const rateCommand: Command = {
  name: 'rate',
  options: { rating: { type: 'string' }, label: { type: 'string' }, flag: { type: 'string' } },
  createsLibrary: false,
  async run(ctx) {
    const ids = parseIds(ctx.positionals);
    const rating = ratingOption(stringOption(ctx.values, 'rating'));
    const label = stringOption(ctx.values, 'label');
    const flag = stringOption(ctx.values, 'flag');
    if (rating === undefined && label === undefined && flag === undefined) throw new UsageError('rate needs --rating, --label, --flag or several');
    const result = await ctx.library().service.call('media.setCurating', { ids, rating, label, flag }, CLI_CONTEXT);
    if (ctx.json) printJson(result);
    else print(`Changed ${result.updated} of ${ids.length} ${ids.length === 1 ? 'item' : 'items'}`);
    return 0;
  },
};
