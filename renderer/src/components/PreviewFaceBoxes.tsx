/**
 * The faces found in the previewed item, drawn on it: a box each, with its person's name (or
 * "Unknown"). Fetched for the item and again when its AI tags or tags change.
 */
import { useEffect, useState } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import type { Face } from '../../../shared/people.js';
import { call, on } from '../api/client.js';

export function PreviewFaceBoxes({ item, shown }: { item: MediaItem; shown: { width: number; height: number } }) {
  const [faces, setFaces] = useState<Face[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => {
      call('faces.ofItem', { id: item.id })
        .then((answer) => live && setFaces(answer.faces))
        .catch(() => live && setFaces([])); // boxes are a hint: an error leaves the picture as it is
    };
    load();
    const stop = on('library.changed', (change) => {
      if ((change.ids === undefined || change.ids.includes(item.id)) && (change.aspects.includes('aiTags') || change.aspects.includes('tags'))) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [item.id]);
  if (faces.length === 0 || item.width === null || item.width === 0) return null;
  const scale = shown.width / item.width;
  return (
    <ul className="face-boxes" aria-label="Faces">
      {faces.map((face) => {
        const label = face.personName ?? 'Unknown';
        return (
          <li
            key={face.id}
            className="face-box"
            aria-label={`Face: ${label}`}
            style={{ left: face.box.x * scale, top: face.box.y * scale, width: face.box.width * scale, height: face.box.height * scale }}
          >
            <span className="face-box-label">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
