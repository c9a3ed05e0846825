/**
 * Detections of every tile → one tag per label: the best score found anywhere in the picture
 * is the label's confidence, and its box (in pixels of the upright original) is kept. Scores
 * are rounded to 3 places so that the same file gives the same tags on every run and machine.
 */
import type { SuggestedTag } from '../types.js';
import type { Detection } from './detector-types.js';
import { boxInContent, boxInPicture, type ModelInput } from './model-input.js';

export function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

export function detectionsToTags(perTile: readonly (readonly Detection[])[], input: ModelInput): SuggestedTag[] {
  const best = new Map<string, SuggestedTag>();
  perTile.forEach((detections, index) => {
    const tile = input.tiles[index];
    if (!tile) return;
    for (const detection of detections) {
      const confidence = roundScore(detection.score);
      const previous = best.get(detection.label);
      if (previous && previous.confidence >= confidence) continue;
      best.set(detection.label, { name: detection.label, confidence, box: boxInPicture(boxInContent(detection.box, tile.content), tile.region, input) });
    }
  });
  return [...best.values()].sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
}
