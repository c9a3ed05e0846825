/**
 * Tag colours: the manager's small palette, and the colour a chip is drawn with. A colour set on
 * a branch colours every tag beneath it that has none of its own (the nearest one wins).
 */
import { splitTagPath, tagPathKey } from '../../../shared/tag-path.js';
import type { TreeTag } from './tag-tree.js';

export interface PaletteColour {
  name: string;
  value: string;
}

/** Distinct in light and dark themes, and named, so a colour is never the only cue. */
export const TAG_PALETTE: readonly PaletteColour[] = [
  { name: 'Red', value: '#e5484d' },
  { name: 'Orange', value: '#f76b15' },
  { name: 'Yellow', value: '#e2b714' },
  { name: 'Green', value: '#30a46c' },
  { name: 'Teal', value: '#12a594' },
  { name: 'Blue', value: '#3e63dd' },
  { name: 'Purple', value: '#8e4ec6' },
  { name: 'Pink', value: '#d6409f' },
  { name: 'Grey', value: '#8b8d98' },
];

export function colourName(value: string | null): string {
  if (value === null) return 'None';
  return TAG_PALETTE.find((c) => c.value.toLowerCase() === value.toLowerCase())?.name ?? value;
}

/** Colours by path key (case and Unicode form folded, as tags compare). */
export type ColourIndex = ReadonlyMap<string, string>;

export function colourIndex(tags: readonly TreeTag[]): ColourIndex {
  const index = new Map<string, string>();
  for (const tag of tags) if (tag.colour !== null) index.set(tagPathKey(splitTagPath(tag.path)), tag.colour);
  return index;
}

/** The colour to draw `path` with: its own, else its nearest coloured ancestor's, else null. */
export function chipColour(index: ColourIndex, path: string): string | null {
  if (index.size === 0) return null;
  const levels = splitTagPath(path);
  for (let depth = levels.length; depth > 0; depth -= 1) {
    const colour = index.get(tagPathKey(levels.slice(0, depth)));
    if (colour !== undefined) return colour;
  }
  return null;
}
