/**
 * `folio albums` (the tree of albums, smart albums and folders) and `folio album <verb> …`:
 * create, rename, move, delete, add, remove, items. An album is named by its name (case and
 * accents folded, as `album:"Name"` does) or by its id.
 */
import type { Album } from '../../../../shared/albums.js';
import { FolioError } from '../../../../shared/errors.js';
import { tagKey } from '../../../../shared/tags.js';
import type { Library } from '../../library.js';
import { parseCount, parseIds, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, stringOption, type Command } from '../command.js';

async function allAlbums(library: Library): Promise<Album[]> {
  return library.service.call('albums.list', {}, CLI_CONTEXT);
}

/** By name first (an album's is unique; a folder's must be, among folders), then by id. */
function findAlbum(albums: readonly Album[], ref: string): Album {
  const key = tagKey(ref.trim());
  const named = albums.filter((album) => tagKey(album.name) === key);
  const album = named.find((candidate) => candidate.kind !== 'folder');
  if (album) return album;
  if (named.length === 1) return named[0] as Album;
  if (named.length > 1) throw new UsageError(`Several folders are named "${ref}"; name the folder by its id`);
  if (/^[1-9][0-9]{0,15}$/.test(ref)) {
    const byId = albums.find((candidate) => candidate.id === Number(ref));
    if (byId) return byId;
  }
  throw new FolioError('NOT_FOUND', `There is no album or folder named "${ref}"`, { field: 'album' });
}

/** Folders first, then albums, each by name, children indented under their folder. */
function treeLines(albums: readonly Album[]): string[] {
  const lines: string[] = [];
  const walk = (parentId: number | null, depth: number) => {
    const children = albums
      .filter((album) => album.parentId === parentId)
      .sort((a, b) => Number(b.kind === 'folder') - Number(a.kind === 'folder') || a.name.localeCompare(b.name));
    for (const album of children) {
      const what = album.kind === 'folder' ? `${album.count} inside` : `${album.count} ${album.count === 1 ? 'item' : 'items'}`;
      const query = album.kind === 'smart' ? `\tsmart: ${album.query ?? ''}` : '';
      lines.push(`${String(album.id).padStart(5)}  ${'  '.repeat(depth)}${album.name}${album.kind === 'folder' ? '/' : ''}\t${what}${query}`);
      if (album.kind === 'folder') walk(album.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

export const albumsCommand: Command = {
  name: 'albums',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('albums takes no arguments; see "folio album" to change albums');
    const albums = await allAlbums(ctx.library());
    if (ctx.json) printJson(albums);
    else if (albums.length === 0) print('No albums yet ("folio album create <name>" makes one)');
    else treeLines(albums).forEach((line) => print(line));
    return 0;
  },
};

const VERBS = ['create', 'rename', 'move', 'delete', 'add', 'remove', 'items'] as const;

function needs(args: readonly string[], count: number, usage: string): void {
  if (args.length < count) throw new UsageError(`Usage: folio album ${usage}`);
}

export const albumCommand: Command = {
  name: 'album',
  options: {
    folder: { type: 'boolean' },
    smart: { type: 'string' },
    in: { type: 'string' },
    before: { type: 'string' },
    limit: { type: 'string' },
  },
  createsLibrary: false,
  async run(ctx) {
    const [verb, ...args] = ctx.positionals;
    if (verb === undefined || !(VERBS as readonly string[]).includes(verb)) {
      throw new UsageError(`album needs one of: ${VERBS.join(', ')}`);
    }
    const library = ctx.library();
    const call = library.service.call.bind(library.service);
    const albums = await allAlbums(library);
    const inFolder = stringOption(ctx.values, 'in');
    const parentId = inFolder === undefined ? undefined : findAlbum(albums, inFolder).id;
    let result: unknown;
    let line: string;
    switch (verb) {
      case 'create': {
        needs(args, 1, 'create <name> [--folder | --smart <search>] [--in <folder>]');
        const smart = stringOption(ctx.values, 'smart');
        if (smart !== undefined && ctx.values.folder === true) throw new UsageError('An album is a folder or a smart album, not both');
        const kind = ctx.values.folder === true ? 'folder' : smart !== undefined ? 'smart' : 'album';
        const album = await call('albums.create', { name: args.join(' '), kind, parentId, query: smart }, CLI_CONTEXT);
        result = album;
        line = `Made ${kind === 'smart' ? 'smart album' : kind} ${album.id} "${album.name}"${kind === 'smart' ? ` (${album.count} items)` : ''}`;
        break;
      }
      case 'rename': {
        needs(args, 2, 'rename <album> <new name>');
        const album = findAlbum(albums, args[0] as string);
        result = await call('albums.update', { id: album.id, name: args.slice(1).join(' ') }, CLI_CONTEXT);
        line = `Renamed "${album.name}" to "${args.slice(1).join(' ')}"`;
        break;
      }
      case 'move': {
        needs(args, 1, 'move <album> [--in <folder>]  (without --in: to the top)');
        const album = findAlbum(albums, args[0] as string);
        result = await call('albums.update', { id: album.id, parentId: parentId ?? null }, CLI_CONTEXT);
        line = `Moved "${album.name}" ${inFolder === undefined ? 'to the top' : `into "${inFolder}"`}`;
        break;
      }
      case 'delete': {
        needs(args, 1, 'delete <album>');
        const album = findAlbum(albums, args[0] as string);
        result = await call('albums.delete', { id: album.id }, CLI_CONTEXT);
        line = `Deleted "${album.name}" (its items stay in the library)`;
        break;
      }
      case 'add':
      case 'remove': {
        needs(args, 2, `${verb} <album> <id…>${verb === 'add' ? ' [--before <id>]' : ''}`);
        const album = findAlbum(albums, args[0] as string);
        const ids = parseIds(args.slice(1));
        const before = stringOption(ctx.values, 'before');
        const moveBefore = before === undefined ? undefined : (parseIds([before])[0] as number);
        const edit = await call(
          'albums.editItems',
          verb === 'add' ? { id: album.id, add: ids, moveBefore } : { id: album.id, remove: ids },
          CLI_CONTEXT,
        );
        result = edit;
        line =
          verb === 'add'
            ? `Added ${edit.added}${edit.moved > 0 ? `, moved ${edit.moved}` : ''}; "${album.name}" has ${edit.count} items`
            : `Removed ${edit.removed}; "${album.name}" has ${edit.count} items`;
        break;
      }
      default: {
        needs(args, 1, 'items <album> [--limit <n>]');
        const album = findAlbum(albums, args[0] as string);
        const page = await call('albums.items', { id: album.id, limit: parseCount(stringOption(ctx.values, 'limit'), 'limit') }, CLI_CONTEXT);
        result = page;
        line = [...page.items.map((item) => `${String(item.id).padStart(7)}  ${item.name}`), `${page.total} items`].join('\n');
      }
    }
    if (ctx.json) printJson(result);
    else print(line);
    return 0;
  },
};
