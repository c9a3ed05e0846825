/**
 * The gallery on a library too tall for the browser: 200,000 generated items at the largest
 * tile size need more than Chromium's 33,554,432 px of layout. End shows the last item, and the
 * scrubber takes the grid to the month it is dragged to.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { contentHeight, gridLayout, MAX_TILE } from '../../renderer/src/logic/grid-math.js';
import { bucketAt, bucketLabel, bucketStarts, indexAtFraction } from '../../renderer/src/logic/scrubber-marks.js';
import type { SortBuckets } from '../../shared/sort-buckets.js';
import { CORPUS_DIR, rpc, startFolioServer, type FolioServer } from './support/folio-server.js';
import { buildLargeLibrary } from './support/large-library.js';
import { cell, focusGallery, gallery, openFolio, screenshot } from './support/ui.js';

const ITEMS = 200_000;
const CHROMIUM_LAYOUT_LIMIT = 33_554_432;
const SORT = { field: 'takenAt', direction: 'desc' } as const;

let server: FolioServer;
let root: string;
let ids: number[];

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-large-'));
  const libraryDir = path.join(root, 'library');
  await buildLargeLibrary(libraryDir, { items: ITEMS, tags: 20, photos: [path.join(CORPUS_DIR, 'jpg', 'Canon_40D.jpg')] });
  server = await startFolioServer({ libraryDir, withPhotos: false });
  ids = (await rpc<{ ids: number[] }>(server, 'media.listIds', { sort: SORT })).ids;
});

test.afterAll(async () => {
  await server?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

async function nameOf(id: number): Promise<string> {
  return (await rpc<{ name: string }>(server, 'media.get', { id })).name;
}

async function largestTiles(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Thumbnail size' }).fill(String(MAX_TILE));
  const width = await gallery(page).evaluate((element) => element.clientWidth);
  const layout = gridLayout(width, MAX_TILE, ITEMS);
  await expect(gallery(page)).toHaveAttribute('aria-colcount', String(layout.columns));
  // The point of the test: this grid is taller than the browser lays out.
  expect(contentHeight(layout)).toBeGreaterThan(CHROMIUM_LAYOUT_LIMIT);
}

test('End at the largest tile size shows the last item of 200,000, and Shift+End selects them all', async ({ page }) => {
  await openFolio(page, server.url);
  await expect(gallery(page)).toHaveAttribute('aria-rowcount', /\d+/);
  await largestTiles(page);
  await focusGallery(page);
  await page.keyboard.press('End');
  const last = cell(page, await nameOf(ids[ids.length - 1] as number));
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'large-library-end');
  // and back: Home shows the first; Shift+End then selects every item, across the whole grid.
  await page.keyboard.press('Home');
  await expect(cell(page, await nameOf(ids[0] as number))).toBeInViewport();
  await page.keyboard.press('Shift+End');
  await expect(last).toBeInViewport();
  await expect(page.getByRole('main', { name: 'Gallery' })).toContainText(`${ITEMS.toLocaleString('en-US')} selected`);
});

test('dragging the scrubber to a month shows that month’s items', async ({ page }) => {
  await openFolio(page, server.url);
  await largestTiles(page);
  const buckets = await rpc<SortBuckets>(server, 'media.sortBuckets', { sort: SORT });
  expect(buckets.kind).toBe('month');
  expect(buckets.total).toBe(ids.length);
  const starts = bucketStarts(buckets.buckets);
  const scrubber = page.getByRole('slider', { name: 'Jump through the items by date' });
  const bar = await scrubber.boundingBox();
  if (!bar) throw new Error('the scrubber is not on screen');
  // A month about a third of the way down: the pointer goes to a whole pixel inside its stretch
  // of the bar, and the month expected is the one at that pixel's share of the items.
  const x = bar.x + bar.width / 2;
  const y = Math.round(bar.y + bar.height / 3);
  const landed = indexAtFraction((y - bar.y) / bar.height, buckets.total);
  const target = bucketAt(starts, landed);
  const label = bucketLabel('month', (buckets.buckets[target] as { key: string }).key, 'en-US');
  await page.mouse.move(x, bar.y + 5);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 10 });
  // While dragging, the month under the pointer is named beside it.
  await expect(page.getByText(label, { exact: true })).toBeVisible();
  await screenshot(page, 'large-library-scrubber-drag');
  await page.mouse.up();

  await expect(cell(page, await nameOf(ids[landed] as number))).toBeInViewport();
  await expect(scrubber).toHaveAttribute('aria-valuetext', label);
  // The tiles in the grid's top row are that month's.
  const topRow = await gallery(page).evaluate((grid) => {
    const top = grid.getBoundingClientRect().top;
    return [...grid.querySelectorAll('[role="gridcell"]')]
      .filter((tile) => Math.abs(tile.getBoundingClientRect().top - top) < 40)
      .map((tile) => Number(tile.id.replace('tile-', '')));
  });
  expect(topRow.length).toBeGreaterThan(0);
  for (const id of topRow) expect(bucketAt(starts, ids.indexOf(id))).toBe(target);
});

test('Ctrl+A on 200,000 items and a tag typed in the panel tags every one of them, without the page holding their ids', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/rpc/')) calls.push(url.pathname.slice('/rpc/'.length));
  });
  await openFolio(page, server.url);
  await expect(gallery(page)).toHaveAttribute('aria-rowcount', /\d+/);
  await focusGallery(page);
  await page.keyboard.press('Control+a');
  const panel = page.getByRole('complementary', { name: 'Details' });
  await expect(panel.getByRole('heading', { name: `${ITEMS.toLocaleString('en-US')} items selected` })).toBeVisible();
  await expect(page.getByRole('main', { name: 'Gallery' })).toContainText(`${ITEMS.toLocaleString('en-US')} selected`);
  // The page read windows of the view, never the whole id list.
  expect(calls).toContain('media.listIdsWindow');
  expect(calls).not.toContain('media.listIds');

  const input = panel.getByRole('combobox', { name: `Add a tag to all ${ITEMS.toLocaleString('en-US')} items` });
  await input.fill('every-one');
  await input.press('Enter');
  await expect(panel.getByText('Added: “every-one”')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'large-library-select-all-tagged');

  const tagged = await rpc<{ total: number }>(server, 'media.listIdsWindow', { filter: { tagsAll: ['every-one'] }, sort: SORT, offset: 0, limit: 1 });
  expect(tagged.total).toBe(ITEMS);
  // The sidebar's count follows.
  await expect(page.getByRole('navigation', { name: 'Library' }).getByText('every-one')).toBeVisible();
});
