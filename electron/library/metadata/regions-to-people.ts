/**
 * Named face regions read from a file join Folio's people: each region is matched to the
 * detected face of its item whose box overlaps it most (intersection over union at least
 * REGION_MATCH), one face per region, best pairs first; the face joins the person of the
 * region's name (made if no person has it), placed as by hand, so grouping never moves it and
 * new faces like it join that person. A face a person already placed, or took out of that
 * person ("not this person"), is left as it is. A region with no face found (or before the
 * faces extension ran) still gave its item the tag `People/<name>` when the file was read.
 *
 * Run after every reading of the file (import, rescan) and after every run of the faces
 * extension, inside their transactions.
 */
import type { Db } from '../db/connection.js';
import { faceRegionsOfMedia } from '../db/face-region-repo.js';
import { rejectionKeys } from '../db/face-rejection-repo.js';
import { facesOfMedia, setFacePerson } from '../db/face-repo.js';
import { getMediaRow } from '../db/media-repo.js';
import { insertPerson, personByName, setPersonName } from '../db/person-repo.js';

/**
 * A region is drawn by a person (or another tool's detector), looser or tighter than
 * BlazeFace's box around the same face, so the bar is low; faces side by side barely overlap,
 * and the best pair is taken first.
 */
export const REGION_MATCH = 0.3;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function intersectionOverUnion(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Returns the ids of the faces that joined a person. */
export function regionsToPeople(db: Db, mediaId: number, now: string): number[] {
  const regions = faceRegionsOfMedia(db, mediaId);
  if (regions.length === 0) return [];
  const item = getMediaRow(db, mediaId);
  const faces = facesOfMedia(db, mediaId);
  if (!item || !item.width || !item.height || faces.length === 0) return [];
  const { width, height } = item;
  const pairs: { region: number; face: number; iou: number }[] = [];
  regions.forEach((region, r) => {
    const box = { x: region.x * width, y: region.y * height, width: region.width * width, height: region.height * height };
    faces.forEach((face, f) => {
      const iou = intersectionOverUnion(box, face.box);
      if (iou >= REGION_MATCH) pairs.push({ region: r, face: f, iou });
    });
  });
  pairs.sort((a, b) => b.iou - a.iou || a.region - b.region || a.face - b.face);
  const rejected = rejectionKeys(db);
  const usedRegions = new Set<number>();
  const usedFaces = new Set<number>();
  const joined: number[] = [];
  for (const pair of pairs) {
    if (usedRegions.has(pair.region) || usedFaces.has(pair.face)) continue;
    usedRegions.add(pair.region);
    usedFaces.add(pair.face);
    const face = faces[pair.face];
    const region = regions[pair.region];
    if (!face || !region || face.assignedBy === 'user') continue;
    let person = personByName(db, region.name);
    if (!person) {
      const id = insertPerson(db, now);
      setPersonName(db, id, region.name, now);
      person = { id, name: region.name };
    }
    if (rejected.has(`${face.id}:${person.id}`)) continue;
    setFacePerson(db, [face.id], person.id, 'user');
    joined.push(face.id);
  }
  return joined;
}
