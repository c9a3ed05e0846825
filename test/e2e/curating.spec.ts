/**
 * Curating with the keyboard as in Lightroom: rate, label and pick items in the gallery and
 * the preview, undo one, and find everything as it was after a reload. Also the `?` list and
 * the gallery with its marks in both themes (screenshots).
 */
import { expect, test, type Page } from '@playwright/test';
import { serverForFile } from './support/folio-server.js';
import { focusGallery, openFolio, panel, screenshot } from './support/ui.js';

const server = serverForFile(test, { imported: true });

const cells = (page: Page) => page.getByRole('gridcell');

async function captionOf(page: Page, index: number): Promise<string> {
  return (await cells(page).nth(index).locator('.tile-caption').innerText()).trim();
}

test('rate, label and pick with the keyboard, undo, and find them so after a reload', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  const names = [await captionOf(page, 0), await captionOf(page, 1), await captionOf(page, 2)];
  const tile = (index: number) => page.getByRole('gridcell', { name: new RegExp(`^${names[index]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

  // The first item: 4 stars and a red label (6).
  await cells(page).nth(0).click();
  await focusGallery(page);
  await page.keyboard.press('4');
  await expect(tile(0)).toHaveAccessibleName(`${names[0]} (4 stars)`);
  await page.keyboard.press('6');
  await expect(tile(0)).toHaveAccessibleName(`${names[0]} (4 stars, red label)`);
  await expect(panel(page).getByRole('button', { name: '4 stars' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByRole('button', { name: 'Red label' })).toHaveAttribute('aria-pressed', 'true');

  // The second and third together: 2 stars, green (8); then the second alone is picked.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('2');
  await page.keyboard.press('8');
  await expect(tile(1)).toHaveAccessibleName(`${names[1]} (2 stars, green label)`);
  await expect(tile(2)).toHaveAccessibleName(`${names[2]} (2 stars, green label)`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('p');
  await expect(tile(1)).toHaveAccessibleName(`${names[1]} (2 stars, green label, picked)`);

  // In the preview: X rejects, and Ctrl+Z takes the reject back (to the pick).
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: names[1] });
  await expect(preview).toBeVisible();
  await page.keyboard.press('x');
  await page.keyboard.press('Escape');
  await expect(tile(1)).toHaveAccessibleName(`${names[1]} (2 stars, green label, rejected)`);
  await focusGallery(page);
  await page.keyboard.press('Control+z');
  await expect(tile(1)).toHaveAccessibleName(`${names[1]} (2 stars, green label, picked)`);

  // `?` lists the shortcuts in a dialog.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /P \/ X \/ U/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // T goes to the tag editor of the selection, Ctrl+F to the search box.
  await focusGallery(page);
  await page.keyboard.press('t');
  await expect(panel(page).getByRole('combobox', { name: 'Add a tag' })).toBeFocused();
  await expect(panel(page).getByRole('combobox', { name: 'Add a tag' })).toHaveValue('');
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('combobox', { name: 'Search' })).toBeFocused();

  // Sorted by rating, best first: the four-star item leads.
  await page.getByRole('combobox', { name: /sort/i }).selectOption({ label: 'Rating' });
  await expect(cells(page).nth(0)).toHaveAccessibleName(`${names[0]} (4 stars, red label)`);

  await page.reload();
  await expect(cells(page)).toHaveCount(21);
  await expect(tile(0)).toHaveAccessibleName(`${names[0]} (4 stars, red label)`);
  await expect(tile(1)).toHaveAccessibleName(`${names[1]} (2 stars, green label, picked)`);
  await expect(tile(2)).toHaveAccessibleName(`${names[2]} (2 stars, green label)`);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the gallery shows stars, colour edges and flags (${colorScheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openFolio(page, server().url);
    await expect(cells(page)).toHaveCount(21);
    await cells(page).nth(4).click();
    await focusGallery(page);
    for (const key of ['5', '9', 'p', 'ArrowRight', '3', '7', 'ArrowRight', '1', 'x', 'ArrowRight', '0', 'u']) await page.keyboard.press(key);
    await expect(page.getByRole('gridcell', { name: /\(1 star, rejected\)$/ })).toHaveCount(1);
    await expect(page.getByRole('gridcell', { name: /\(3 stars, yellow label\)$/ })).toHaveCount(1);
    await screenshot(page, `curating-gallery-${colorScheme}`);
  });
}
