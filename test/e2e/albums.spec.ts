/**
 * Albums as a person uses them: make an album, drag photos onto it, reorder them by drag in the
 * album, save a search as a smart album, reload and find everything as it was; a trashed photo
 * leaves the album and comes back to its place when restored; removing one is undoable.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe.js';
import { serverForFile } from './support/folio-server.js';
import { focusGallery, gallery, openFolio, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { imported: true });

// axe is injected as a script; the page's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });

const cells = (page: Page) => gallery(page).getByRole('gridcell');
const captions = async (page: Page) => (await cells(page).locator('.tile-caption').allInnerTexts()).map((text) => text.trim());
const albumButton = (page: Page, name: string) => sidebar(page).getByRole('button', { name: new RegExp(`^${name}( \\(smart album\\))? [\\d,]+ items?$`) });
const itemCount = (page: Page) => page.locator('.gallery-count');

test('make an album by drag, reorder it, save a smart album, reload; trash and restore inside it', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  const all = await captions(page);

  await test.step('make an album and drag three photos onto it', async () => {
    await sidebar(page).getByRole('button', { name: 'New album' }).click();
    await page.getByRole('textbox', { name: 'New album name' }).fill('Keepers');
    await page.keyboard.press('Enter');
    await expect(albumButton(page, 'Keepers')).toHaveAccessibleName('Keepers 0 items');
    await cells(page).nth(0).click();
    await cells(page).nth(2).click({ modifiers: ['Shift'] });
    await cells(page).nth(1).dragTo(albumButton(page, 'Keepers'));
    await expect(albumButton(page, 'Keepers')).toHaveAccessibleName('Keepers 3 items');
    await expect(page.getByRole('status').filter({ hasText: 'Added 3 items to “Keepers”' })).toBeVisible();
  });

  await test.step('the album shows them in its order; a drag moves one before another', async () => {
    await albumButton(page, 'Keepers').click();
    await expect(page.getByRole('heading', { name: 'Album: Keepers' })).toBeVisible();
    await expect(cells(page)).toHaveCount(3);
    expect(await captions(page)).toEqual(all.slice(0, 3));
    await cells(page).nth(2).click();
    await cells(page).nth(2).dragTo(cells(page).nth(0));
    await expect.poll(() => captions(page)).toEqual([all[2], all[0], all[1]]);
  });

  let smartCount = '';
  await test.step('save a search as a smart album', async () => {
    await sidebar(page).getByRole('button', { name: /^All media/ }).click();
    await page.getByRole('combobox', { name: 'Search' }).fill('Canon');
    await expect(itemCount(page)).not.toHaveText(/^21 items/);
    await expect(itemCount(page)).not.toHaveText('Loading…');
    smartCount = ((await itemCount(page).innerText()).match(/^[\d,]+/) ?? [''])[0];
    expect(Number(smartCount)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Save as smart album…' }).click();
    await page.getByRole('textbox', { name: 'Smart album name' }).fill('Canons');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Smart album: Canons' })).toBeVisible();
    await expect(albumButton(page, 'Canons')).toHaveAccessibleName(new RegExp(`^Canons \\(smart album\\) ${smartCount} items?$`));
    await expect(cells(page)).toHaveCount(Number(smartCount));
    await screenshot(page, 'albums-sidebar');
  });

  await test.step('after a reload everything is as it was', async () => {
    await page.reload();
    await expect(albumButton(page, 'Keepers')).toHaveAccessibleName('Keepers 3 items');
    await expect(albumButton(page, 'Canons')).toHaveAccessibleName(new RegExp(`^Canons \\(smart album\\) ${smartCount} items?$`));
    await albumButton(page, 'Keepers').click();
    await expect.poll(() => captions(page)).toEqual([all[2], all[0], all[1]]);
  });

  await test.step('a trashed photo leaves the album and comes back in its place on restore', async () => {
    await cells(page).nth(1).click();
    await page.getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => captions(page)).toEqual([all[2], all[1]]);
    await expect(albumButton(page, 'Keepers')).toHaveAccessibleName('Keepers 2 items');
    await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
    await expect(cells(page)).toHaveCount(1);
    await cells(page).nth(0).click();
    await page.getByRole('button', { name: 'Restore selected' }).click();
    await expect(cells(page)).toHaveCount(0);
    await albumButton(page, 'Keepers').click();
    await expect.poll(() => captions(page)).toEqual([all[2], all[0], all[1]]);
    await expect(albumButton(page, 'Keepers')).toHaveAccessibleName('Keepers 3 items');
  });

  await test.step('remove from the album, then undo puts it back in its place', async () => {
    await cells(page).nth(1).click();
    await page.getByRole('button', { name: 'Remove from album' }).click();
    await expect.poll(() => captions(page)).toEqual([all[2], all[1]]);
    await focusGallery(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => captions(page)).toEqual([all[2], all[0], all[1]]);
  });
});

test('albums from the keyboard: a folder, an album inside it, Add to album…, rename and delete', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  await sidebar(page).getByRole('button', { name: 'New folder' }).click();
  await page.keyboard.type('Trips');
  await page.keyboard.press('Enter');
  const folder = sidebar(page).getByRole('button', { name: 'Trips', exact: true });
  await expect(folder).toHaveAttribute('aria-expanded', 'true');
  await sidebar(page).getByRole('button', { name: 'Actions for Trips' }).click();
  await page.getByRole('menuitem', { name: 'New album here…' }).click();
  await page.keyboard.type('Coast');
  await page.keyboard.press('Enter');
  await expect(albumButton(page, 'Coast')).toBeVisible();
  await folder.click();
  await expect(folder).toHaveAttribute('aria-expanded', 'false');
  await expect(albumButton(page, 'Coast')).toBeHidden();
  await folder.click();

  await cells(page).nth(3).click();
  await page.getByRole('button', { name: 'Add to album…' }).click();
  await page.getByRole('menuitem', { name: 'Coast' }).press('Enter');
  await expect(albumButton(page, 'Coast')).toHaveAccessibleName('Coast 1 item');

  await sidebar(page).getByRole('button', { name: 'Actions for Coast' }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByRole('textbox', { name: 'New name for Coast' }).fill('Sea');
  await page.keyboard.press('Enter');
  await expect(albumButton(page, 'Sea')).toHaveAccessibleName('Sea 1 item');
  await sidebar(page).getByRole('button', { name: 'Actions for Sea' }).click();
  await page.getByRole('menuitem', { name: 'Move to the top' }).click();
  await folder.click();
  await expect(albumButton(page, 'Sea')).toBeVisible();
  await sidebar(page).getByRole('button', { name: 'Actions for Sea' }).click();
  await page.getByRole('menuitem', { name: 'Move into “Trips”' }).click();
  await expect(albumButton(page, 'Sea')).toBeHidden();
  await folder.click();

  await sidebar(page).getByRole('button', { name: 'Actions for Sea' }).click();
  await expectNoSeriousViolations(page, 'albums in the sidebar, with an album menu open');
  await page.getByRole('menuitem', { name: 'Delete album' }).click();
  await expect(albumButton(page, 'Sea')).toHaveCount(0);
  await expect(cells(page)).toHaveCount(21);
});
