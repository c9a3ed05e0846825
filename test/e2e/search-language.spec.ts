/**
 * The search language in the toolbar, on the imported corpus: a query with a fault shows the
 * parser's sentence under the box with the faulty part marked (and the gallery stays as it
 * was); autocomplete completes a field name with the keyboard; an OR of two tags filters the
 * gallery; a month of the timeline facet filters it by date taken.
 */
import { expect, test } from '@playwright/test';
import { idOfItemNamed, rpc, serverForFile } from './support/folio-server.js';
import { openFolio, sidebar } from './support/ui.js';

const server = serverForFile(test, { imported: true });

test('faults under the search box, autocomplete, an OR of tags, a timeline month', async ({ page }) => {
  const canon = await idOfItemNamed(server(), 'Canon_40D.jpg');
  const nikon = await idOfItemNamed(server(), 'Nikon_D70.jpg');
  const pentax = await idOfItemNamed(server(), 'Pentax_K10D.jpg');
  await rpc(server(), 'media.editTags', { ids: [canon], add: ['alpha'] });
  await rpc(server(), 'media.editTags', { ids: [nikon], add: ['beta'] });
  await rpc(server(), 'media.editTags', { ids: [pentax], add: ['gamma'] });

  await openFolio(page, server().url);
  const cells = page.getByRole('gridcell');
  await expect(cells).toHaveCount(21);
  const box = page.getByRole('combobox', { name: 'Search' });

  await test.step('a fault is named under the box, at its place', async () => {
    await box.fill('tag:alpha rating:>=9');
    const alert = page.getByRole('alert').filter({ hasText: 'A rating is from 0 to 5' });
    await expect(alert).toContainText('(at character 20)');
    await expect(alert.locator('mark')).toHaveText('9');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    // The gallery keeps its list while the text does not parse.
    await expect(cells).toHaveCount(21);
    await box.fill('(tag:alpha');
    await expect(page.getByRole('alert')).toContainText('This "(" is never closed');
    await expect(page.getByRole('alert').locator('mark')).toHaveText('(tag:alpha');
  });

  await test.step('autocomplete completes a field and a value with the keyboard', async () => {
    await box.fill('');
    await box.pressSequentially('lab');
    await expect(page.getByRole('listbox', { name: 'Search suggestions' }).getByRole('option', { name: /label:/ })).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(box).toHaveValue('label:');
    await expect(page.getByRole('option', { name: 'red' })).toBeVisible();
    await box.press('Escape');
    await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeHidden();
  });

  await test.step('an OR of two tags filters the gallery', async () => {
    await box.fill('tag:alpha OR tag:beta');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(cells).toHaveCount(2);
    await expect(page.getByRole('gridcell', { name: /^Canon_40D\.jpg/ })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: /^Nikon_D70\.jpg/ })).toBeVisible();
    await box.fill('(tag:alpha OR tag:gamma) -tag:gamma');
    await expect(cells).toHaveCount(1);
    await box.fill('');
    await expect(cells).toHaveCount(21);
  });

  await test.step('a month of the timeline filters by date taken', async () => {
    const years = sidebar(page).getByRole('list', { name: 'Years' });
    const toggle = years.getByRole('button', { name: /^Show the months of / }).first();
    const label = (await toggle.getAttribute('aria-label')) ?? '';
    const year = label.slice(-4);
    await toggle.click();
    const month = sidebar(page).getByRole('list', { name: `Months of ${year}` }).getByRole('button').first();
    const count = Number((await month.locator('.side-count').innerText()).replace(/\D+/gu, ''));
    await month.click();
    await expect(box).toHaveValue(new RegExp(`^taken:${year}-\\d\\d$`, 'u'));
    await expect(month).toHaveAttribute('aria-pressed', 'true');
    await expect(cells).toHaveCount(count);
    await month.click();
    await expect(box).toHaveValue('');
    await expect(cells).toHaveCount(21);
  });
});
