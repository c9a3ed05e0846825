import type { ArgsIn, ListResult } from '../../../../shared/contract.js';
import type { MediaItem } from '../../../../shared/media.js';
import { FolioError } from '../../../../shared/errors.js';
import { MAX_PAGE } from '../../../../shared/schemas.js';
import { searchFilter } from '../../../../shared/list-filter.js';
import { parseCount, splitList, UsageError } from '../cli-error.js';
import { withQueryCaret } from '../query-caret.js';
import { terminalText } from '../terminal-text.js';
import { CLI_CONTEXT, note, print, printJson, stringList, stringOption, type Command } from '../command.js';

/** `takenAt`, `takenAt:desc` or `-takenAt`. */
function parseSort(value: string | undefined): ArgsIn<'media.list'>['sort'] {
  if (value === undefined) return undefined;
  const match = /^(-?)([A-Za-z]+)(?::(asc|desc))?$/.exec(value);
  if (!match) throw new UsageError(`--sort takes <field>[:asc|desc], not "${value}"`);
  const field = match[2] as NonNullable<ArgsIn<'media.list'>['sort']>['field'];
  return { field, direction: (match[3] as 'asc' | 'desc' | undefined) ?? (match[1] === '-' ? 'desc' : 'asc') };
}

/** The contract names the field; on the command line, say which option gets past it. */
function withWayOut(rawError: unknown, query?: string): never {
  const error = withQueryCaret(rawError, query, note);
  if (error instanceof FolioError && error.code === 'INVALID_ARGUMENT' && error.field === 'limit') {
    throw new FolioError('INVALID_ARGUMENT', `${error.message}; use --all for every item, or --cursor to go on from a page`, { field: 'limit' });
  }
  throw error;
}

function line(item: MediaItem): string {
  const tags = item.tags.length === 0 ? '' : `  [${item.tags.map(terminalText).join(', ')}]`;
  const state = item.availability === 'present' ? '' : ` (${item.availability})`;
  return `${String(item.id).padStart(6)}  ${item.type.padEnd(8)} ${item.humanSize.padStart(9)}  ${terminalText(item.name)}${state}${tags}`;
}

export const listCommand: Command = {
  name: 'list',
  options: {
    tag: { type: 'string', multiple: true },
    query: { type: 'string' },
    limit: { type: 'string' },
    all: { type: 'boolean' },
    sort: { type: 'string' },
    status: { type: 'string' },
    cursor: { type: 'string' },
  },
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`list takes no arguments (got "${ctx.positionals[0]}")`);
    const filter = searchFilter(stringOption(ctx.values, 'query') ?? '', {
      tagsAll: splitList(stringList(ctx.values, 'tag')),
      status: stringOption(ctx.values, 'status'),
    });
    const all = ctx.values.all === true;
    const limit = parseCount(stringOption(ctx.values, 'limit'), 'limit');

    const args = {
      filter,
      sort: parseSort(stringOption(ctx.values, 'sort')),
      limit: all ? MAX_PAGE : limit,
      cursor: stringOption(ctx.values, 'cursor'),
    };
    const library = ctx.library();
    const items: MediaItem[] = [];
    let nextCursor: string | null = null;
    do {
      const page: ListResult = await library.service
        .call('media.list', { ...args, ...(nextCursor === null ? {} : { cursor: nextCursor }) }, CLI_CONTEXT)
        .catch((error: unknown) => withWayOut(error, stringOption(ctx.values, 'query')));
      items.push(...page.items);
      nextCursor = page.nextCursor;
    } while (all && nextCursor !== null);
    if (ctx.json) {
      printJson({ items, nextCursor });
    } else {
      for (const item of items) print(line(item));
      if (nextCursor !== null) note(`More items: add --cursor ${nextCursor} (or --all)`);
    }
    return 0;
  },
};
