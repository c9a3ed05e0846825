/**
 * Phone photos in the browser: a HEVC HEIC gets a real thumbnail, and an Apple edit stacked
 * with its original shows as one tile with a count, expanded in the details panel, where the
 * cover is chosen and the stack taken apart; "Stack 2 items" stacks by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR, serverForFile } from './support/folio-server.js';
import { cell, expectThumbnail, gallery, importFolder, openFolio, panel, screenshot } from './support/ui.js';

const server = serverForFile(test, { withPhotos: false });

test('a HEIC thumbnail, a stack as one tile, its cover and unstacking', async ({ page }) => {
  const photos = server().photosDir;
  fs.mkdirSync(photos, { recursive: true });
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg', 'Canon_40D.jpg'), path.join(photos, 'IMG_1234.JPG'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg', 'Nikon_D70.jpg'), path.join(photos, 'IMG_E1234.JPG'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'heic', 'samplefilehub.heif'), path.join(photos, 'IMG_5000.HEIC'));
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg', 'Pentax_K10D.jpg'), path.join(photos, 'holiday.jpg'));

  await openFolio(page, server().url);
  await importFolder(page, photos, 4);
  await expect(gallery(page)).toBeVisible();

  await test.step('the HEIC has a thumbnail; the edit and its original are one tile', async () => {
    await expectThumbnail(cell(page, 'IMG_5000.HEIC'));
    await expect(page.getByRole('gridcell')).toHaveCount(3);
    await expect(cell(page, 'IMG_E1234.JPG (stack of 2)')).toBeVisible();
    await screenshot(page, 'gallery-stack');
  });

  await test.step('the panel lists the versions; another one becomes the cover', async () => {
    await cell(page, 'IMG_E1234.JPG (stack of 2)').click();
    const versions = panel(page).getByRole('list', { name: 'Versions in this stack' });
    await expect(versions.getByRole('listitem')).toHaveCount(2);
    await panel(page).getByRole('button', { name: 'Make IMG_1234.JPG the cover' }).click();
    await expect(cell(page, 'IMG_1234.JPG (stack of 2)')).toBeVisible();
    await expect(page.getByRole('gridcell')).toHaveCount(3);
  });

  await test.step('unstack shows both files again, and two selected items stack by hand', async () => {
    await cell(page, 'IMG_1234.JPG (stack of 2)').click();
    await panel(page).getByRole('button', { name: 'Unstack' }).click();
    await expect(page.getByRole('gridcell')).toHaveCount(4);
    await expect(cell(page, 'IMG_1234.JPG')).toBeVisible();
    await expect(cell(page, 'IMG_E1234.JPG')).toBeVisible();
    await cell(page, 'holiday.jpg').click();
    await cell(page, 'IMG_5000.HEIC').click({ modifiers: ['Control'] });
    await panel(page).getByRole('button', { name: 'Stack 2 items' }).click();
    await expect(page.getByRole('gridcell')).toHaveCount(3);
    // The cover is the first of the selection in gallery order.
    await expect(page.getByRole('gridcell', { name: /^(holiday\.jpg|IMG_5000\.HEIC) \(stack of 2\)$/ })).toHaveCount(1);
  });
});
