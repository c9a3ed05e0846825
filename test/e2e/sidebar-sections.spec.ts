/**
 * The sidebar's sections fold from their headings, with the mouse or the keyboard, and stay
 * as they were left after a reload.
 */
import { expect, test } from '@playwright/test';
import { rpc, serverForFile } from './support/folio-server.js';
import { openFolio, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { imported: true });

test('a section heading folds and unfolds its section, and the fold survives a reload', async ({ page }) => {
  const { items } = await rpc<{ items: { id: number }[] }>(server(), 'media.list', { limit: 2 });
  await rpc(server(), 'media.editTags', { ids: items.map((item) => item.id), add: ['harbour'] });
  await openFolio(page, server().url);
  const side = sidebar(page);
  const tags = side.getByRole('button', { name: 'Tags', exact: true });
  const timeline = side.getByRole('button', { name: 'Timeline', exact: true });
  const tagList = side.getByRole('list', { name: 'Tags' });
  const years = side.getByRole('list', { name: 'Years' });
  await expect(tags).toHaveAttribute('aria-expanded', 'true');
  await expect(tagList.getByRole('button', { name: /^harbour/ })).toBeVisible();
  await expect(years).toBeVisible();

  // The mouse folds the tags; the keyboard (Enter on the focused heading) folds the timeline.
  await tags.click();
  await expect(tags).toHaveAttribute('aria-expanded', 'false');
  await expect(tagList).toBeHidden();
  await expect(side.getByRole('button', { name: 'Manage' })).toBeHidden();
  await timeline.focus();
  await page.keyboard.press('Enter');
  await expect(timeline).toHaveAttribute('aria-expanded', 'false');
  await expect(years).toBeHidden();
  // The other sections are untouched.
  await expect(side.getByRole('button', { name: 'Albums', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expect(side.getByRole('button', { name: 'New album' })).toBeVisible();
  await screenshot(page, 'sidebar-sections-folded');

  await page.reload();
  await expect(tags).toHaveAttribute('aria-expanded', 'false');
  await expect(timeline).toHaveAttribute('aria-expanded', 'false');
  await expect(tagList).toBeHidden();
  await expect(years).toBeHidden();

  // Space unfolds as Enter folded, and the unfold is remembered too.
  await tags.focus();
  await page.keyboard.press('Space');
  await expect(tags).toHaveAttribute('aria-expanded', 'true');
  await expect(tagList.getByRole('button', { name: /^harbour/ })).toBeVisible();
  await page.reload();
  await expect(tags).toHaveAttribute('aria-expanded', 'true');
  await expect(timeline).toHaveAttribute('aria-expanded', 'false');
});
