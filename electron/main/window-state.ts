import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 760, height: 480 } as const;
/** How much of the window must lie on a display to count as visible (a grabbable title bar). */
const MIN_VISIBLE = { width: 160, height: 60 } as const;

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Length = z.number().int().min(1).max(100_000);
const WindowStateSchema = z.object({
  bounds: z.object({ x: Coordinate, y: Coordinate, width: Length, height: Length }),
  maximized: z.boolean(),
});

/** The saved state, or null when the file is missing, unreadable, not JSON or not the right shape. */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = WindowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function centred(size: { width: number; height: number }, area: Bounds): Bounds {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window. The saved bounds are used if their top part lies on one of the
 * current displays' work areas (a monitor unplugged since, or a resolution lowered, would
 * otherwise open the window off-screen); the size is clamped to that display. Otherwise the
 * saved (or default) size, centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Bounds[], primary: Bounds): WindowState {
  const wanted = saved?.bounds ?? { x: primary.x, y: primary.y, ...DEFAULT_SIZE };
  const size = { width: Math.max(MIN_SIZE.width, wanted.width), height: Math.max(MIN_SIZE.height, wanted.height) };
  if (saved !== null) {
    const titleBar: Bounds = { x: wanted.x, y: wanted.y, width: wanted.width, height: Math.min(wanted.height, MIN_VISIBLE.height) };
    for (const area of workAreas) {
      const seen = overlap(titleBar, area);
      if (seen.width >= Math.min(MIN_VISIBLE.width, wanted.width) && seen.height >= Math.min(MIN_VISIBLE.height, wanted.height)) {
        const width = Math.min(size.width, area.width);
        const height = Math.min(size.height, area.height);
        // Pull the window back inside the display it is on, keeping as much of its position as fits.
        const x = Math.min(Math.max(wanted.x, area.x), area.x + area.width - width);
        const y = Math.min(Math.max(wanted.y, area.y), area.y + area.height - height);
        return { bounds: { x, y, width, height }, maximized: saved.maximized };
      }
    }
  }
  return { bounds: centred(size, primary), maximized: saved?.maximized ?? false };
}

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written to a temp file and renamed, so a crash mid-write never leaves half a JSON behind. */
export function saveWindowState(file: string, state: WindowState): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, JSON.stringify(state));
    fs.renameSync(temp, file);
  } catch (error) {
    // Losing the window position is not worth interrupting the user for.
    console.warn('folio: could not save the window position', error);
    fs.rmSync(temp, { force: true });
  }
}
