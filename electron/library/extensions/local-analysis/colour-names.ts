/**
 * A pixel's colour as a person would name it. Hue decides among the chromatic names; pixels
 * with little chroma are black, grey or white by lightness; dark oranges are brown (brown is
 * dark orange, not a hue of its own) and light reds are pink.
 */
export const COLOUR_NAMES = [
  'red', 'orange', 'yellow', 'green', 'cyan', 'blue', 'purple', 'pink', 'brown', 'black', 'white', 'grey',
] as const;
export type ColourName = (typeof COLOUR_NAMES)[number];

/** Chroma (max − min of r, g, b) at or below this reads as neutral (black, grey, white). */
export const NEUTRAL_CHROMA = 24;

export function colourName(r: number, g: number, b: number): ColourName {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const chroma = max - min;
  const lightness = (max + min) / 510;
  if (lightness < 0.1) return 'black';
  if (chroma <= NEUTRAL_CHROMA) {
    if (lightness > 0.85) return 'white';
    if (lightness < 0.2) return 'black';
    return 'grey';
  }
  const hue = hueDegrees(r, g, b, max, chroma);
  if (hue < 15 || hue >= 345) return lightness > 0.7 ? 'pink' : 'red';
  if (hue < 45) return lightness < 0.4 ? 'brown' : 'orange';
  if (hue < 70) return lightness < 0.3 ? 'brown' : 'yellow';
  if (hue < 165) return 'green';
  if (hue < 195) return 'cyan';
  if (hue < 255) return 'blue';
  if (hue < 290) return 'purple';
  return 'pink';
}

function hueDegrees(r: number, g: number, b: number, max: number, chroma: number): number {
  let sector: number;
  if (max === r) sector = ((g - b) / chroma + 6) % 6;
  else if (max === g) sector = (b - r) / chroma + 2;
  else sector = (r - g) / chroma + 4;
  return sector * 60;
}
