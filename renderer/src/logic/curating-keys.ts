/**
 * The curating keys, as in Lightroom's Library: 0–5 rate, 6–9 set the red, yellow, green and
 * blue labels, P picks, X rejects, U unflags. Plain keys only: with Ctrl, Cmd or Alt they are
 * someone else's shortcut (Ctrl+1 is a browser tab).
 */
import type { MediaFlag, MediaLabel } from '../../../shared/media.js';

export interface CuratingChange {
  rating?: number;
  label?: MediaLabel;
  flag?: MediaFlag;
}

const LABEL_KEYS: Readonly<Record<string, MediaLabel>> = { '6': 'red', '7': 'yellow', '8': 'green', '9': 'blue' };
const FLAG_KEYS: Readonly<Record<string, MediaFlag>> = { p: 'pick', x: 'reject', u: 'none' };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The change a key press asks for, or null when it is not a curating key. */
export function curatingForKey(press: KeyPress): CuratingChange | null {
  if (press.ctrlKey === true || press.metaKey === true || press.altKey === true) return null;
  const key = press.key.toLowerCase();
  if (/^[0-5]$/.test(key)) return { rating: Number(key) };
  const label = LABEL_KEYS[key];
  if (label !== undefined) return { label };
  const flag = FLAG_KEYS[key];
  if (flag !== undefined) return { flag };
  return null;
}

/** Words for a change, for the undo history and the notice ("Rate 4 stars"). */
export function describeCuratingChange(change: CuratingChange): string {
  const parts: string[] = [];
  if (change.rating !== undefined) parts.push(change.rating === 0 ? 'Clear rating' : `Rate ${change.rating} ${change.rating === 1 ? 'star' : 'stars'}`);
  if (change.label !== undefined) parts.push(change.label === 'none' ? 'Clear label' : `Label ${change.label}`);
  if (change.flag !== undefined) parts.push(change.flag === 'none' ? 'Unflag' : change.flag === 'pick' ? 'Pick' : 'Reject');
  return parts.join(', ');
}

/** Every shortcut of the app, for the help overlay (`?`). */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: '0 – 5', does: 'Rate the selection (0 clears the rating)' },
  { keys: '6 7 8 9', does: 'Label red, yellow, green, blue (purple and none in the details panel)' },
  { keys: 'P / X / U', does: 'Pick, reject, unflag' },
  { keys: 'T', does: 'Edit the tags of the selection' },
  { keys: 'Ctrl/Cmd + F', does: 'Search' },
  { keys: 'Arrows, Home, End, Page Up/Down', does: 'Move in the gallery (Shift extends the selection)' },
  { keys: 'Ctrl/Cmd + A', does: 'Select all' },
  { keys: 'Ctrl/Cmd + Space', does: 'Toggle the focused item' },
  { keys: 'Enter or Space', does: 'Open the preview' },
  { keys: 'Escape', does: 'Clear the selection, close the preview or a dialog' },
  { keys: 'Delete', does: 'Move the selection to the trash' },
  { keys: 'F2', does: 'Rename' },
  { keys: 'Ctrl/Cmd + Z', does: 'Undo' },
  { keys: 'Ctrl/Cmd + Shift + Z, Ctrl + Y', does: 'Redo' },
  { keys: '?', does: 'This list' },
  { keys: 'B (in the preview)', does: 'Show or hide the boxes of what was found in the picture' },
];
