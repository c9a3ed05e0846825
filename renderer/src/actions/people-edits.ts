/**
 * People edits (name, merge, "not this person"), each recorded for the app's undo. The library
 * answers each with an undo token: undo hands it back (`people.undo`), redo runs the edit again
 * and keeps its new token, as the tag vocabulary's edits do (tag-vocabulary.ts).
 */
import type { ArgsIn } from '../../../shared/contract.js';
import { call } from '../api/client.js';
import { noteChange } from './refresh.js';
import { attempt } from './report.js';
import { recordEdit } from './undo.js';

/** Every item of the people may show a changed People/<name> tag. */
function peopleChanged(): void {
  noteChange({ aspects: ['tags', 'aiTags'] });
}

async function undoable<T extends { undo: string }>(label: string, doing: string, run: () => Promise<T>): Promise<T | undefined> {
  const result = await attempt(doing, run);
  if (!result) return undefined;
  let token = result.undo;
  recordEdit({
    label,
    undo: async () => {
      await call('people.undo', { token });
      peopleChanged();
    },
    redo: async () => {
      token = (await run()).undo;
      peopleChanged();
    },
  });
  peopleChanged();
  return result;
}

export function namePerson(args: ArgsIn<'people.name'>, label: string) {
  return undoable(`Name ${label} “${args.name}”`, `name ${label}`, () => call('people.name', args));
}

export function mergePeople(args: ArgsIn<'people.merge'>, label: string) {
  return undoable(`Merge ${label}`, `merge ${label}`, () => call('people.merge', args));
}

export function notThisPerson(faceId: number, personLabel: string) {
  return undoable(`Not ${personLabel}`, 'take the face out', () => call('faces.reassign', { faceId, personId: null }));
}
