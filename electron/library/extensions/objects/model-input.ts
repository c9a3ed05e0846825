/**
 * Turns an original picture into the detector's square inputs. A picture up to STRETCH_RATIO
 * long-to-short (4:3, 3:2, 16:9) is decoded straight into one stretched square, upright, as the
 * model's authors feed it (libvips shrinks JPEGs while decoding, so a 24 MP photo costs a few
 * tens of ms). A panorama is decoded once with its short edge at the input size and cut along
 * its long edge into overlapping tiles, so a person at one end is not squeezed to a sliver.
 */
import sharp, { type Metadata } from 'sharp';
import type { AiTagBox } from '../../../../shared/media.js';
import type { ExtensionEnv } from '../types.js';
import type { UnitBox } from './centernet-detector.js';

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
  tiles: { rgb: Uint8Array; region: PixelRect }[];
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
    const rgb = await decoder().resize(inputSize, inputSize, { fit: 'fill' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
    return { width, height, tiles: [{ rgb, region: { left: 0, top: 0, width, height } }] };
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
    const rgb = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
      .extract(extract)
      .resize(inputSize, inputSize, { fit: 'fill' })
      .raw()
      .toBuffer();
    tiles.push({
      rgb,
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
