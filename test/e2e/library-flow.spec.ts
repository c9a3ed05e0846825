/**
 * The whole flow of issue 4 on a fresh library made from the corpus: import, thumbnails,
 * tag three items at once, filter by the tag, rename, describe, custom metadata, focus area,
 * trash two and restore one, undo a tag edit, reload and find everything as it was left.
 */
import { expect, test, type Page } from '@playwright/test';
import { serverForFile } from './support/folio-server.js';
import { cell, expectThumbnail, focusGallery, gallery, importFolder, openFolio, panel, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test);


const TAGGED = ['Canon_40D.jpg', 'Nikon_D70.jpg', 'Pentax_K10D.jpg'];
const TRASHED = ['Kodak_CX7530.jpg', 'Olympus_C8080WZ.jpg'];
const NEW_NAME = 'Canon 40D — garden';

async function select(page: Page, names: string[]): Promise<void> {
  const [first, ...rest] = names;
  if (first === undefined) return;
  await cell(page, first).click();
  for (const name of rest) await cell(page, name).click({ modifiers: ['Control'] });
  for (const name of names) await expect(cell(page, name)).toHaveAttribute('aria-selected', 'true');
}

test('a day with Folio: import, tag, filter, edit, focus area, trash, undo, reload', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(page.getByText('The library is empty')).toBeVisible();

  await test.step('import the folder and see thumbnails appear', async () => {
    await importFolder(page, server().photosDir, 21);
    await expect(gallery(page)).toBeVisible();
    await expect(page.getByRole('gridcell')).toHaveCount(21);
    for (const name of TAGGED) await expectThumbnail(cell(page, name));
    // The damaged file is an item with a visible state, not a hole in the grid.
    await expect(cell(page, 'corrupted.jpg (damaged)')).toBeVisible();
    await expect(sidebar(page).getByRole('button', { name: /^photos/ })).toContainText('21');
    await screenshot(page, 'gallery');
  });

  await test.step('select three items and tag them at once', async () => {
    await select(page, TAGGED);
    await expect(panel(page).getByRole('heading', { name: '3 items selected' })).toBeVisible();
    const field = panel(page).getByRole('combobox', { name: 'Add a tag to all 3 selected items' });
    await field.fill('holiday');
    await field.press('Enter');
    await expect(panel(page).getByRole('list', { name: 'Tags all selected items have' })).toContainText('holiday');
    await expect(sidebar(page).getByRole('button', { name: /^holiday/ })).toContainText('3');
    await screenshot(page, 'panel-multi-selection');
  });

  await test.step('filter the gallery by that tag', async () => {
    await sidebar(page).getByRole('button', { name: /^holiday/ }).click();
    await expect(page.getByRole('heading', { name: 'Tag: holiday' })).toBeVisible();
    await expect(page.getByRole('gridcell')).toHaveCount(3);
    for (const name of TAGGED) await expect(cell(page, name)).toBeVisible();
    // The same filter typed in the search box.
    await sidebar(page).getByRole('button', { name: /^All media/ }).click();
    await page.getByRole('combobox', { name: 'Search' }).fill('tag:holiday');
    await expect(page.getByRole('gridcell')).toHaveCount(3);
    await page.getByRole('combobox', { name: 'Search' }).fill('');
    await expect(page.getByRole('gridcell')).toHaveCount(21);
  });

  await test.step('rename one with F2', async () => {
    await cell(page, 'Canon_40D.jpg').click();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: 'Rename' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'New name' }).fill(NEW_NAME);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(cell(page, NEW_NAME)).toBeVisible();
    await expect(panel(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(NEW_NAME);
  });

  await test.step('edit the description and a custom metadata field', async () => {
    const description = panel(page).getByRole('textbox', { name: 'Description' });
    await description.fill('Tulips in the back garden, spring.');
    await description.press('Tab');

    await panel(page).getByRole('button', { name: 'Add field' }).click();
    await panel(page).getByRole('textbox', { name: 'Name of field 1' }).fill('client');
    const value = panel(page).getByRole('textbox', { name: 'Value of client' });
    // Validated while typing: half-typed JSON is flagged and can't be saved.
    await value.fill('{"id": 7, "name": ');
    await expect(panel(page).getByText(/looks like JSON but is not valid/)).toBeVisible();
    await expect(panel(page).getByRole('button', { name: 'Save metadata' })).toBeDisabled();
    await value.fill('{"id": 7, "name": "Acme"}');
    await expect(panel(page).getByText(/looks like JSON/)).toBeHidden();
    await panel(page).getByRole('button', { name: 'Save metadata' }).click();
    await expect(panel(page).getByRole('button', { name: 'Save metadata' })).toBeDisabled();
  });

  await test.step('draw a focus area on the preview', async () => {
    await panel(page).getByRole('button', { name: 'Set focus area…' }).click();
    const preview = page.getByRole('dialog', { name: NEW_NAME });
    await expect(preview).toBeVisible();
    const image = preview.getByRole('img', { name: NEW_NAME });
    await expect(image).toBeVisible();
    const box = await image.boundingBox();
    if (!box) throw new Error('the preview image has no box');
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.7, { steps: 5 });
    await page.mouse.up();
    await expect(preview.getByRole('group', { name: /^Focus area \d+ × \d+ at \d+, \d+/ })).toBeVisible();
    await screenshot(page, 'preview-focus-area');
    await preview.getByRole('button', { name: 'Save focus area' }).click();
    await expect(preview.getByRole('button', { name: 'Edit focus area' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await expect(panel(page).getByText(/^\d+ × \d+ px at \(\d+, \d+\)$/)).toBeVisible();
    await screenshot(page, 'panel-single-item');
  });

  await test.step('trash two items and restore one', async () => {
    await select(page, TRASHED);
    await focusGallery(page);
    await page.keyboard.press('Delete');
    await expect(page.getByRole('status').filter({ hasText: 'Moved 2 items to the trash' })).toBeVisible();
    await expect(page.getByRole('gridcell')).toHaveCount(19);
    const trash = sidebar(page).getByRole('button', { name: /^Trash/ });
    await expect(trash).toContainText('2');
    await trash.click();
    await expect(page.getByRole('gridcell')).toHaveCount(2);
    await cell(page, TRASHED[0] ?? '').click();
    await page.getByRole('button', { name: 'Restore selected' }).click();
    await expect(page.getByRole('gridcell')).toHaveCount(1);
    await expect(cell(page, TRASHED[1] ?? '')).toBeVisible();
    await expect(trash).toContainText('1');
    await screenshot(page, 'trash');
    await sidebar(page).getByRole('button', { name: /^All media/ }).click();
    await expect(page.getByRole('gridcell')).toHaveCount(20);
  });

  await test.step('undo a tag edit (and redo, and undo again)', async () => {
    await cell(page, 'Sony_HDR-HC3.jpg').click();
    const field = panel(page).getByRole('combobox', { name: 'Add a tag' });
    await field.fill('blurry');
    await field.press('Enter');
    const chips = panel(page).getByRole('list', { name: 'Tags', exact: true });
    await expect(chips).toContainText('blurry');
    await focusGallery(page);
    await page.keyboard.press('Control+z');
    await expect(chips).not.toContainText('blurry');
    await expect(sidebar(page).getByRole('button', { name: /^blurry/ })).toBeHidden();
    await page.keyboard.press('Control+Shift+z');
    await expect(chips).toContainText('blurry');
    await page.keyboard.press('Control+z');
    await expect(chips).not.toContainText('blurry');
  });

  await test.step('reload and find everything as it was left', async () => {
    await page.reload();
    await expect(page.getByRole('gridcell')).toHaveCount(20);
    await expect(cell(page, NEW_NAME)).toBeVisible();
    await expect(sidebar(page).getByRole('button', { name: /^holiday/ })).toContainText('3');
    await expect(sidebar(page).getByRole('button', { name: /^Trash/ })).toContainText('1');
    await expect(sidebar(page).getByRole('button', { name: /^blurry/ })).toBeHidden();
    await expect(cell(page, TRASHED[0] ?? '')).toBeVisible();
    await expect(cell(page, TRASHED[1] ?? '')).toBeHidden();

    await cell(page, NEW_NAME).click();
    await expect(panel(page).getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(NEW_NAME);
    await expect(panel(page).getByRole('textbox', { name: 'Description' })).toHaveValue('Tulips in the back garden, spring.');
    await expect(panel(page).getByRole('textbox', { name: 'Name of field 1' })).toHaveValue('client');
    await expect(panel(page).getByRole('textbox', { name: 'Value of client' })).toHaveValue('{"id":7,"name":"Acme"}');
    await expect(panel(page).getByRole('list', { name: 'Tags', exact: true })).toContainText('holiday');
    await expect(panel(page).getByText(/^\d+ × \d+ px at \(\d+, \d+\)$/)).toBeVisible();

    await sidebar(page).getByRole('button', { name: /^holiday/ }).click();
    await expect(page.getByRole('gridcell')).toHaveCount(3);
  });
});
