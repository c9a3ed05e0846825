/**
 * Browser mode's Back Up Now and Check Library… (the desktop app has them in its Library menu):
 * a backup lands in the library's backups folder, and the check reports a wrong tag count that
 * Repair then fixes, with the report shown to the user.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { rpc, serverForFile } from './support/folio-server.js';
import { openFolio, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { imported: true });

test('Back Up Now writes a backup and says where', async ({ page }) => {
  await openFolio(page, server().url);
  await sidebar(page).getByRole('button', { name: 'Back Up Now' }).click();
  const dialog = page.getByRole('dialog', { name: 'Back up the library' });
  await expect(dialog.getByRole('status')).toContainText('Backed up to');
  const backups = fs.readdirSync(path.join(server().libraryDir, 'backups')).filter((name) => name.endsWith('.sqlite'));
  expect(backups).toHaveLength(1);
  await expect(dialog.getByRole('status')).toContainText(backups[0] ?? 'missing');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Check Library… reports a wrong tag count and Repair fixes it', async ({ page }) => {
  const { items } = await rpc<{ items: { id: number }[] }>(server(), 'media.list', { limit: 3 });
  await rpc(server(), 'media.editTags', { ids: items.map((item) => item.id), add: ['harbour'] });
  // Another process breaks the derived count (as a bug or a bad tool would).
  const db = new Database(path.join(server().libraryDir, 'library.sqlite'));
  db.prepare(`UPDATE tags SET item_count = 40 WHERE key = 'harbour'`).run();
  db.close();

  await openFolio(page, server().url);
  await sidebar(page).getByRole('button', { name: 'Check Library…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Library check' });
  await expect(dialog.getByRole('status')).toContainText('Problems were found');
  await expect(dialog.getByRole('list', { name: 'Findings' })).toContainText('Tag "harbour" is counted on 40 items but is on 3');
  await screenshot(page, 'library-check');

  await dialog.getByRole('button', { name: 'Repair' }).click();
  await expect(dialog.getByRole('status')).toContainText('Everything found was repaired');
  await expect(dialog.getByRole('list', { name: 'Findings' })).toContainText('Repaired:');
  await expect(dialog.getByRole('button', { name: 'Repair' })).toBeHidden();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(sidebar(page).getByRole('button', { name: /^harbour/ })).toContainText('3');
});
