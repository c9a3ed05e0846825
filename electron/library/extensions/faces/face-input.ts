/**
 * From an original picture to faces: decoded once, upright, to a working copy; BlazeFace looks
 * at the whole picture and at overlapping square parts of it (a face of 40 px in a 3000 px group
 * photo is too small for a 256 px look at the whole); the boxes found everywhere are merged;
 * each face is cut out square, turned so its eyes are level, and handed to FaceRes.
 */
import sharp from 'sharp';
import type { ExtensionEnv, FoundFace } from '../types.js';
import { MIN_EDGE, PictureUnusable } from '../objects/model-input.js';
import { DESCRIBER_INPUT, DETECTOR_INPUT, type FaceModels, type RawFace } from './face-models.js';

/**
 * The working copy's size: 2.5 MP, so a face of 1/20 of a photo's width is about 90 px, and a
 * 25:1 panorama keeps its height (bounding the long edge instead would shrink its faces to dots).
 */
const WORK_PIXELS = 2_500_000;
/** Squares of the finest look are at least this big in working pixels (smaller ones add noise, not faces). */
const MIN_TILE = 320;
/**
 * Anchors below this are not kept. Looked at by eye on the corpus (README "Faces and people"):
 * above 0.7 one false face (a dog) among 30 real ones; between 0.5 and 0.7 more pumpkins, doors
 * and stripes than faces.
 */
export const DETECTION_FLOOR = 0.7;
/** Two boxes overlapping this much (over the smaller one) are one face. */
const SAME_FACE_OVERLAP = 0.5;
/** A face of fewer working pixels on a side gives FaceRes too little to describe. */
const MIN_FACE = 20;
/** How much of the head around BlazeFace's box FaceRes is shown: 1.3 separated people best of 1.0, 1.3, 1.6 and 2 (faces-bench). */
const CROP_SCALE = 1.3;
/** A group photo's crowd is not described face by face without end. */
export const MAX_FACES = 40;

interface Working {
  data: Buffer;
  width: number;
  height: number;
  /** Upright original pixels per working pixel. */
  scale: number;
}

interface Square {
  left: number;
  top: number;
  side: number;
}

interface Candidate {
  score: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Angle of the line from the right eye to the left, in radians (0: eyes level). */
  roll: number;
}

async function working(original: Buffer, env: ExtensionEnv): Promise<Working> {
  const options = { limitInputPixels: env.pixelLimit };
  const meta = await sharp(original, options).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  if (Math.min(width, height) < MIN_EDGE) {
    throw new PictureUnusable(`The picture is ${width}×${height} px; faces are looked for in pictures at least ${MIN_EDGE} px on each side`);
  }
  const shrink = Math.min(1, Math.sqrt(WORK_PIXELS / (width * height)));
  const { data, info } = await sharp(original, options)
    .timeout({ seconds: env.decodeTimeoutSeconds })
    .rotate()
    .resize(Math.max(1, Math.round(width * shrink)), Math.max(1, Math.round(height * shrink)), { fit: 'fill' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, scale: width / info.width };
}

/** Evenly spread starts of `count` spans of `span` over `length`, first at 0 and last at the end. */
function starts(length: number, span: number): number[] {
  const count = Math.max(1, Math.ceil((2 * length) / span) - 1); // half-overlapping
  if (count === 1 || length <= span) return [0];
  const step = (length - span) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(i * step));
}

/** The whole picture (letterboxed), then squares of the short edge, then of half of it. */
export function lookSquares(width: number, height: number): Square[] {
  const short = Math.min(width, height);
  const squares: Square[] = [{ left: 0, top: 0, side: Math.max(width, height) }];
  for (const side of [short, Math.round(short / 2)]) {
    if (side < MIN_TILE || side === Math.max(width, height)) continue;
    for (const top of starts(height, side)) for (const left of starts(width, side)) squares.push({ left, top, side: Math.min(side, width - left, height - top) });
  }
  return squares;
}

async function detectorInput(picture: Working, square: Square): Promise<Buffer> {
  const raw = { raw: { width: picture.width, height: picture.height, channels: 3 as const } };
  const width = Math.min(square.side, picture.width - square.left);
  const height = Math.min(square.side, picture.height - square.top);
  // The whole picture is letterboxed (black bars right and below) so that faces keep their shape.
  return sharp(picture.data, raw)
    .extract({ left: square.left, top: square.top, width, height })
    .resize(DETECTOR_INPUT, DETECTOR_INPUT, { fit: 'contain', position: 'left top', background: { r: 0, g: 0, b: 0 } })
    .raw()
    .toBuffer();
}

function toCandidate(face: RawFace, square: Square): Candidate {
  const k = square.side / DETECTOR_INPUT;
  const [rightEye = [0, 0], leftEye = [0, 0]] = face.landmarks;
  return {
    score: face.score,
    x1: square.left + face.x1 * k,
    y1: square.top + face.y1 * k,
    x2: square.left + face.x2 * k,
    y2: square.top + face.y2 * k,
    roll: Math.atan2(leftEye[1] - rightEye[1], leftEye[0] - rightEye[0]),
  };
}

function overlapOfSmaller(a: Candidate, b: Candidate): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const smaller = Math.min((a.x2 - a.x1) * (a.y2 - a.y1), (b.x2 - b.x1) * (b.y2 - b.y1));
  return (w * h) / smaller;
}

/** Best first; a box mostly inside a better one is the same face (seen again, or cut by a square's edge). */
export function mergeCandidates(candidates: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.x1 - b.x1 || a.y1 - b.y1);
  for (const candidate of sorted) {
    if (Math.min(candidate.x2 - candidate.x1, candidate.y2 - candidate.y1) < MIN_FACE) continue;
    if (kept.some((face) => overlapOfSmaller(face, candidate) > SAME_FACE_OVERLAP)) continue;
    kept.push(candidate);
  }
  return kept;
}

/** The face, square, eyes level, CROP_SCALE × its box, as FaceRes's input. */
async function faceCrop(picture: Working, face: Candidate): Promise<Buffer> {
  const cx = (face.x1 + face.x2) / 2;
  const cy = (face.y1 + face.y2) / 2;
  const crop = Math.max(face.x2 - face.x1, face.y2 - face.y1) * CROP_SCALE;
  // Room for the turn: the crop's diagonal, centred on the face, padded black beyond the picture.
  const side = Math.ceil(crop * Math.SQRT2);
  const left = Math.round(cx - side / 2);
  const top = Math.round(cy - side / 2);
  const inside = {
    left: Math.max(0, left),
    top: Math.max(0, top),
    width: Math.min(picture.width, left + side) - Math.max(0, left),
    height: Math.min(picture.height, top + side) - Math.max(0, top),
  };
  const raw = { raw: { width: picture.width, height: picture.height, channels: 3 as const } };
  const black = { r: 0, g: 0, b: 0 };
  // Separate passes: sharp's own order (extract, resize, extend, rotate) is not the one needed here.
  const region = await sharp(picture.data, raw)
    .extract(inside)
    .extend({ left: inside.left - left, top: inside.top - top, right: side - inside.width - (inside.left - left), bottom: side - inside.height - (inside.top - top), background: black })
    .raw()
    .toBuffer();
  const padded = await sharp(region, { raw: { width: side, height: side, channels: 3 } })
    .rotate((-face.roll * 180) / Math.PI, { background: black })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const cut = Math.min(Math.round(crop), padded.info.width, padded.info.height);
  return sharp(padded.data, { raw: { width: padded.info.width, height: padded.info.height, channels: 3 } })
    .extract({ left: Math.floor((padded.info.width - cut) / 2), top: Math.floor((padded.info.height - cut) / 2), width: cut, height: cut })
    .resize(DESCRIBER_INPUT, DESCRIBER_INPUT, { fit: 'fill' })
    .raw()
    .toBuffer();
}

export interface FaceSearch {
  faces: FoundFace[];
  /** Faces found beyond MAX_FACES, not described. */
  skipped: number;
}

export async function findFaces(original: Buffer, models: FaceModels, env: ExtensionEnv): Promise<FaceSearch> {
  const picture = await working(original, env);
  const candidates: Candidate[] = [];
  for (const square of lookSquares(picture.width, picture.height)) {
    for (const face of await models.detect(await detectorInput(picture, square), DETECTION_FLOOR)) candidates.push(toCandidate(face, square));
  }
  const merged = mergeCandidates(candidates);
  const faces: FoundFace[] = [];
  for (const face of merged.slice(0, MAX_FACES)) {
    // Without a descriptor model (the installers ship none) a face is a box: empty descriptor.
    const descriptor = models.describe ? await models.describe(await faceCrop(picture, face)) : new Float32Array(0);
    const x = Math.max(0, Math.round(face.x1 * picture.scale));
    const y = Math.max(0, Math.round(face.y1 * picture.scale));
    const right = Math.min(picture.width * picture.scale, face.x2 * picture.scale);
    const bottom = Math.min(picture.height * picture.scale, face.y2 * picture.scale);
    faces.push({ box: { x, y, width: Math.max(1, Math.round(right - x)), height: Math.max(1, Math.round(bottom - y)) }, score: Math.round(face.score * 1000) / 1000, descriptor });
  }
  return { faces, skipped: Math.max(0, merged.length - MAX_FACES) };
}
