/**
 * Changes to the tag vocabulary (move, rename, colour, merge, delete, aliases, implications),
 * each recorded for the app's undo. The library answers a move, merge or delete with an undo
 * token: undo hands it back (`tags.undo`), redo runs the operation again and keeps the new
 * token. Aliases and implications undo by the opposite edit of what really changed.
 */
import type { ArgsIn } from '../../../shared/contract.js';
import { joinTagPath, splitTagPath } from '../../../shared/tag-path.js';
import { tagKey } from '../../../shared/tags.js';
import { call } from '../api/client.js';
import { movedPath, renamedPath } from '../logic/tag-move.js';
import { pathKey } from '../logic/tag-tree.js';
import { useStore } from '../store/store.js';
import type { TagNode } from '../store/tag-tree-slice.js';
import { noteChange } from './refresh.js';
import { attempt, notify } from './report.js';
import { recordEdit } from './undo.js';

/** Every item may show a renamed, merged or deleted tag: everything shown is refreshed. */
function vocabularyChanged(): void {
  noteChange({ aspects: ['tags'] });
}

async function undoable<T extends { undo: string }>(label: string, run: () => Promise<T>, afterUndo?: () => void): Promise<T | undefined> {
  const result = await attempt(label.charAt(0).toLowerCase() + label.slice(1), run);
  if (!result) return undefined;
  let token = result.undo;
  recordEdit({
    label,
    undo: async () => {
      await call('tags.undo', { token });
      afterUndo?.();
      vocabularyChanged();
    },
    redo: async () => {
      token = (await run()).undo;
      vocabularyChanged();
    },
  });
  vocabularyChanged();
  return result;
}

/**
 * A gallery showing a tag that moved shows it at its new path (and a tag under it, under the
 * new path), so a rename never leaves the view on a tag that no longer exists.
 */
function viewFollows(from: string, to: string): void {
  const state = useStore.getState();
  const { view } = state;
  if (view.kind !== 'tag') return;
  const fromLevels = splitTagPath(from);
  const viewLevels = splitTagPath(view.name);
  if (viewLevels.length < fromLevels.length || pathKey(joinTagPath(viewLevels.slice(0, fromLevels.length))) !== pathKey(from)) return;
  state.setView({ kind: 'tag', name: joinTagPath([...splitTagPath(to), ...viewLevels.slice(fromLevels.length)]) });
}

/** Rename or move by a full path; renaming onto an existing tag merges the two. */
export async function setTagPath(tag: TagNode, path: string): Promise<boolean> {
  if (path === tag.path) return false;
  const from = tag.path;
  let to = path;
  const result = await undoable(
    `Move tag “${from}” to “${path}”`,
    async () => {
      const answer = await call('tags.update', { id: tag.id, path });
      to = answer.tag.path;
      viewFollows(from, to);
      // Renaming onto a tag that exists joins the two: say so, the tree loses a row.
      if (answer.merged) notify(`“${from}” merged into “${to}”`, 'Their items now carry one tag. Ctrl+Z separates them again.');
      return answer;
    },
    () => viewFollows(to, from),
  );
  return result !== undefined;
}

export function renameTag(tag: TagNode, written: string): Promise<boolean> {
  const path = renamedPath(tag, written);
  return path === null ? Promise.resolve(false) : setTagPath(tag, path);
}

export function moveTag(tag: TagNode, under: TagNode | null): Promise<boolean> {
  return setTagPath(tag, movedPath(tag, under));
}

export async function setTagColour(tag: TagNode, colour: string | null): Promise<boolean> {
  if (colour === tag.colour) return false;
  const args = { id: tag.id, colour } as ArgsIn<'tags.update'>;
  const result = await undoable(`Colour of “${tag.path}”`, () => call('tags.update', args));
  return result !== undefined;
}

export async function mergeTags(from: readonly TagNode[], into: TagNode): Promise<boolean> {
  const others = from.filter((t) => t.id !== into.id);
  if (others.length === 0) return false;
  const label = `Merge ${others.map((t) => `“${t.path}”`).join(', ')} into “${into.path}”`;
  const result = await undoable(label, async () => {
    const answer = await call('tags.merge', { from: others.map((t) => t.id), into: into.path });
    for (const other of others) viewFollows(other.path, answer.tag.path);
    return answer;
  });
  return result !== undefined;
}

export async function deleteTag(tag: TagNode): Promise<number | undefined> {
  const result = await undoable(`Delete tag “${tag.path}”`, () => call('tags.delete', { id: tag.id }));
  return result?.removedFrom;
}

/** Several unused tags in one go, undone together (each delete's token, newest first). */
export async function deleteTags(tags: readonly TagNode[]): Promise<number> {
  const tokens: string[] = [];
  const done = await attempt('delete the unused tags', async () => {
    for (const tag of tags) tokens.push((await call('tags.delete', { id: tag.id })).undo);
  });
  if (tokens.length > 0) {
    const paths = tags.map((t) => t.path);
    recordEdit({
      label: `Delete ${tokens.length} unused ${tokens.length === 1 ? 'tag' : 'tags'}`,
      undo: async () => {
        for (const token of [...tokens].reverse()) await call('tags.undo', { token });
        vocabularyChanged();
      },
      redo: async () => {
        // The restored tags may have new ids: find them again by path.
        const byKey = new Map((await call('tags.tree', {})).map((t) => [tagKey(t.path), t.id]));
        tokens.length = 0;
        for (const path of paths) {
          const id = byKey.get(tagKey(path));
          if (id !== undefined) tokens.push((await call('tags.delete', { id })).undo);
        }
        vocabularyChanged();
      },
    });
    vocabularyChanged();
  }
  return done === undefined ? tokens.length : tags.length;
}

type ListKind = 'aliases' | 'implies';

/** What really changes: adds not already there, removes that are (compared as tags compare). */
export function listDelta(current: readonly string[], add: readonly string[], remove: readonly string[]): { add: string[]; remove: string[] } {
  const have = new Set(current.map(tagKey));
  return { add: add.filter((a) => !have.has(tagKey(a))), remove: remove.filter((r) => have.has(tagKey(r))) };
}

async function editList(kind: ListKind, tag: TagNode, add: readonly string[], remove: readonly string[]): Promise<boolean> {
  const delta = listDelta(tag[kind], add, remove);
  if (delta.add.length === 0 && delta.remove.length === 0) return false;
  const send = (id: number, a: string[], r: string[]): Promise<TagNode> =>
    kind === 'aliases' ? call('tags.setAliases', { id, add: a, remove: r }) : call('tags.setImplies', { id, add: a, remove: r });
  const what = kind === 'aliases' ? 'Aliases' : 'Implied tags';
  const done = await attempt(`change the ${what.toLowerCase()} of “${tag.path}”`, () => send(tag.id, delta.add, delta.remove));
  if (!done) return false;
  recordEdit({
    label: `${what} of “${tag.path}”`,
    undo: async () => {
      await send(tag.id, delta.remove, delta.add);
      vocabularyChanged();
    },
    redo: async () => {
      await send(tag.id, delta.add, delta.remove);
      vocabularyChanged();
    },
  });
  vocabularyChanged();
  return true;
}

export const addAlias = (tag: TagNode, alias: string): Promise<boolean> => editList('aliases', tag, [alias], []);
export const removeAlias = (tag: TagNode, alias: string): Promise<boolean> => editList('aliases', tag, [], [alias]);
export const addImplied = (tag: TagNode, implied: string): Promise<boolean> => editList('implies', tag, [implied], []);
export const removeImplied = (tag: TagNode, implied: string): Promise<boolean> => editList('implies', tag, [], [implied]);

/**
 * An alias spelled like a tag that exists: that tag is merged into `tag` first (its items get
 * `tag`), then the alias is added. One undo step takes the alias off and hands the merge's token
 * back, so the old tag and its links return.
 */
export async function mergeAndAlias(tag: TagNode, existing: TagNode, alias: string): Promise<boolean> {
  const run = async (): Promise<string> => {
    const merged = await call('tags.merge', { from: [existing.path], into: tag.path });
    await call('tags.setAliases', { id: merged.tag.id, add: [alias] });
    return merged.undo;
  };
  const label = `Make “${existing.path}” an alias of “${tag.path}”`;
  const first = await attempt(label.charAt(0).toLowerCase() + label.slice(1), run);
  if (first === undefined) return false;
  let token = first;
  recordEdit({
    label,
    undo: async () => {
      await call('tags.setAliases', { id: tag.id, remove: [alias] });
      await call('tags.undo', { token });
      vocabularyChanged();
    },
    redo: async () => {
      token = await run();
      vocabularyChanged();
    },
  });
  vocabularyChanged();
  return true;
}
