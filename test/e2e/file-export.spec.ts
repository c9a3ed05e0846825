/**
 * Exporting files (issue 15), as a person does it: select a photo, open "Export files…" in the
 * sidebar, choose a folder, export; the dialog shows the report and the copy carries the tag
 * added in Folio (read back with ExifTool). Exporting the whole view can be cancelled.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { importWithoutUi, serverForFile } from './support/folio-server.js';
import { openFolio, panel, sidebar } from './support/ui.js';

const server = serverForFile(test);

test('exports the selection with its metadata embedded, then cancels an export of the whole view', async ({ page }) => {
  await importWithoutUi(server());
  await openFolio(page, server().url);
  const out = path.join(server().photosDir, '..', 'export-out');

  await page.getByRole('gridcell', { name: /^Canon_40D\.jpg/ }).click();
  await panel(page).getByRole('combobox', { name: 'Add a tag' }).fill('Places/Harbour');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('button', { name: 'Remove tag Places/Harbour' })).toBeVisible();

  await sidebar(page).getByRole('button', { name: 'Export files…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export files' });
  await expect(dialog.getByRole('radio', { name: 'The selected item' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Copies with the metadata embedded' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'To the folder' }).fill(out);
  await dialog.getByRole('textbox', { name: 'File names' }).fill('{nmae}');
  await expect(dialog.getByText('{nmae} is not a template field')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export' })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'File names' }).fill('{counter:2} {name}');
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('status', { name: 'Export report' })).toContainText(`Exported 1 of 1 to ${path.resolve(out)}`);
  expect(fs.readdirSync(out)).toEqual(['01 Canon_40D.jpg']);
  expect(execFileSync('/usr/bin/exiftool', ['-s3', '-XMP-lr:HierarchicalSubject', path.join(out, '01 Canon_40D.jpg')], { encoding: 'utf8' }).trim()).toBe('Places|Harbour');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The whole view as JPEG renditions, cancelled at once: some or none exported, never all.
  await sidebar(page).getByRole('button', { name: 'Export files…' }).click();
  await dialog.getByRole('radio', { name: /^This view: All media/ }).check();
  await dialog.getByRole('radio', { name: 'JPEG renditions' }).check();
  await dialog.getByRole('spinbutton', { name: 'Long edge (px)' }).fill('200');
  await dialog.getByRole('textbox', { name: 'To the folder' }).fill(path.join(out, 'all'));
  await dialog.getByRole('button', { name: 'Export' }).click();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  const report = dialog.getByRole('status', { name: 'Export report' });
  await expect(report).toContainText('Cancelled after exporting');
  const total = Number(/of (\d+) to/u.exec((await report.textContent()) ?? '')?.[1]);
  expect(fs.readdirSync(path.join(out, 'all')).filter((name) => !name.startsWith('.')).length).toBeLessThan(total);
  expect(fs.readdirSync(path.join(out, 'all')).filter((name) => name.startsWith('.'))).toEqual([]);
});
