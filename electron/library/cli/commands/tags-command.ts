/**
 * `folio tags`: the tag tree from the command line (issue 13). Without a verb it lists the tags
 * (`--tree` for the whole tree, indented); the verbs rename, merge, alias, imply, colour and
 * delete name tags by path (an alias names its tag) and print the undo token the change got.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { TagNode } from '../../../../shared/tag-tree.js';
import { normalizeTagPath, splitTagPath, tagPathKey } from '../../../../shared/tag-path.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, stringOption, type Command, type CommandContext } from '../command.js';

const keyOf = (path: string): string => tagPathKey(splitTagPath(normalizeTagPath(path)));

async function findTag(ctx: CommandContext, path: string): Promise<TagNode> {
  const key = keyOf(path);
  const tree = await ctx.library().service.call('tags.tree', {}, CLI_CONTEXT);
  const found =
    tree.find((tag) => tagPathKey(splitTagPath(tag.path)) === key) ??
    tree.find((tag) => tag.aliases.some((alias) => tagPathKey(splitTagPath(alias)) === key));
  if (!found) throw new FolioError('NOT_FOUND', `There is no tag "${path}"`, { field: 'path' });
  return found;
}

function describe(tag: TagNode, indent = ''): string {
  const extra = [
    tag.colour ?? '',
    tag.aliases.length > 0 ? `aliases: ${tag.aliases.join(', ')}` : '',
    tag.implies.length > 0 ? `implies: ${tag.implies.join(', ')}` : '',
  ].filter((part) => part !== '');
  const counts = tag.branchCount === tag.count ? `${tag.count}` : `${tag.count} (branch ${tag.branchCount})`;
  return `${indent}${indent === '' ? tag.path : tag.name}  ${counts}${extra.length > 0 ? `  ${extra.join('  ')}` : ''}`;
}

function needs(positionals: readonly string[], count: number, usage: string): string[] {
  if (positionals.length !== count) throw new UsageError(`Usage: folio tags ${usage}`);
  return [...positionals];
}

export const tagsCommand: Command = {
  name: 'tags',
  options: { tree: { type: 'boolean' }, into: { type: 'string' }, remove: { type: 'boolean' } },
  createsLibrary: false,
  async run(ctx) {
    const [verb, ...rest] = ctx.positionals;
    const service = ctx.library().service;
    const done = (value: unknown, line: string): number => {
      if (ctx.json) printJson(value);
      else print(line);
      return 0;
    };
    switch (verb) {
      case undefined: {
        if (ctx.values.tree === true) {
          const tree = await service.call('tags.tree', {}, CLI_CONTEXT);
          if (ctx.json) printJson(tree);
          else {
            const depth = new Map<number, number>();
            for (const tag of tree) {
              const level = tag.parentId === null ? 0 : (depth.get(tag.parentId) ?? 0) + 1;
              depth.set(tag.id, level);
              print(level === 0 ? describe(tag) : describe(tag, '  '.repeat(level)));
            }
          }
          return 0;
        }
        const tags = await service.call('tags.list', {}, CLI_CONTEXT);
        if (ctx.json) printJson(tags);
        else for (const tag of tags) print(describe(tag));
        return 0;
      }
      case 'rename': {
        const [from, to] = needs(rest, 2, 'rename <path> <new-path>');
        const tag = await findTag(ctx, from as string);
        const result = await service.call('tags.update', { id: tag.id, path: to }, CLI_CONTEXT);
        return done(result, `${result.merged ? 'Merged' : 'Renamed'} "${tag.path}" → "${result.tag.path}" (undo: ${result.undo})`);
      }
      case 'merge': {
        const into = stringOption(ctx.values, 'into');
        if (into === undefined || rest.length === 0) throw new UsageError('Usage: folio tags merge <path…> --into <path>');
        const result = await service.call('tags.merge', { from: rest, into }, CLI_CONTEXT);
        return done(result, `Merged into "${result.tag.path}", now on ${result.tag.count} ${result.tag.count === 1 ? 'item' : 'items'} (undo: ${result.undo})`);
      }
      case 'alias': {
        const [alias, path] = needs(rest, 2, 'alias <alias> <path> [--remove]');
        const tag = await findTag(ctx, path as string);
        const remove = ctx.values.remove === true;
        const result = await service.call('tags.setAliases', remove ? { id: tag.id, remove: [alias] } : { id: tag.id, add: [alias] }, CLI_CONTEXT);
        return done(result, `${remove ? 'Removed' : 'Added'} alias "${alias}" ${remove ? 'of' : 'for'} "${result.path}"`);
      }
      case 'imply': {
        const [path, implied] = needs(rest, 2, 'imply <path> <implied-path> [--remove]');
        const tag = await findTag(ctx, path as string);
        const remove = ctx.values.remove === true;
        const result = await service.call('tags.setImplies', remove ? { id: tag.id, remove: [implied] } : { id: tag.id, add: [implied] }, CLI_CONTEXT);
        return done(result, `"${result.path}" ${remove ? 'no longer implies' : 'implies'} "${implied}"`);
      }
      case 'colour':
      case 'color': {
        const [path, colour] = needs(rest, 2, 'colour <path> <#rrggbb|none>');
        const tag = await findTag(ctx, path as string);
        const result = await service.call('tags.update', { id: tag.id, colour: colour === 'none' ? null : colour }, CLI_CONTEXT);
        return done(result, `"${result.tag.path}" is now ${result.tag.colour ?? 'without a colour'}`);
      }
      case 'delete': {
        const [path] = needs(rest, 1, 'delete <path>');
        const tag = await findTag(ctx, path as string);
        const result = await service.call('tags.delete', { id: tag.id }, CLI_CONTEXT);
        return done(result, `Deleted "${tag.path}" from ${result.removedFrom} ${result.removedFrom === 1 ? 'item' : 'items'} (undo: ${result.undo})`);
      }
      case 'undo': {
        const [token] = needs(rest, 1, 'undo <token>');
        const result = await service.call('tags.undo', { token }, CLI_CONTEXT);
        return done(result, 'Undone');
      }
      default:
        throw new UsageError(`Unknown tags verb "${verb}"; known: rename, merge, alias, imply, colour, delete, undo`);
    }
  },
};
