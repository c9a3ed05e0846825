import type { Face } from '../../../shared/people.js';
import { mediaUrls } from '../api/client.js';

/**
 * One face cut out of its item's 512 px thumbnail by the browser: the thumbnail has the upright
 * picture's shape, so the box (in picture pixels) is placed in percentages and no crop has to
 * be made or stored anywhere.
 */
export function FaceCrop({ face, size, label }: { face: Face; size: number; label: string }) {
  const picture = face.picture;
  if (!picture) return <div className="face-crop face-crop-empty" style={{ width: size, height: size }} role="img" aria-label={label} />;
  // A square around the box with a little room, as a person would frame a face.
  const side = Math.max(face.box.width, face.box.height) * 1.3;
  const left = face.box.x + face.box.width / 2 - side / 2;
  const top = face.box.y + face.box.height / 2 - side / 2;
  const scale = size / side;
  return (
    <div className="face-crop" style={{ width: size, height: size }} role="img" aria-label={label}>
      <img
        src={mediaUrls.thumbnail(face.mediaId, 512)}
        alt=""
        draggable={false}
        style={{ width: picture.width * scale, height: picture.height * scale, left: -left * scale, top: -top * scale }}
      />
    </div>
  );
}
