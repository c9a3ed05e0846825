/**
 * axe-core over the main views, in light and dark themes: the gallery, the panel with one
 * and with several items, tag suggestions, the preview and its focus-area editor, the trash,
 * and the dialogs. No serious or critical violation is allowed.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe.js';
import { serverForFile } from './support/folio-server.js';
import { cell, focusGallery, importFolder, openFolio, panel, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test);

// axe is injected as a script; the page's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });


for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main views have no serious accessibility problems (${colorScheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openFolio(page, server().url);
    // Each theme's test stands alone: whichever runs first imports.
    await expect(page.getByText('The library is empty').or(page.getByRole('gridcell').first())).toBeVisible();
    if (await page.getByText('The library is empty').isVisible()) {
      await expectNoSeriousViolations(page, 'the empty library');
      await importFolder(page, server().photosDir, 21);
    }
    await expect(page.getByRole('gridcell')).toHaveCount(21);
    await expectNoSeriousViolations(page, 'the gallery');

    await cell(page, 'Canon_40D.jpg').click();
    await expect(panel(page).getByRole('heading', { name: 'Canon_40D.jpg' })).toBeVisible();
    await expect(panel(page).getByRole('term').filter({ hasText: 'MD5' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the panel with one item');
    await screenshot(page, `panel-${colorScheme}`);

    const tagField = panel(page).getByRole('combobox', { name: 'Add a tag' });
    await tagField.fill(`a11y-${colorScheme}`);
    await tagField.press('Enter');
    await expect(panel(page).getByRole('list', { name: 'Tags', exact: true })).toContainText(`a11y-${colorScheme}`);
    // Another item: the tag just made is suggested (with its count) while typing.
    await cell(page, 'Nikon_D70.jpg').click();
    await panel(page).getByRole('combobox', { name: 'Add a tag' }).fill('a11y');
    await expect(panel(page).getByRole('option', { name: new RegExp(`^a11y-${colorScheme}`) })).toBeVisible();
    await expectNoSeriousViolations(page, 'tag autocomplete');
    await panel(page).getByRole('combobox', { name: 'Add a tag' }).press('Escape');
    await cell(page, 'Canon_40D.jpg').click();

    await cell(page, 'Nikon_D70.jpg').click({ modifiers: ['Shift'] });
    await expect(panel(page).getByRole('heading', { name: /items selected$/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'the panel with several items');

    await cell(page, 'Canon_40D.jpg').click();
    await focusGallery(page);
    await page.keyboard.press('Enter');
    const preview = page.getByRole('dialog', { name: 'Canon_40D.jpg' });
    await expect(preview.getByRole('img', { name: 'Canon_40D.jpg' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the preview');
    await preview.getByRole('button', { name: 'Edit focus area' }).click();
    await expect(preview.getByRole('toolbar', { name: 'Focus area' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the focus-area editor');
    await screenshot(page, `preview-${colorScheme}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();

    await page.keyboard.press('F2');
    await expect(page.getByRole('dialog', { name: 'Rename' })).toBeVisible();
    await expectNoSeriousViolations(page, 'the rename dialog');
    await page.keyboard.press('Escape');

    await cell(page, 'Kodak_CX7530.jpg').click();
    await page.keyboard.press('Delete');
    await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
    await expect(page.getByRole('gridcell')).toHaveCount(1);
    await expectNoSeriousViolations(page, 'the trash');
    await page.getByRole('button', { name: 'Empty trash…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Empty the trash?' });
    await expect(confirm).toBeVisible();
    await expectNoSeriousViolations(page, 'the empty-trash confirmation');
    await screenshot(page, `empty-trash-dialog-${colorScheme}`);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('gridcell').click();
    await page.getByRole('button', { name: 'Restore selected' }).click();
    await expect(page.getByText('The trash is empty.')).toBeVisible();
  });
}
