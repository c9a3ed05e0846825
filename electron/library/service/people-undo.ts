/**
 * Undo for people edits (name, merge, split, "not this person"), as for the tag vocabulary
 * (tag-undo.ts): before an edit changes anything it records the people, the faces' assignments
 * and the rejections it may touch, and then the `People/<name>` links it really added and
 * removed; `revertPeopleUndo` puts exactly that back, in one transaction. The token goes back to
 * the caller with the edit's answer (`undo`), for `people.undo`.
 */
import { randomUUID } from 'node:crypto';
import type { TagChanges } from '../../../shared/contract.js';
import { FolioError } from '../../../shared/errors.js';
import type { Db } from '../db/connection.js';
import {
  deletePeopleWithoutFaces,
  faceAssignments,
  getPeopleUndo,
  insertPeopleUndo,
  latestPeopleUndoToken,
  markPeopleUndone,
  peopleRows,
  rejectionsTouching,
  restoreFaceAssignments,
  restorePeople,
  restoreRejections,
  type FaceAssignment,
  type PersonRowSnapshot,
  type RejectionRow,
} from '../db/people-undo-repo.js';
import { applyTagEdits } from './tag-edits.js';

/** The token that means "the most recent people edit not undone yet". */
export const LATEST_PEOPLE_UNDO = 'latest';

export type PeopleUndoKind = 'name' | 'merge' | 'split' | 'reassign';

interface PeopleUndoState {
  personIds: number[];
  faceIds: number[];
  people: PersonRowSnapshot[];
  faces: FaceAssignment[];
  rejections: RejectionRow[];
  /** People the edit made: removed again when the undo leaves them no face. */
  created: number[];
  /** The tag links the edit changed, in order. */
  tags: TagChanges[];
}

export class PeopleUndoRecorder {
  private readonly state: PeopleUndoState;

  /** Call before the edit changes anything: `personIds` and `faceIds` are all it may touch. */
  constructor(
    private readonly db: Db,
    private readonly kind: PeopleUndoKind,
    personIds: readonly number[],
    faceIds: readonly number[] = [],
  ) {
    const people = [...new Set(personIds)];
    const faces = [...new Set(faceIds)];
    this.state = {
      personIds: people,
      faceIds: faces,
      people: peopleRows(db, people),
      faces: faceAssignments(db, people, faces),
      rejections: rejectionsTouching(db, people, faces),
      created: [],
      tags: [],
    };
  }

  created(personId: number): void {
    this.state.created.push(personId);
  }

  tags(changes: TagChanges): void {
    if (changes.added.length > 0 || changes.removed.length > 0) this.state.tags.push(changes);
  }

  finish(now: string): string {
    const token = randomUUID();
    insertPeopleUndo(this.db, token, this.kind, JSON.stringify(this.state), now);
    return token;
  }
}

/** Reverts the edit of `token`; returns the items whose tags changed back. Call inside a transaction. */
export function revertPeopleUndo(db: Db, asked: string, actor: string, now: string): number[] {
  const token = asked === LATEST_PEOPLE_UNDO ? latestPeopleUndoToken(db) : asked;
  if (token === undefined) throw new FolioError('NOT_FOUND', 'No people edit is left to undo; nothing was changed', { field: 'token' });
  const entry = getPeopleUndo(db, token);
  if (!entry) throw new FolioError('NOT_FOUND', `No people edit has the undo token "${token}" (only the last 50 can be undone); nothing was changed`, { field: 'token' });
  if (entry.undoneAt !== null) throw new FolioError('CONFLICT', `That people edit was already undone at ${entry.undoneAt}; nothing was changed`, { field: 'token' });
  const state = JSON.parse(entry.state) as PeopleUndoState;
  const touched = new Set<number>();
  // Tags first, newest change first: each link the edit added goes, each it removed comes back.
  for (const changes of [...state.tags].reverse()) {
    for (const { tag, ids } of changes.added) applyTagEdits(db, ids, [], [tag], actor, now).changes.removed.forEach((c) => c.ids.forEach((id) => touched.add(id)));
    for (const { tag, ids } of changes.removed) applyTagEdits(db, ids, [tag], [], actor, now).changes.added.forEach((c) => c.ids.forEach((id) => touched.add(id)));
  }
  restorePeople(db, state.people);
  restoreFaceAssignments(db, state.faces);
  restoreRejections(db, [...state.personIds, ...state.created], state.faceIds.concat(state.faces.map((face) => face.id)), state.rejections);
  deletePeopleWithoutFaces(db, state.created);
  markPeopleUndone(db, token, now);
  return [...touched];
}
