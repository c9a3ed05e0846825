/**
 * Tags read from what import recorded about the file. These are facts, not guesses, so their
 * confidence is 1: the camera that wrote the EXIF, the year it says, whether it has GPS, the
 * shape of the upright image, and the kind of media.
 */
import type { ExtensionSubject, SuggestedTag } from '../types.js';

const FACT = 1;
const PANORAMA_RATIO = 2;
const SQUARE_TOLERANCE = 0.02;

// "NIKON CORPORATION", "OLYMPUS OPTICAL CO.,LTD", "EASTMAN KODAK COMPANY": the brand is the first part.
const MAKER_SUFFIX = /[\s,]+(optical\s+co\.?,?\s*ltd\.?|co\.?,?\s*ltd\.?|corporation|corp\.?|company|imaging(\s+corp\.?)?|inc\.?)\s*$/iu;

export function cameraMakeTag(make: string): string {
  return make.replace(MAKER_SUFFIX, '').replace(/\s+/gu, ' ').trim();
}

export function orientationTag(width: number | null, height: number | null): string | null {
  if (width === null || height === null || width <= 0 || height <= 0) return null;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if ((long - short) / long <= SQUARE_TOLERANCE) return 'square';
  if (long / short >= PANORAMA_RATIO) return 'panorama';
  return width > height ? 'landscape' : 'portrait';
}

export function metadataTags(subject: ExtensionSubject): SuggestedTag[] {
  const names: string[] = [];
  const orientation = orientationTag(subject.width, subject.height);
  if (orientation !== null) names.push(orientation);
  const make = subject.cameraMake === null ? '' : cameraMakeTag(subject.cameraMake);
  if (make !== '') names.push(make);
  const model = subject.cameraModel?.replace(/\s+/gu, ' ').trim() ?? '';
  if (model !== '' && model.toLowerCase() !== make.toLowerCase()) names.push(model);
  const year = /^(\d{4})-/u.exec(subject.takenAt ?? '')?.[1];
  if (year !== undefined && Number(year) >= 1826 && Number(year) <= 2200) names.push(year);
  if (subject.geotagged) names.push('geotagged');
  if (subject.type === 'video') names.push('video');
  return names.map((name) => ({ name, confidence: FACT }));
}
