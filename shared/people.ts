/**
 * Faces and people: the faces extension finds faces and describes each with a descriptor; faces
 * that look alike are grouped into people; naming a person tags every item with one of its
 * faces `People/<name>` (a user tag in the tag tree).
 */
import { z } from 'zod';
import { Id } from './schemas.js';
import { joinTagPath } from './tag-path.js';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One face found in one item, in pixels of the upright picture. */
export interface Face {
  id: number;
  mediaId: number;
  box: FaceBox;
  /** The detector's score (0..1). */
  score: number;
  personId: number | null;
  /** The person's name, when it has one. */
  personName: string | null;
  /** `user`: placed by a person (named, merged, split, reassigned): clustering never moves it. */
  assignedBy: 'auto' | 'user';
  /** The upright picture's size, to place the box on a thumbnail (same shape, fewer pixels). */
  picture: { width: number; height: number } | null;
}

/** A cluster of faces that look like one person. */
export interface Person {
  id: number;
  name: string | null;
  /** Faces in it, and the items they are in (not counting the trash). */
  faceCount: number;
  itemCount: number;
  /** The face shown for the person: its most confident one. */
  sample: Face | null;
}

export interface PeopleSettings {
  /**
   * A new face matched to a named person with at least this confidence gets the person's tag set
   * as a user tag; below it (or when null) the tag is only suggested (an AI tag of `faces`).
   */
  autoTagConfidence: number | null;
}

export const DEFAULT_PEOPLE_SETTINGS: PeopleSettings = { autoTagConfidence: null };

/** The tag a named person's items carry: `People/<name>`, a `/` inside the name escaped. */
export function personTag(name: string): string {
  return joinTagPath(['People', name]);
}

export const PersonName = z
  .string()
  .trim()
  .min(1, 'A person needs a name of at least one character')
  .max(200, 'A person’s name is at most 200 characters');

export const PeopleNameArgs = z.strictObject({ id: Id, name: PersonName });
export const PeopleMergeArgs = z.strictObject({ from: Id, into: Id });
export const PeopleSplitArgs = z.strictObject({ id: Id, faceIds: z.array(Id).min(1).max(10_000) });
export const FacesReassignArgs = z.strictObject({ faceId: Id, personId: Id.nullable() });
export const FacesOfItemArgs = z.strictObject({ id: Id });
export const PeopleFacesArgs = z.strictObject({ id: Id, limit: z.number().int().min(1).max(10_000).optional() });
export const PeopleSetSettingsArgs = z.strictObject({ autoTagConfidence: z.number().min(0).max(1).nullable() });
/** The `undo` token a people edit (name, merge, split, reassign) answered. */
export const PeopleUndoArgs = z.strictObject({ token: z.string().min(1, 'The undo token is the `undo` a people edit answered').max(100) });
