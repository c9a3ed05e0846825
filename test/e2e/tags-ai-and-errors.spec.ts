/**
 * The tag editor with several items (all vs some), autocomplete, AI tags (run, promote,
 * remove), readable error messages, and changes made by another client (the REST API)
 * showing up in an open window without a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { idOfItemNamed, rpc, serverForFile } from './support/folio-server.js';
import { cell, focusGallery, openFolio, panel, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { imported: true });

const idOf = (name: string): Promise<number> => idOfItemNamed(server(), name);

async function addTag(page: Page, label: string, tag: string): Promise<void> {
  const field = panel(page).getByRole('combobox', { name: label });
  await field.fill(tag);
  await field.press('Enter');
  await expect(field).toHaveValue('');
}

test('several items: tags all have vs some have, applied to all at once', async ({ page }) => {
  await openFolio(page, server().url);
  await cell(page, 'Canon_DIGITAL_IXUS_400.jpg').click();
  await cell(page, 'Canon_PowerShot_S40.jpg').click({ modifiers: ['Control'] });
  await addTag(page, 'Add a tag to all 2 selected items', 'red');

  await cell(page, 'Fujifilm_FinePix_E500.jpg').click({ modifiers: ['Control'] });
  const all = panel(page).getByRole('list', { name: 'Tags all selected items have' });
  const some = panel(page).getByRole('list', { name: 'Tags only some selected items have' });
  await expect(all).toContainText('No tag common to all');
  await expect(some).toContainText('red');
  await expect(some).toContainText('2/3');
  await screenshot(page, 'panel-some-tags');

  await some.getByRole('button', { name: 'Add tag red to all 3 items' }).click();
  await expect(all).toContainText('red');
  await expect(some).toBeHidden();
  await expect(sidebar(page).getByRole('button', { name: /^red/ })).toContainText('3');

  await all.getByRole('button', { name: 'Remove tag red from all 3 items' }).click();
  await expect(all).not.toContainText('red');
  await expect(sidebar(page).getByRole('button', { name: /^red/ })).toBeHidden();

  // Enter adds, Backspace in the empty field removes the last chip.
  await addTag(page, 'Add a tag to all 3 selected items', 'blue');
  await addTag(page, 'Add a tag to all 3 selected items', 'green');
  await expect(all).toContainText('blue');
  await expect(all).toContainText('green');
  await panel(page).getByRole('combobox', { name: 'Add a tag to all 3 selected items' }).press('Backspace');
  await expect(all).not.toContainText('green');
  await expect(all).toContainText('blue');

  // Autocomplete on another item: existing tags with their counts, picked with the arrows.
  await cell(page, 'Nikon_COOLPIX_P1.jpg').click();
  const field = panel(page).getByRole('combobox', { name: 'Add a tag' });
  await field.fill('bl');
  const option = panel(page).getByRole('option', { name: /^blue\s*3$/ });
  await expect(option).toBeVisible();
  await field.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');
  await expect(panel(page).getByRole('list', { name: 'Tags', exact: true })).toContainText('blue');
  await expect(sidebar(page).getByRole('button', { name: /^blue/ })).toContainText('4');
});

test('AI tags: run auto-tagging, promote one to a user tag, remove another', async ({ page }) => {
  await openFolio(page, server().url);
  await cell(page, 'Canon_40D.jpg').click();
  await panel(page).getByRole('button', { name: 'Run auto-tagging' }).click();
  const aiList = panel(page).getByRole('list', { name: 'AI tags' });
  await expect(aiList).toBeVisible();
  await expect(aiList).toContainText('local-analysis');
  await expect(aiList).toContainText('%');
  const promoteButtons = aiList.getByRole('button', { name: /^Promote AI tag / });
  expect(await promoteButtons.count()).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'panel-ai-tags');

  const promoteLabel = (await promoteButtons.first().getAttribute('aria-label')) ?? '';
  const promoted = promoteLabel.replace(/^Promote AI tag /, '').replace(/ to a tag$/, '');
  await promoteButtons.first().click();
  const userTags = panel(page).getByRole('list', { name: 'Tags', exact: true });
  await expect(userTags).toContainText(promoted);
  await expect(aiList.getByRole('button', { name: `Promote AI tag ${promoted} to a tag` })).toBeHidden();

  const removeButton = aiList.getByRole('button', { name: /^Remove AI tag / }).first();
  const removed = ((await removeButton.getAttribute('aria-label')) ?? '').replace(/^Remove AI tag /, '');
  await removeButton.click();
  await expect(aiList.getByRole('button', { name: `Remove AI tag ${removed}`, exact: true })).toBeHidden();

  // Promoting was a tag edit: Ctrl+Z takes the user tag back off.
  await focusGallery(page);
  await page.keyboard.press('Control+z');
  await expect(userTags).not.toContainText(promoted);
});

test('bad input gets a readable message and changes nothing', async ({ page }) => {
  await openFolio(page, server().url);
  await page.getByRole('textbox', { name: 'Folder to import' }).fill('/no/such/folder/anywhere');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not import “/no/such/folder/anywhere”' });
  await expect(alert).toBeVisible();
  await screenshot(page, 'error-message');
  await alert.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(alert).toBeHidden();

  await cell(page, 'Sony_HDR-HC3.jpg').click();
  const name = panel(page).getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('   ');
  await name.press('Enter');
  await expect(panel(page).getByText('A name cannot be empty')).toBeVisible();
  await expect(name).toHaveValue('Sony_HDR-HC3.jpg');

  await panel(page).getByRole('button', { name: 'Add field' }).click();
  await panel(page).getByRole('textbox', { name: 'Name of field 1' }).fill('__proto__');
  await panel(page).getByRole('textbox', { name: 'Value of __proto__' }).fill('1');
  await expect(panel(page).getByText('"__proto__" cannot be used as a metadata key')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Save metadata' })).toBeDisabled();
  await panel(page).getByRole('button', { name: 'Revert' }).click();
  await expect(panel(page).getByText('No custom fields.')).toBeVisible();

  const tagField = panel(page).getByRole('combobox', { name: 'Add a tag' });
  await tagField.fill('x'.repeat(101));
  await expect(panel(page).getByText('A tag can have at most 100 characters')).toBeVisible();
  await tagField.press('Enter');
  await expect(panel(page).getByRole('list', { name: 'Tags', exact: true })).toContainText('No tags');
});

test('changes made through the REST API appear in the open window at once', async ({ page }) => {
  await openFolio(page, server().url);
  await cell(page, 'Ricoh_Caplio_RR330.jpg').click();
  const tags = panel(page).getByRole('list', { name: 'Tags', exact: true });
  await expect(tags).toContainText('No tags');
  const id = await idOf('Ricoh_Caplio_RR330.jpg');
  const token = new URL(server().url).searchParams.get('token') ?? '';
  const headers = { 'Content-Type': 'application/json', Authorization: `Token ${token}` };

  const tagged = await fetch(`${server().origin}/api/media/${id}/tags`, { method: 'PUT', headers, body: JSON.stringify({ addTags: 'from-script' }) });
  expect(tagged.status).toBe(200);
  await expect(tags).toContainText('from-script');
  await expect(sidebar(page).getByRole('button', { name: /^from-script/ })).toContainText('1');

  const before = await page.getByRole('gridcell').count();
  const deleted = await fetch(`${server().origin}/api/media/${id}`, { method: 'DELETE', headers });
  expect(deleted.status).toBe(200);
  await expect(page.getByRole('gridcell')).toHaveCount(before - 1);
  await expect(sidebar(page).getByRole('button', { name: /^Trash/ })).toContainText('1');
  await rpc(server(), 'media.restore', { ids: [id] });
  await expect(page.getByRole('gridcell')).toHaveCount(before);
});
