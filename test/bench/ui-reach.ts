/**
 * The UI benchmark's reach checks on a large library: at the smallest, default and largest tile
 * sizes, End must show the last item and a click at 50 % of the scrubber the item in the middle
 * of the order, however tall the grid is against the browser's layout limit. Prints what it saw
 * and how long it took (not a test: the e2e test holds the behaviour).
 */
import type { Page } from '@playwright/test';
import { MAX_TILE, MIN_TILE, contentHeight, gridLayout } from '../../renderer/src/logic/grid-math.js';
import { DEFAULT_TILE_SIZE } from '../../renderer/src/store/gallery-slice.js';

const CHROMIUM_LAYOUT_LIMIT = 33_554_432;

interface Box {
  top: number;
  bottom: number;
}
interface ProbeGlobals {
  document: {
    getElementById(id: string): { getBoundingClientRect(): Box } | null;
    querySelector(selector: string): { getBoundingClientRect(): Box; clientWidth: number; scrollHeight: number } | null;
  };
}

/** Milliseconds until tile `id` is wholly inside the grid's viewport, or null if it never is. */
async function timeUntilShown(page: Page, id: number, started: number): Promise<number | null> {
  try {
    await page.waitForFunction(
      (tileId) => {
        const { document } = globalThis as unknown as ProbeGlobals;
        const tile = document.getElementById(`tile-${tileId}`)?.getBoundingClientRect();
        const grid = document.querySelector('[role="grid"]')?.getBoundingClientRect();
        return tile !== undefined && grid !== undefined && tile.top >= grid.top - 1 && tile.bottom <= grid.bottom + 1;
      },
      id,
      { polling: 'raf', timeout: 10_000 },
    );
    return performance.now() - started;
  } catch {
    return null;
  }
}

const shown = (value: number | null): string => (value === null ? 'NOT SHOWN within 10 s' : `shown after ${value.toFixed(0)} ms`);

/** `ids` needs its length and the ids at the first, middle and last positions only. */
export async function measureReach(page: Page, ids: ArrayLike<number>): Promise<void> {
  const middle = Math.floor(ids.length / 2);
  const sizes: [string, number][] = [
    ['smallest', MIN_TILE],
    ['default', DEFAULT_TILE_SIZE],
    ['largest', MAX_TILE],
  ];
  console.log(`\nreach, ${ids.length.toLocaleString()} items (Chromium lays out at most ${(CHROMIUM_LAYOUT_LIMIT / 1e6).toFixed(1)} M px):`);
  for (const [label, size] of sizes) {
    await page.getByRole('slider', { name: 'Thumbnail size' }).fill(String(size));
    const grid = page.getByRole('grid', { name: 'Media' });
    const width = await grid.evaluate((element) => (element as unknown as { clientWidth: number }).clientWidth);
    const layout = gridLayout(width, size, ids.length);
    await page.waitForFunction((columns) => {
      const { document } = globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
      return document.querySelector('[role="grid"]')?.getAttribute('aria-colcount') === String(columns);
    }, layout.columns);
    const scroller = await grid.evaluate((element) => (element as unknown as { scrollHeight: number }).scrollHeight);
    await grid.focus();
    let started = performance.now();
    await page.keyboard.press('End');
    const end = await timeUntilShown(page, ids[ids.length - 1] as number, started);
    await page.keyboard.press('Home');
    await timeUntilShown(page, ids[0] as number, performance.now());
    const bar = await page.getByRole('slider', { name: /^Jump through the items/ }).boundingBox();
    let half: number | null = null;
    if (bar) {
      started = performance.now();
      await page.mouse.click(bar.x + bar.width / 2, bar.y + bar.height / 2);
      half = await timeUntilShown(page, ids[middle] as number, started);
    }
    const valueText = await page.getByRole('slider', { name: /^Jump through the items/ }).getAttribute('aria-valuetext');
    console.log(
      `  ${label} tiles (${size} px: ${layout.columns} columns, ${layout.rows.toLocaleString()} rows, grid ${(contentHeight(layout) / 1e6).toFixed(1)} M px in a ${(scroller / 1e6).toFixed(1)} M px scroller):`,
    );
    console.log(`    End → last item ${shown(end)}; 50 % of the scrubber → middle item (#${(middle + 1).toLocaleString()}) ${bar ? shown(half) : 'NO SCRUBBER'}, at “${valueText}”`);
  }
  await page.getByRole('slider', { name: 'Thumbnail size' }).fill(String(DEFAULT_TILE_SIZE));
  // The pointer leaves the scrubber, as it was before (the scrolls after this measure no hover).
  await page.mouse.move(1, 1);
  // Home in the grid, not on the slider (where it would pick the smallest size).
  await page.getByRole('grid', { name: 'Media' }).focus();
  await page.keyboard.press('Home');
}

/** The server process's resident memory now and at its peak (Linux /proc). */
export async function serverMemory(pid: number | undefined): Promise<string> {
  if (pid === undefined) return 'unknown';
  const fs = await import('node:fs');
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    // Anonymous memory is the process's own (heaps, SQLite's caches, the count thread's columns);
    // file memory is the library file's pages mapped by its connections.
    return `${field('VmRSS').toFixed(0)} MB resident (peak ${field('VmHWM').toFixed(0)} MB; anonymous ${field('RssAnon').toFixed(0)} MB, mapped file ${field('RssFile').toFixed(0)} MB)`;
  } catch {
    return 'unknown';
  }
}
