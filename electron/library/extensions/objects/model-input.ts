/**
 * Turns an original picture into the detector's square inputs. A picture up to STRETCH_RATIO
 * long-to-short (4:3, 3:2, 16:9) is decoded straight into one square, upright (libvips shrinks
 * JPEGs while decoding, so a 24 MP photo costs a few tens of ms). A panorama is decoded once
 * with its short edge at the input size and cut along its long edge into overlapping tiles, so
 * a person at one end is not squeezed to a sliver.
 *
 * Each square is letterboxed: the picture keeps its shape, centred on black, as NanoDet was
 * trained (`keep_ratio`). Stretched instead, it scores a car 0.51 and a kite 0.52 in a photo
 * of a car, letterboxed 0.69 and nothing else above 0.35.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { AiTagBox } from '../../../../shared/media.js';
import type { ExtensionEnv } from '../types.js';
import type { UnitBox } from './detector-types.js';

/** Short edge below which there is nothing the detector can see. */
export const MIN_EDGE = 32;
/** Up to this long-to-short ratio (the one local-analysis calls a panorama) one stretched square. */
const STRETCH_RATIO = 2;
/** A panorama's tiles are photo-shaped (4:3): squeezed further, the model misses things. */
const TILE_RATIO = 4 / 3;
/** A 25:1 panorama gets 12 tiles of about 2:1, not 19: the work stays bounded. */
export const MAX_TILES = 12;

export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ModelInput {
  /** Upright size of the original, in pixels: boxes are given in these. */
  width: number;
  height: number;
  /** `content`: where the picture sits inside the letterboxed square, as fractions of it. */
  tiles: { rgb: Uint8Array; region: PixelRect; content: UnitBox }[];
}

/** A picture (raw RGB) centred in a black inputSize square; its place in the square as fractions. */
function letterbox(data: Buffer, width: number, height: number, inputSize: number): { rgb: Uint8Array; content: UnitBox } {
  const rgb = new Uint8Array(inputSize * inputSize * 3);
  const left = Math.floor((inputSize - width) / 2);
  const top = Math.floor((inputSize - height) / 2);
  for (let row = 0; row < height; row += 1) {
    rgb.set(data.subarray(row * width * 3, (row + 1) * width * 3), ((top + row) * inputSize + left) * 3);
  }
  return { rgb, content: { x: left / inputSize, y: top / inputSize, width: width / inputSize, height: height / inputSize } };
}

/** Decodes to at most inputSize on each side, keeping the shape, then letterboxes. */
async function squareOf(pipeline: Sharp, inputSize: number): Promise<{ rgb: Uint8Array; content: UnitBox }> {
  const { data, info } = await pipeline
    .resize(inputSize, inputSize, { fit: 'inside' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return letterbox(data, info.width, info.height, inputSize);
}

/** A box in fractions of the letterboxed square → fractions of the picture inside it. */
export function boxInContent(box: UnitBox, content: UnitBox): UnitBox {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const x1 = clamp((box.x - content.x) / content.width);
  const y1 = clamp((box.y - content.y) / content.height);
  const x2 = clamp((box.x + box.width - content.x) / content.width);
  const y2 = clamp((box.y + box.height - content.y) / content.height);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

export class PictureUnusable extends Error {}

/** Where each tile sits along the long edge: evenly spread, first at 0 and last at the end. */
function tileStarts(long: number, short: number): { starts: number[]; span: number } {
  const count = Math.min(MAX_TILES, Math.ceil(long / (short * TILE_RATIO)));
  if (count <= 1) return { starts: [0], span: long };
  const span = Math.max(Math.round(short * TILE_RATIO), Math.ceil(long / count));
  const step = (long - span) / (count - 1);
  return { starts: Array.from({ length: count }, (_, i) => Math.round(i * step)), span };
}

function uprightSize(meta: Metadata): { width: number; height: number } {
  const turned = (meta.orientation ?? 1) >= 5;
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  return turned ? { width: height, height: width } : { width, height };
}

export async function modelInput(original: Buffer, inputSize: number, env: ExtensionEnv): Promise<ModelInput> {
  const options = { limitInputPixels: env.pixelLimit };
  const { width, height } = uprightSize(await sharp(original, options).metadata());
  if (Math.min(width, height) < MIN_EDGE) {
    throw new PictureUnusable(`The picture is ${width}×${height} px; objects are looked for in pictures at least ${MIN_EDGE} px on each side`);
  }
  const decoder = () => sharp(original, options).timeout({ seconds: env.decodeTimeoutSeconds }).rotate();
  if (Math.max(width, height) <= Math.min(width, height) * STRETCH_RATIO) {
    const { rgb, content } = await squareOf(decoder(), inputSize);
    return { width, height, tiles: [{ rgb, content, region: { left: 0, top: 0, width, height } }] };
  }
  const landscape = width >= height;
  const { data, info } = await decoder()
    .resize(landscape ? { height: inputSize } : { width: inputSize })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const long = landscape ? info.width : info.height;
  const { starts, span } = tileStarts(long, inputSize);
  const scale = (landscape ? width : height) / long;
  const tiles: ModelInput['tiles'] = [];
  for (const start of starts) {
    const extract = landscape
      ? { left: start, top: 0, width: Math.min(span, info.width - start), height: info.height }
      : { left: 0, top: start, width: info.width, height: Math.min(span, info.height - start) };
    const { rgb, content } = await squareOf(sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } }).extract(extract), inputSize);
    tiles.push({
      rgb,
      content,
      region: {
        left: extract.left * scale,
        top: extract.top * scale,
        width: extract.width * scale,
        height: extract.height * scale,
      },
    });
  }
  return { width, height, tiles };
}

/** A box found in a tile, in whole pixels of the upright original. */
export function boxInPicture(box: UnitBox, region: PixelRect, picture: { width: number; height: number }): AiTagBox {
  const left = Math.max(0, Math.round(region.left + box.x * region.width));
  const top = Math.max(0, Math.round(region.top + box.y * region.height));
  return {
    x: left,
    y: top,
    width: Math.max(1, Math.min(picture.width - left, Math.round(box.width * region.width))),
    height: Math.max(1, Math.min(picture.height - top, Math.round(box.height * region.height))),
  };
}
