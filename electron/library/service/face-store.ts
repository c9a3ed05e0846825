/**
 * What the faces extension found in an item, written (inside auto-tag's one transaction): the
 * faces are replaced, except that a face found again where it was (a rerun) keeps its row, so
 * its person and every correction made to it stay; new faces are grouped into people; a new
 * face of a named person suggests the tag `People/<name>` (an AI tag), or sets it as a user
 * tag when its confidence reaches the library's people setting.
 */
import { personTag, type FaceBox } from '../../../shared/people.js';
import type { Db } from '../db/connection.js';
import { deleteFaces, facesOfMedia, insertFace, updateFaceReading } from '../db/face-repo.js';
import { deleteEmptyUnnamedPeople, personNames } from '../db/person-repo.js';
import { getPeopleSettings } from '../db/settings-repo.js';
import type { FoundFace, SuggestedTag } from '../extensions/types.js';
import { regionsToPeople } from '../metadata/regions-to-people.js';
import { placeFaces } from './people-clustering.js';
import { applyTagEdits } from './tag-edits.js';

/** A rerun's face is the stored one when their boxes overlap this much (intersection over union). */
const SAME_BOX = 0.5;

function overlap(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

export function storeFaces(db: Db, mediaId: number, faces: { model: string; found: readonly FoundFace[] }, now: string): SuggestedTag[] {
  const old = facesOfMedia(db, mediaId);
  const kept = new Set<number>();
  for (const face of faces.found) {
    let match: { id: number; iou: number } | null = null;
    for (const stored of old) {
      if (kept.has(stored.id)) continue;
      const iou = overlap(stored.box, face.box);
      if (iou >= SAME_BOX && (match === null || iou > match.iou)) match = { id: stored.id, iou };
    }
    if (match) {
      kept.add(match.id);
      updateFaceReading(db, match.id, face.box, face.score, face.descriptor, faces.model);
    } else {
      insertFace(db, mediaId, face.box, face.score, face.descriptor, faces.model);
    }
  }
  deleteFaces(db, old.filter((face) => !kept.has(face.id)).map((face) => face.id));
  // Faces named by a region of the file first: grouping then builds on them.
  regionsToPeople(db, mediaId, now);
  const joined = placeFaces(db, faces.model, now, mediaId);
  deleteEmptyUnnamedPeople(db);

  const names = personNames(db);
  const { autoTagConfidence } = getPeopleSettings(db);
  const suggested = new Map<string, SuggestedTag>();
  const set = new Set<string>();
  for (const { personId, similarity } of joined.values()) {
    const name = names.get(personId);
    if (name === undefined) continue;
    const tag = personTag(name);
    const confidence = Math.round(Math.min(1, Math.max(0, similarity)) * 1000) / 1000;
    if (autoTagConfidence !== null && confidence >= autoTagConfidence) set.add(tag);
    else if ((suggested.get(tag)?.confidence ?? -1) < confidence) suggested.set(tag, { name: tag, confidence });
  }
  if (set.size > 0) applyTagEdits(db, [mediaId], [...set], [], 'extension:faces', now);
  return [...suggested.values()].filter((tag) => !set.has(tag.name));
}
