/**
 * An open page keeps up with the library whoever changes it: a REST PATCH of name and tags shows
 * the new name under the tile and the tags in the panel (the name once stayed stale), a `folio
 * tag` run in a terminal (another process on the same library) shows up without a reload, and
 * the Rescan button finds a file added to a folder, with its progress in the status bar.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { CORPUS_DIR, idOfItemNamed, REPO_ROOT, serverForFile } from './support/folio-server.js';
import { cell, openFolio, panel, screenshot, sidebar } from './support/ui.js';

const run = promisify(execFile);
const server = serverForFile(test, { imported: true });

const idOf = (name: string): Promise<number> => idOfItemNamed(server(), name);

test('a REST PATCH of name and tags shows the new name under the tile and the tags in the panel', async ({ page }) => {
  await openFolio(page, server().url);
  await cell(page, 'Canon_DIGITAL_IXUS_400.jpg').click();
  const tags = panel(page).getByRole('list', { name: 'Tags', exact: true });
  await expect(tags).toContainText('No tags');
  const id = await idOf('Canon_DIGITAL_IXUS_400.jpg');
  const token = new URL(server().url).searchParams.get('token') ?? '';
  const response = await fetch(`${server().origin}/api/media/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Token ${token}` },
    body: JSON.stringify({ name: 'Harbour at dusk', tags: ['sea', 'boats'] }),
  });
  expect(response.status).toBe(200);

  await expect(cell(page, 'Harbour at dusk')).toBeVisible();
  await expect(cell(page, 'Canon_DIGITAL_IXUS_400.jpg')).toHaveCount(0);
  await expect(panel(page).getByRole('textbox', { name: 'Name' })).toHaveValue('Harbour at dusk');
  await expect(tags).toContainText('sea');
  await expect(tags).toContainText('boats');
  await expect(sidebar(page).getByRole('button', { name: /^boats/ })).toContainText('1');
});

test('a `folio tag` run as another process on the same library shows up in the open page', async ({ page }) => {
  await openFolio(page, server().url);
  await cell(page, 'Canon_PowerShot_S40.jpg').click();
  const tags = panel(page).getByRole('list', { name: 'Tags', exact: true });
  await expect(tags).toContainText('No tags');
  const id = await idOf('Canon_PowerShot_S40.jpg');

  const cli = await run(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.mjs'), 'tag', String(id), '--add', 'from-terminal', '--library', server().libraryDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, FOLIO_API_TOKEN: '' },
  });
  expect(cli.stdout).toContain('Tags changed on 1 of 1 item');

  await expect(tags).toContainText('from-terminal');
  await expect(sidebar(page).getByRole('button', { name: /^from-terminal/ })).toContainText('1');
});

test('Rescan in the sidebar finds a file added to a folder, with its progress in the status bar', async ({ page }) => {
  await openFolio(page, server().url);
  const allMedia = sidebar(page).getByRole('button', { name: /^All media/ });
  const before = Number((await allMedia.locator('.side-count').innerText()).replace(/\D/g, ''));
  expect(before).toBeGreaterThan(0);
  const rescan = sidebar(page).getByRole('button', { name: 'Rescan', exact: true });
  await expect(rescan).toBeEnabled();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `rescan-button-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  const added = path.join(server().photosDir, 'added-later.jpg');
  fs.copyFileSync(path.join(CORPUS_DIR, 'jpg', 'gps', 'DSCN0010.jpg'), added);
  fs.chmodSync(added, 0o644);
  await rescan.click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toBeVisible({ timeout: 90_000 });
  await expect(allMedia).toContainText(String(before + 1));
  await page.getByRole('combobox', { name: 'Search' }).fill('added-later');
  await expect(cell(page, 'added-later.jpg')).toBeVisible();
});
