/**
 * Tags estimated from pixels. Each confidence is the measured share of pixels that support the
 * tag ("blue" 0.42: 42% of the visible pixels are blue), never a made-up constant; a tag is
 * only suggested once its share makes it a fair description of the picture.
 */
import type { ExtensionSubject, SuggestedTag } from '../types.js';
import type { PixelStats } from './pixel-stats.js';

const MIN_COLOUR_SHARE = 0.12;
const MAX_COLOURS = 3;
/** A picture is black-and-white when (nearly) every lit pixel is without colour… */
const MIN_NEUTRAL_SHARE = 0.97;
/** …and enough of it is lit to tell: an almost black frame has no colour to lose. */
const MIN_LIT_SHARE = 0.3;
const MIN_TONE_SHARE = 0.6;
/** Graphics and screen captures are mostly flat areas of one colour; photos have noise and gradients. */
const MIN_FLAT_SHARE = 0.6;
/** Screens are at least this wide; a flat picture smaller than that is an icon or a logo. */
const MIN_SCREEN_EDGE = 600;
/** Ignore the odd soft edge: some real transparency must be there. */
const MIN_TRANSLUCENT_SHARE = 0.005;

export function round(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000;
}

export function pixelTags(stats: PixelStats, subject: ExtensionSubject): SuggestedTag[] {
  const tags: SuggestedTag[] = [];
  const colours = [...stats.colourShares]
    .filter(([, share]) => share >= MIN_COLOUR_SHARE)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_COLOURS);
  for (const [name, share] of colours) tags.push({ name, confidence: round(share) });
  if (stats.litShare >= MIN_LIT_SHARE && stats.neutralShare >= MIN_NEUTRAL_SHARE) tags.push({ name: 'black and white', confidence: round(stats.neutralShare) });
  if (stats.darkShare >= MIN_TONE_SHARE) tags.push({ name: 'dark', confidence: round(stats.darkShare) });
  if (stats.brightShare >= MIN_TONE_SHARE) tags.push({ name: 'bright', confidence: round(stats.brightShare) });
  // Transparency is read off the alpha channel, not estimated: when present it is a fact.
  if (stats.translucentShare >= MIN_TRANSLUCENT_SHARE) tags.push({ name: 'transparent', confidence: 1 });
  const fromCamera = subject.cameraMake !== null || subject.cameraModel !== null;
  if (subject.type === 'image' && !fromCamera && stats.flatShare >= MIN_FLAT_SHARE) {
    tags.push({ name: 'graphic', confidence: round(stats.flatShare) });
    // A screenshot is a flat, opaque picture of a screen's size.
    const longEdge = Math.max(subject.width ?? 0, subject.height ?? 0);
    if (stats.translucentShare < MIN_TRANSLUCENT_SHARE && longEdge >= MIN_SCREEN_EDGE) {
      tags.push({ name: 'screenshot', confidence: round(stats.flatShare) });
    }
  }
  return tags;
}
