/**
 * The status bar during an import: the progress bar counts up, Cancel stops the import, and
 * importing the folder again finishes it without duplicates. The folder holds enough large
 * photos (distinct copies of a 2 MB camera JPEG) for the import to take a few seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR, startFolioServer, type FolioServer } from './support/folio-server.js';
import { openFolio, screenshot, sidebar } from './support/ui.js';

const COPIES = 60;
let server: FolioServer;
let bigFolder: string;

test.beforeAll(async () => {
  server = await startFolioServer({ withPhotos: false });
  bigFolder = path.join(path.dirname(server.photosDir), 'big-photos');
  fs.mkdirSync(bigFolder, { recursive: true });
  const jpeg = fs.readFileSync(path.join(CORPUS_DIR, 'jpg', 'mobile', 'HMD_Nokia_8.3_5G.jpg'));
  for (let i = 0; i < COPIES; i += 1) {
    // Bytes after the JPEG's end marker are ignored by decoders but give each copy its own md5,
    // so every file is really decoded and thumbnailed.
    fs.writeFileSync(path.join(bigFolder, `nokia-${String(i).padStart(3, '0')}.jpg`), Buffer.concat([jpeg, Buffer.from(`copy ${i}`)]));
  }
});

test.afterAll(async () => {
  await server?.stop();
});

test('import progress, cancel, and resume without duplicates', async ({ page }) => {
  await openFolio(page, server.url);
  await page.getByRole('textbox', { name: 'Folder to import' }).fill(bigFolder);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const progress = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Importing: \d+ of \d+\+? files/ })).toBeVisible();
  await screenshot(page, 'import-progress');
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Import cancelled after \d+ of \d+/ })).toBeVisible();
  await expect(progress).toBeHidden();
  const partial = await page.getByRole('gridcell').count();
  expect(partial).toBeLessThan(COPIES);

  await page.getByRole('textbox', { name: 'Folder to import' }).fill(bigFolder);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: 90_000 });
  await expect(sidebar(page).getByRole('button', { name: /^All media/ })).toContainText(String(COPIES));
  await expect(page.getByText(`${COPIES} items`).first()).toBeVisible();
});
