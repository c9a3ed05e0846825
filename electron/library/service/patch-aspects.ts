/**
 * What an edit of one item's fields changed, as the aspects of its change event. A PATCH with
 * `name` and `tags` changed both: an open gallery must redraw the tile's name and the tag lists.
 */
import type { ChangeAspect } from '../../../shared/events.js';
import type { MediaPatch } from '../../../shared/schemas.js';

const FIELD_KEYS = ['name', 'description', 'metadata', 'customCoordinates', 'rating', 'label', 'flag'] as const satisfies readonly (keyof MediaPatch)[];

export function patchAspects(patch: MediaPatch, tagsChanged: boolean): ChangeAspect[] {
  const aspects: ChangeAspect[] = [];
  if (FIELD_KEYS.some((key) => patch[key] !== undefined)) aspects.push('fields');
  if (tagsChanged) aspects.push('tags');
  // Tags given but unchanged still stamp "updated at/by", which the details panel shows.
  return aspects.length > 0 ? aspects : ['fields'];
}
