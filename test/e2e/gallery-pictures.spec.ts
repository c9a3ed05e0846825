/**
 * A tile shows its picture once the browser has loaded it (hooks/use-loaded-picture.ts), and a
 * picture that cannot be loaded leaves the tile with "No preview", not an empty box.
 */
import { expect, test } from '@playwright/test';
import { serverForFile } from './support/folio-server.js';
import { cell, expectThumbnail, importFolder, openFolio } from './support/ui.js';

const server = serverForFile(test);

test('tiles show their loaded pictures, and a picture that fails to load says so', async ({ page }) => {
  await openFolio(page, server().url);
  await importFolder(page, server().photosDir, 21);
  await expect(page.getByRole('gridcell')).toHaveCount(21);
  const broken = cell(page, 'Canon_40D.jpg');
  const fine = cell(page, 'Nikon_D70.jpg');
  await expectThumbnail(broken);
  await expectThumbnail(fine);

  // After a reload the pictures come from the browser's cache, complete before any load event.
  await page.reload();
  await expectThumbnail(broken);
  await expectThumbnail(fine);

  const brokenId = Number((await broken.getAttribute('id'))?.replace('tile-', ''));
  expect(brokenId).toBeGreaterThan(0);
  await page.route(new RegExp(`/${brokenId}/thumb/`), (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload();
  await expect(broken).toContainText('No preview');
  await expect(broken.locator('img')).toHaveCount(0);
  await expectThumbnail(fine);
});
