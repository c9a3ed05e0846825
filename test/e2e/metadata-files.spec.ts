/**
 * Metadata in files (issue 15), as a person sees it: a Lightroom sidecar's keyword and rating
 * arrive on import and the details panel says they came "from sidecar"; turning on "Write
 * metadata to XMP sidecars" writes a tag added in Folio into that sidecar.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { importWithoutUi, serverForFile } from './support/folio-server.js';
import { openFolio, panel, sidebar } from './support/ui.js';

const server = serverForFile(test);
const PHOTO = 'Canon_40D.jpg';

test('a sidecar is read on import, shown as the source, and written back when the setting is on', async ({ page }) => {
  const sidecar = path.join(server().photosDir, 'Canon_40D.xmp');
  execFileSync('/usr/bin/exiftool', ['-q', '-q', '-XMP-lr:HierarchicalSubject=Places|France', '-XMP-dc:Subject=France', '-XMP-xmp:Rating=3', '-o', sidecar]);
  await importWithoutUi(server());
  await openFolio(page, server().url);

  // Its name in the grid carries its stars: "Canon_40D.jpg (3 stars)".
  await page.getByRole('gridcell', { name: /^Canon_40D\.jpg/ }).click();
  const fromFiles = panel(page).getByRole('list', { name: 'Values read from files' });
  await expect(fromFiles.getByRole('listitem').filter({ hasText: 'Keyword: Places/France' })).toContainText('from sidecar');
  await expect(fromFiles.getByRole('listitem').filter({ hasText: 'Rating: 3' })).toContainText('from sidecar');
  await expect(panel(page).getByRole('button', { name: '3 stars' })).toHaveAttribute('aria-pressed', 'true');

  const toggle = sidebar(page).getByRole('checkbox', { name: 'Write metadata to XMP sidecars' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(toggle).toBeChecked();

  await panel(page).getByRole('combobox', { name: 'Add a tag' }).fill('harbour');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('status').filter({ hasText: /^Sidecar/ })).toHaveText('Sidecar up to date', { timeout: 15_000 });
  await expect.poll(() => execFileSync('/usr/bin/exiftool', ['-s3', '-XMP-lr:HierarchicalSubject', sidecar], { encoding: 'utf8' }).trim(), { timeout: 15_000 }).toBe('harbour, Places|France');
  await expect(sidebar(page).getByRole('button', { name: 'Write all now' })).toBeVisible();
  expect(fs.existsSync(path.join(server().photosDir, `${PHOTO}.xmp`))).toBe(false);
});
