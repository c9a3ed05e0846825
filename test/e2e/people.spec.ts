/**
 * The People view: faces found in three photos of one man and one of a woman (cut from a
 * screenshot in @vladmandic/human's assets, see test/integration/extensions/faces.test.ts) are
 * grouped into people; a person names the man's cluster in the view, and finds his three
 * photos tagged People/<name> in the gallery, with his name on the face box in the preview.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { expectNoSeriousViolations } from './support/axe.js';
import { importWithoutUi, rpc, serverForFile } from './support/folio-server.js';
import { cell, focusGallery, gallery, openFolio, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { withPhotos: false });
// axe is injected as a script; the page's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });
const ASSETS = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..', 'assets');
const CUTS: Record<string, [string, number, number, number]> = {
  'man-1.jpg': ['screenshot-facematch.jpg', 96, 278, 125],
  'man-2.jpg': ['screenshot-facematch.jpg', 207, 280, 120],
  'man-3.jpg': ['screenshot-facematch.jpg', 522, 282, 123],
  'woman.jpg': ['screenshot-facematch.jpg', 206, 619, 117],
};

test.beforeAll(async () => {
  const folder = server().photosDir;
  fs.mkdirSync(folder, { recursive: true });
  for (const [name, [asset, left, top, side]] of Object.entries(CUTS)) {
    await sharp(path.join(ASSETS, asset)).extract({ left, top, width: side, height: side }).jpeg({ quality: 95 }).toFile(path.join(folder, name));
  }
  await importWithoutUi(server());
  const { items } = await rpc<{ items: { id: number }[] }>(server(), 'media.list', { limit: 10 });
  await rpc(server(), 'media.autoTag', { ids: items.map((item) => item.id), extensions: [{ name: 'faces' }] });
});

test('name a cluster in the People view and find its items tagged', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(page.getByRole('gridcell')).toHaveCount(4);
  const { people } = await rpc<{ people: { id: number; faceCount: number }[] }>(server(), 'people.list');
  const man = people.find((person) => person.faceCount === 3);
  expect(man, JSON.stringify(people)).toBeDefined();

  await sidebar(page).getByRole('button', { name: 'People' }).click();
  const view = page.getByRole('dialog', { name: 'People' });
  await expect(view.getByRole('list', { name: 'People' }).getByRole('listitem')).toHaveCount(2);
  const card = view.getByRole('listitem', { name: `Unnamed person ${man?.id}` });
  await expect(card).toContainText('3 faces in 3 items');
  await expect(card.getByRole('img', { name: `Face of Unnamed person ${man?.id}` })).toBeVisible();
  await expectNoSeriousViolations(page, 'the People view');
  await card.getByRole('textbox', { name: `Name for Unnamed person ${man?.id}` }).fill('Vladimir');
  await card.getByRole('button', { name: 'Name', exact: true }).click();
  const named = view.getByRole('listitem', { name: 'Vladimir' });
  await expect(named.getByRole('heading', { name: 'Vladimir' })).toBeVisible();
  await screenshot(page, 'people-view');
  await named.getByRole('button', { name: 'Show items' }).click();
  await expect(view).toBeHidden();

  // The gallery now shows the tag's items: the man's three photos, not the woman's.
  await expect(page.getByRole('gridcell')).toHaveCount(3);
  for (const name of ['man-1.jpg', 'man-2.jpg', 'man-3.jpg']) await expect(cell(page, name)).toBeVisible();
  // In the sidebar's tag tree the name is a level under People.
  await sidebar(page).getByRole('button', { name: 'Expand People' }).click();
  await expect(sidebar(page).getByRole('button', { name: 'Vladimir 3 items' })).toBeVisible();

  await cell(page, 'man-3.jpg').click();
  await focusGallery(page);
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: 'man-3.jpg' });
  await expect(preview.getByRole('listitem', { name: 'Face: Vladimir' })).toBeVisible();
  await expectNoSeriousViolations(page, 'the preview with face boxes');
  await expect(gallery(page)).toBeAttached();
});

test('undo a naming in the People view with Ctrl+Z, and redo it', async ({ page }) => {
  await openFolio(page, server().url);
  const { people } = await rpc<{ people: { id: number; name: string | null; faceCount: number }[] }>(server(), 'people.list');
  const woman = people.find((person) => person.faceCount === 1 && person.name === null);
  expect(woman, JSON.stringify(people)).toBeDefined();
  // The first test's People/<name> tag put a People level in the tag tree too.
  await sidebar(page).getByRole('button', { name: 'People', exact: true }).click();
  const view = page.getByRole('dialog', { name: 'People' });
  const card = view.getByRole('listitem', { name: `Unnamed person ${woman?.id}` });
  await card.getByRole('textbox', { name: `Name for Unnamed person ${woman?.id}` }).fill('Ada');
  await card.getByRole('button', { name: 'Name', exact: true }).click();
  const named = view.getByRole('listitem', { name: 'Ada' });
  await expect(named.getByRole('heading', { name: 'Ada' })).toBeVisible();

  // Outside a text field, Ctrl+Z is the library's undo: the person is unnamed again.
  await named.getByRole('button', { name: 'Faces' }).focus();
  await page.keyboard.press('Control+z');
  await expect(view.getByRole('listitem', { name: `Unnamed person ${woman?.id}` })).toBeVisible();
  expect((await rpc<{ tags: string[] }>(server(), 'media.get', { id: (await rpc<{ faces: { mediaId: number }[] }>(server(), 'people.faces', { id: woman?.id })).faces[0]?.mediaId })).tags).not.toContain('People/Ada');

  await view.getByRole('listitem', { name: `Unnamed person ${woman?.id}` }).getByRole('button', { name: 'Faces' }).focus();
  await page.keyboard.press('Control+Shift+z');
  await expect(view.getByRole('listitem', { name: 'Ada' })).toBeVisible();
});
