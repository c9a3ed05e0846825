import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  placeWindow,
  saveWindowState,
  windowStateFile,
  type Bounds,
  type WindowState,
} from '../../../electron/main/window-state.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

const primary: Bounds = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Bounds = { x: 1920, y: 0, width: 2560, height: 1400 };
const state = (bounds: Bounds, maximized = false): WindowState => ({ bounds, maximized });

describe('reading the saved window state', () => {
  it('accepts a well-formed state', () => {
    const saved = state({ x: 10, y: 20, width: 1000, height: 700 }, true);
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
  });

  it('refuses anything else: not JSON, wrong shape, wrong types, absurd numbers', () => {
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '{"bounds":{"x":0,"y":0,"width":800},"maximized":false}',
      '{"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0.5,"y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":0,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":"yes"}',
      '{"bounds":{"x":1e300,"y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":800,"height":1e9},"maximized":false}',
    ]) {
      expect(parseWindowState(text), text).toBeNull();
    }
  });
});

describe('placing the window', () => {
  it('opens at the default size, centred on the primary display, the first time', () => {
    const placed = placeWindow(null, [primary], primary);
    expect(placed.maximized).toBe(false);
    expect(placed.bounds.width).toBe(DEFAULT_SIZE.width);
    expect(placed.bounds.height).toBe(DEFAULT_SIZE.height);
    expect(placed.bounds.x).toBe((primary.width - DEFAULT_SIZE.width) / 2);
    expect(placed.bounds.y).toBe((primary.height - DEFAULT_SIZE.height) / 2);
  });

  it('comes back where it was, on a second display too', () => {
    const onRight = state({ x: 2100, y: 100, width: 1400, height: 900 }, true);
    expect(placeWindow(onRight, [primary, right], primary)).toEqual(onRight);
  });

  it('is moved back on screen when its display is gone', () => {
    const placed = placeWindow(state({ x: 2100, y: 100, width: 1400, height: 900 }), [primary], primary);
    expect(placed.bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('is clamped to a display that became smaller, keeping its place as far as it fits', () => {
    const small: Bounds = { x: 0, y: 0, width: 1280, height: 720 };
    const placed = placeWindow(state({ x: 600, y: 300, width: 1600, height: 1000 }), [small], small);
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('is pulled in when it hangs off an edge but its title bar is visible', () => {
    const placed = placeWindow(state({ x: 1500, y: 900, width: 1000, height: 700 }), [primary], primary);
    expect(placed.bounds).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
  });

  it('is recentred when only a sliver would show, or the title bar is above the screen', () => {
    const sliver = placeWindow(state({ x: 1900, y: 100, width: 1000, height: 700 }), [primary], primary);
    expect(sliver.bounds.x).toBe(460);
    const above = placeWindow(state({ x: 100, y: -800, width: 1000, height: 700 }), [primary], primary);
    expect(above.bounds.y).toBe(170);
  });

  it('never opens smaller than the minimum size', () => {
    const placed = placeWindow(state({ x: 10, y: 10, width: 100, height: 50 }), [primary], primary);
    expect(placed.bounds.width).toBe(MIN_SIZE.width);
    expect(placed.bounds.height).toBe(MIN_SIZE.height);
  });
});

describe('the state file', () => {
  let dir = '';
  afterEach(() => removeDir(dir));

  it('round-trips through userData and ignores a corrupt file', () => {
    dir = makeTempDir('folio-window-');
    const file = windowStateFile(path.join(dir, 'userData'));
    expect(loadWindowState(file)).toBeNull();
    const saved = state({ x: 5, y: 6, width: 900, height: 600 }, false);
    saveWindowState(file, saved);
    expect(loadWindowState(file)).toEqual(saved);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['window-state.json']);
    fs.writeFileSync(file, '{"bounds":');
    expect(loadWindowState(file)).toBeNull();
  });
});
