/**
 * Groups faces into people. A face joins the person of the most similar face already placed
 * (cosine of the two descriptors) when that is at least SAME_PERSON_SIMILARITY, else it starts
 * a new person. Faces are taken in id order, so the same faces give the same people on every
 * run. What a person said wins: a face placed by hand is never moved (it only attracts others),
 * a face is never put back in a person it was taken out of ("not this person"), and two faces
 * of one picture are never one person.
 *
 * Every placed face is compared with every new one: fine for the tens of thousands of faces of a
 * family library (1024 multiply-adds a pair); a far larger one wants an index.
 */
import type { Db } from '../db/connection.js';
import { describedFaces, setFacePerson, type DescribedFace } from '../db/face-repo.js';
import { rejectionKeys } from '../db/face-rejection-repo.js';
import { insertPerson, personNames } from '../db/person-repo.js';

/**
 * Chosen from hand-labelled faces (test/bench/faces-bench.ts prints the table; README "Faces and
 * people"): one person in different photos 0.52–0.88 (median 0.77), different people 0.15–0.71
 * (median 0.36, 95% under 0.50), the top of it all pairs of one look-alike. At 0.6 that
 * look-alike joins the person's group (and a second face through him); at 0.7 no group holds
 * someone else, and one of the person's nine photos stays apart for a merge by hand. A wrong
 * group puts a name on a stranger's photos; a split one costs a merge: 0.7.
 */
export const SAME_PERSON_SIMILARITY = 0.7;

export function similarity(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Where clustering put a face that joined an existing person, and how alike they were. */
export type Placements = Map<number, { personId: number; similarity: number }>;

/**
 * Places every unplaced face of `model` (or only those of `onlyMedia`). Returns the faces that
 * joined an existing person; the others started a person of their own.
 *
 * Single-link: a face like two people's faces joins the closer one, and the other person is
 * merged into it when clustering made it alone (unnamed, no face placed by hand), so a photo
 * that bridges two groups of one person's photos makes them one, whatever order they came in.
 */
export function placeFaces(db: Db, model: string, now: string, onlyMedia?: number): Placements {
  // A face found without a descriptor model (empty descriptor) has nothing to compare: it waits
  // for a person given by hand or by a named region in its file.
  const faces = describedFaces(db, model, onlyMedia).filter((face) => face.descriptor.length > 0);
  const rejected = rejectionKeys(db);
  const named = personNames(db);
  const placed: DescribedFace[] = faces.filter((face) => face.personId !== null);
  const confirmed = new Set(placed.filter((face) => face.assignedBy === 'user').map((face) => face.personId as number));
  const peopleInMedia = new Map<number, Set<number>>();
  const note = (face: DescribedFace) => {
    const set = peopleInMedia.get(face.mediaId) ?? new Set<number>();
    set.add(face.personId as number);
    peopleInMedia.set(face.mediaId, set);
  };
  placed.forEach(note);
  const mergeable = (personId: number) => !named.has(personId) && !confirmed.has(personId);

  const joined: Placements = new Map();
  for (const face of faces) {
    if (face.personId !== null || (onlyMedia !== undefined && face.mediaId !== onlyMedia)) continue;
    const taken = peopleInMedia.get(face.mediaId) ?? new Set<number>();
    // The closest face of each person this face is like enough.
    const close = new Map<number, number>();
    for (const other of placed) {
      const personId = other.personId as number;
      if (taken.has(personId) || rejected.has(`${face.id}:${personId}`)) continue;
      const score = similarity(face.descriptor, other.descriptor);
      if (score >= SAME_PERSON_SIMILARITY && score > (close.get(personId) ?? -1)) close.set(personId, score);
    }
    const ranked = [...close.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const best = ranked[0];
    let personId = best?.[0] ?? insertPerson(db, now);
    if (best) joined.set(face.id, { personId, similarity: best[1] });
    setFacePerson(db, [face.id], personId, 'auto');
    face.personId = personId;
    placed.push(face);
    note(face);
    const mergeInto = (from: number, into: number): boolean => {
      const moving = placed.filter((candidate) => candidate.personId === from);
      // Two faces of one picture are never one person: such a pair of people stays apart.
      if (moving.some((candidate) => candidate.mediaId !== face.mediaId && peopleInMedia.get(candidate.mediaId)?.has(into))) return false;
      if (moving.some((candidate) => rejected.has(`${candidate.id}:${into}`))) return false;
      setFacePerson(db, moving.map((candidate) => candidate.id), into, 'auto');
      for (const candidate of moving) {
        candidate.personId = into;
        const set = peopleInMedia.get(candidate.mediaId);
        set?.delete(from);
        set?.add(into);
      }
      return true;
    };
    // The closest person is one grouping made alone, and the face is like a person someone named
    // (by hand or by a region in a file) too: the group goes into the named person, whichever
    // of the two photos was grouped first.
    if (best && mergeable(personId)) {
      const named = ranked.slice(1).find(([other]) => !mergeable(other));
      if (named && mergeInto(personId, named[0])) {
        personId = named[0];
        joined.set(face.id, { personId, similarity: named[1] });
      }
    }
    for (const [other] of ranked.slice(1)) {
      if (other === personId || !mergeable(other)) continue;
      mergeInto(other, personId);
    }
  }
  return joined;
}
