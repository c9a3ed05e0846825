/**
 * Measurements over an RGBA image (a thumbnail: a few thousand pixels), each a share of the
 * pixels, so the tags built from them carry a measured fraction as their confidence.
 */
import { COLOUR_NAMES, colourName, NEUTRAL_CHROMA, type ColourName } from './colour-names.js';

export interface RgbaImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface PixelStats {
  /** Share of the visible pixels named each colour. */
  colourShares: Map<ColourName, number>;
  /**
   * Share of the lit pixels (luma ≥ 40) without colour (chroma at most NEUTRAL_CHROMA). Near
   * black pixels have little chroma whatever their hue, so they say nothing about colour.
   */
  neutralShare: number;
  /** Share of visible pixels that are lit, i.e. that neutralShare is measured on. */
  litShare: number;
  /** Share of visible pixels with luma below 60 / above 195 (of 255). */
  darkShare: number;
  brightShare: number;
  /** Share of all pixels that are not fully opaque. */
  translucentShare: number;
  /** Share of horizontally adjacent pixel pairs that are the same colour (±2): flat UI areas. */
  flatShare: number;
}

const VISIBLE_ALPHA = 128;
const FLAT_TOLERANCE = 2;
const LIT_LUMA = 40;

export function measurePixels(image: RgbaImage): PixelStats {
  const { data, width, height } = image;
  const counts = new Map<ColourName, number>(COLOUR_NAMES.map((name) => [name, 0]));
  let visible = 0;
  let neutral = 0;
  let lit = 0;
  let dark = 0;
  let bright = 0;
  let translucent = 0;
  let flatPairs = 0;
  let pairs = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const r = data[i] as number;
      const g = data[i + 1] as number;
      const b = data[i + 2] as number;
      const a = data[i + 3] as number;
      if (a < 255) translucent += 1;
      if (x + 1 < width) {
        pairs += 1;
        if (
          Math.abs(r - (data[i + 4] as number)) <= FLAT_TOLERANCE &&
          Math.abs(g - (data[i + 5] as number)) <= FLAT_TOLERANCE &&
          Math.abs(b - (data[i + 6] as number)) <= FLAT_TOLERANCE &&
          Math.abs(a - (data[i + 7] as number)) <= FLAT_TOLERANCE
        ) {
          flatPairs += 1;
        }
      }
      if (a < VISIBLE_ALPHA) continue;
      visible += 1;
      const name = colourName(r, g, b);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      if (luma >= LIT_LUMA) {
        lit += 1;
        if (Math.max(r, g, b) - Math.min(r, g, b) <= NEUTRAL_CHROMA) neutral += 1;
      }
      if (luma < 60) dark += 1;
      else if (luma > 195) bright += 1;
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    colourShares: new Map([...counts].map(([name, n]) => [name, share(n, visible)])),
    neutralShare: share(neutral, lit),
    litShare: share(lit, visible),
    darkShare: share(dark, visible),
    brightShare: share(bright, visible),
    translucentShare: share(translucent, width * height),
    flatShare: share(flatPairs, pairs),
  };
}
