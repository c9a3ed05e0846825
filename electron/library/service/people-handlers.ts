/**
 * People: list, name, merge, split, and face corrections. Every write is one transaction; the
 * tags they imply (`People/<name>` on the items of a named person) are written through the same
 * tag-edit function as a person's own edits, so counts, undo and events stay as for any tag.
 */
import { FolioError } from '../../../shared/errors.js';
import { personTag, type Person } from '../../../shared/people.js';
import { tagKey } from '../../../shared/tags.js';
import { nowIso } from '../base/clock.js';
import type { Db } from '../db/connection.js';
import {
  clearAutoAssignments,
  confirmFacesOfPerson,
  countFacesOfPerson,
  countUnassignedFaces,
  facesOfMedia,
  facesOfPerson,
  getFace,
  itemHasPerson,
  itemsOfPerson,
  movePersonFaces,
  setFacePerson,
} from '../db/face-repo.js';
import { forgetRejection, moveRejections, rejectFace } from '../db/face-rejection-repo.js';
import { deleteEmptyUnnamedPeople, deletePerson, getPerson, insertPerson, listPeople, personByName, personName, setPersonName } from '../db/person-repo.js';
import { getPeopleSettings, setPeopleSettings } from '../db/settings-repo.js';
import { FACE_MODEL } from '../extensions/faces/face-models.js';
import { placeFaces } from './people-clustering.js';
import { PeopleUndoRecorder, revertPeopleUndo } from './people-undo.js';
import { applyTagEdits } from './tag-edits.js';
import type { HandlerGroup, LibraryContext } from './types.js';
import { emitChange, inTransaction, requireItems } from './write-helpers.js';

export type PeopleHandlersMethod =
  | 'people.list'
  | 'people.faces'
  | 'people.name'
  | 'people.merge'
  | 'people.split'
  | 'people.recluster'
  | 'people.settings'
  | 'people.setSettings'
  | 'faces.ofItem'
  | 'faces.reassign'
  | 'people.undo';

const DEFAULT_FACES_LIMIT = 200;

function requirePerson(db: Db, id: number, field: string): Person {
  const person = getPerson(db, id);
  if (!person) throw new FolioError('NOT_FOUND', `Person ${id} was not found; nothing was changed`, { field });
  return person;
}

export function peopleHandlers(lib: LibraryContext): HandlerGroup<PeopleHandlersMethod> {
  const { db, events } = lib;
  return {
    'people.list': () => ({ people: listPeople(db), unassignedFaces: countUnassignedFaces(db) }),

    'people.faces': ({ id, limit }) => {
      requirePerson(db, id, 'id');
      return { faces: facesOfPerson(db, id, limit ?? DEFAULT_FACES_LIMIT) };
    },

    'people.name': ({ id, name }, ctx) => {
      const result = inTransaction(db, () => {
        const person = requirePerson(db, id, 'id');
        const other = personByName(db, name);
        if (other && other.id !== id) {
          throw new FolioError('CONFLICT', `Person ${other.id} is already called "${other.name}"; merge the two people instead (people.merge); nothing was changed`, { field: 'name' });
        }
        const now = nowIso();
        const recorder = new PeopleUndoRecorder(db, 'name', [id]);
        const items = itemsOfPerson(db, id);
        const before = person.name;
        setPersonName(db, id, name, now);
        // Naming says "these faces are this person": clustering will not move them any more.
        confirmFacesOfPerson(db, id);
        const add = [personTag(name)];
        const remove = before !== null && tagKey(personTag(before)) !== tagKey(add[0] ?? '') ? [personTag(before)] : [];
        if (items.length > 0) recorder.tags(applyTagEdits(db, items, add, remove, ctx.actor, now).changes);
        return { person: requirePerson(db, id, 'id'), tagged: items.length, items, undo: recorder.finish(now) };
      });
      emitChange(events, ['tags', 'aiTags'], ctx.actor, result.items);
      return { person: result.person, tagged: result.tagged, undo: result.undo };
    },

    'people.merge': ({ from, into }, ctx) => {
      if (from === into) throw new FolioError('INVALID_ARGUMENT', 'A person cannot be merged into itself', { field: 'into' });
      const result = inTransaction(db, () => {
        const source = requirePerson(db, from, 'from');
        const target = requirePerson(db, into, 'into');
        const now = nowIso();
        const recorder = new PeopleUndoRecorder(db, 'merge', [from, into]);
        const sourceItems = itemsOfPerson(db, from);
        const name = target.name ?? source.name;
        movePersonFaces(db, from, into);
        moveRejections(db, from, into);
        deletePerson(db, from);
        if (name !== null) {
          if (target.name === null) setPersonName(db, into, name, now);
          confirmFacesOfPerson(db, into);
          const remove = source.name !== null && tagKey(personTag(source.name)) !== tagKey(personTag(name)) ? [personTag(source.name)] : [];
          recorder.tags(applyTagEdits(db, itemsOfPerson(db, into), [personTag(name)], [], ctx.actor, now).changes);
          if (remove.length > 0 && sourceItems.length > 0) recorder.tags(applyTagEdits(db, sourceItems, [], remove, ctx.actor, now).changes);
        }
        return { person: requirePerson(db, into, 'into'), items: itemsOfPerson(db, into), undo: recorder.finish(now) };
      });
      emitChange(events, ['tags', 'aiTags'], ctx.actor, result.items);
      return { person: result.person, undo: result.undo };
    },

    'people.split': ({ id, faceIds }, ctx) => {
      const result = inTransaction(db, () => {
        const person = requirePerson(db, id, 'id');
        const unique = [...new Set(faceIds)];
        unique.forEach((faceId, index) => {
          const face = getFace(db, faceId);
          if (!face || face.personId !== id) {
            throw new FolioError('INVALID_ARGUMENT', `Face ${faceId} is not a face of person ${id}; nothing was changed`, { field: `faceIds[${index}]` });
          }
        });
        if (unique.length >= countFacesOfPerson(db, id)) {
          throw new FolioError('INVALID_ARGUMENT', `Those are all the faces of person ${id}; a split must leave some behind (rename it instead)`, { field: 'faceIds' });
        }
        const now = nowIso();
        const recorder = new PeopleUndoRecorder(db, 'split', [id], unique);
        const before = itemsOfPerson(db, id);
        const created = insertPerson(db, now);
        recorder.created(created);
        setFacePerson(db, unique, created, 'user');
        for (const faceId of unique) rejectFace(db, faceId, id);
        if (person.name !== null) {
          const after = new Set(itemsOfPerson(db, id));
          const lost = before.filter((item) => !after.has(item));
          if (lost.length > 0) recorder.tags(applyTagEdits(db, lost, [], [personTag(person.name)], ctx.actor, now).changes);
        }
        return { person: requirePerson(db, created, 'id'), items: before, undo: recorder.finish(now) };
      });
      emitChange(events, ['tags', 'aiTags'], ctx.actor, result.items);
      return { person: result.person, undo: result.undo };
    },

    'people.recluster': (_args, ctx) => {
      const result = inTransaction(db, () => {
        const now = nowIso();
        clearAutoAssignments(db);
        const joined = placeFaces(db, FACE_MODEL, now);
        deleteEmptyUnnamedPeople(db);
        return { people: listPeople(db).length, assigned: joined.size };
      });
      emitChange(events, ['aiTags'], ctx.actor);
      return result;
    },

    'people.settings': () => getPeopleSettings(db),

    'people.setSettings': (settings, ctx) => {
      inTransaction(db, () => setPeopleSettings(db, settings));
      emitChange(events, ['aiTags'], ctx.actor, []);
      return getPeopleSettings(db);
    },

    'faces.ofItem': ({ id }) => {
      requireItems(db, [id], 'id');
      return { faces: facesOfMedia(db, id) };
    },

    'faces.reassign': ({ faceId, personId }, ctx) => {
      const result = inTransaction(db, () => {
        const face = getFace(db, faceId);
        if (!face) throw new FolioError('NOT_FOUND', `Face ${faceId} was not found; nothing was changed`, { field: 'faceId' });
        if (personId !== null) requirePerson(db, personId, 'personId');
        const now = nowIso();
        const previous = face.personId;
        const recorder = new PeopleUndoRecorder(db, 'reassign', [previous, personId].filter((id): id is number => id !== null), [faceId]);
        if (previous !== null && previous !== personId) {
          rejectFace(db, faceId, previous);
          const oldName = personName(db, previous);
          if (oldName && !itemHasPerson(db, face.mediaId, previous, faceId)) recorder.tags(applyTagEdits(db, [face.mediaId], [], [personTag(oldName)], ctx.actor, now).changes);
        }
        if (personId === null) {
          // "Not this person": left unplaced until the faces are grouped again, never back there.
          setFacePerson(db, [faceId], null, 'auto');
        } else {
          forgetRejection(db, faceId, personId);
          setFacePerson(db, [faceId], personId, 'user');
          const newName = personName(db, personId);
          if (newName) recorder.tags(applyTagEdits(db, [face.mediaId], [personTag(newName)], [], ctx.actor, now).changes);
        }
        deleteEmptyUnnamedPeople(db);
        const updated = getFace(db, faceId);
        if (!updated) throw new Error(`Face ${faceId} vanished inside its own transaction`);
        return { face: updated, undo: recorder.finish(now) };
      });
      emitChange(events, ['tags', 'aiTags'], ctx.actor, [result.face.mediaId]);
      return result;
    },

    'people.undo': ({ token }, ctx) => {
      const items = inTransaction(db, () => revertPeopleUndo(db, token, ctx.actor, nowIso()));
      emitChange(events, ['tags', 'aiTags'], ctx.actor, items.length > 0 ? items : undefined);
      return { ok: true as const };
    },
  };
}
