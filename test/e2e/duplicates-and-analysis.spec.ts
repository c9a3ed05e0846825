/**
 * The duplicates view keeps the best of a photo and its resized copy (the copy goes to Folio's
 * trash, undoably, the files stay); the background analysis shows its progress in the status
 * bar apart from imports, pauses and resumes; the preview draws what it found with its box.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR, rpc, serverForFile, type FolioServer } from './support/folio-server.js';
import { cell, openFolio, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { withPhotos: false });

/** A hillside photo and its copy at half size; a bus, a car, a dog; imported without the UI. */
async function importOwnPhotos(folio: FolioServer): Promise<string> {
  const folder = path.join(path.dirname(folio.libraryDir), 'own-photos');
  fs.mkdirSync(folder, { recursive: true });
  const hillside = path.join(CORPUS_DIR, 'jpg/gps/DSCN0010.jpg');
  fs.copyFileSync(hillside, path.join(folder, 'hillside.jpg'));
  await sharp(hillside).resize(320).jpeg({ quality: 85 }).toFile(path.join(folder, 'hillside-small.jpg'));
  for (const [name, source] of [
    ['bus.jpg', 'jpg/Nikon_COOLPIX_P1.jpg'],
    ['car.jpg', 'jpg/tests/45-gps_ifd.jpg'],
    ['dog.jpg', 'jpg/exif-org/fujifilm-finepix40i.jpg'],
    ['park.jpg', 'jpg/gps/DSCN0012.jpg'],
  ] as const) {
    fs.copyFileSync(path.join(CORPUS_DIR, source), path.join(folder, name));
  }
  for (const name of fs.readdirSync(folder)) fs.chmodSync(path.join(folder, name), 0o644);
  await rpc(folio, 'import.start', { path: folder });
  await expect.poll(async () => (await rpc<{ state: string } | null>(folio, 'import.status'))?.state, { timeout: 90_000 }).toBe('done');
  return folder;
}

test.beforeAll(async () => {
  await importOwnPhotos(server());
});

test('the duplicates view keeps the best of a photo and its resized copy, undoably', async ({ page }) => {
  await openFolio(page, server().url);
  await sidebar(page).getByRole('button', { name: 'Duplicates…' }).click();
  const view = page.getByRole('dialog', { name: 'Duplicates' });
  await expect(view.getByRole('status', { name: 'Duplicates found' })).toHaveText('1 group');
  const group = view.getByRole('region', { name: /Look alike \(2\)/ });
  // Side by side, the larger first, with their dimensions and sizes.
  const members = group.getByRole('listitem');
  await expect(members).toHaveCount(2);
  await expect(members.nth(0)).toHaveAccessibleName(/^hillside\.jpg: 640 × 480, .+ KB, the best$/);
  await expect(members.nth(1)).toHaveAccessibleName(/^hillside-small\.jpg: 320 × 240, .+ KB$/);
  await screenshot(page, 'duplicates-view');

  await group.getByRole('button', { name: 'Keep the best of group 1, move the others to the trash' }).click();
  await expect(view.getByRole('status', { name: 'Duplicates found' })).toHaveText('No duplicates found.');
  const trashed = await rpc<{ items: { name: string }[] }>(server(), 'media.list', { filter: { status: 'deleted' } });
  expect(trashed.items.map((item) => item.name)).toEqual(['hillside-small.jpg']);
  expect(fs.existsSync(path.join(path.dirname(server().libraryDir), 'own-photos', 'hillside-small.jpg'))).toBe(true);

  await view.getByRole('button', { name: 'Undo' }).click();
  await expect(view.getByRole('status', { name: 'Duplicates found' })).toHaveText('1 group');
  const back = await rpc<{ items: unknown[] }>(server(), 'media.list', { filter: { status: 'deleted' } });
  expect(back.items).toEqual([]);
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toBeHidden();
});

test('the background analysis shows its progress in the status bar, pauses and resumes; the preview draws its boxes', async ({ page }) => {
  await openFolio(page, server().url);
  const analysis = sidebar(page).getByRole('group', { name: 'Analysis' });
  await expect(analysis.getByRole('checkbox', { name: 'Analyse new items automatically' })).not.toBeChecked();
  await analysis.getByRole('button', { name: 'Analyse the whole library' }).click();
  const progress = page.getByRole('group', { name: 'Background analysis' });
  await expect(progress.getByRole('status')).toHaveText(/^Analysing: \d of 6 items$/);
  await expect(progress.getByRole('progressbar', { name: 'Analysis progress' })).toBeVisible();
  await screenshot(page, 'analysis-progress');
  await progress.getByRole('button', { name: 'Pause analysis' }).click();
  await expect(progress.getByRole('status')).toHaveText(/^Analysis paused: \d of 6 items$/);
  await progress.getByRole('button', { name: 'Resume analysis' }).click();
  await expect(progress.getByRole('status')).toHaveText('Analysis done: 6 of 6 items', { timeout: 90_000 });

  // The bus was found, with its box drawn over the preview and said in words.
  await cell(page, 'bus.jpg').dblclick();
  const preview = page.getByRole('dialog', { name: 'bus.jpg' });
  await expect(preview.getByRole('button', { name: /^Boxes \(\d+\)$/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(preview.getByRole('list', { name: 'Found in the picture' })).toContainText(/bus, \d+% \(objects\)/);
  await screenshot(page, 'preview-boxes');
  await page.keyboard.press('b');
  await expect(preview.getByRole('button', { name: /^Boxes/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(preview.getByRole('list', { name: 'Found in the picture' })).toBeHidden();
});
