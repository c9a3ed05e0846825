/** What a person does and sees in Folio, phrased for the tests: roles and names only. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { REPO_ROOT } from './folio-server.js';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export async function openFolio(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The printed URL logs in and redirects to the app itself.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { name: 'Folio', level: 1 })).toBeVisible();
}

export function gallery(page: Page): Locator {
  return page.getByRole('grid', { name: 'Media' });
}

export function cell(page: Page, name: string): Locator {
  return page.getByRole('gridcell', { name, exact: true });
}

export function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Details' });
}

export function sidebar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Library' });
}

export async function importFolder(page: Page, folder: string, expectedFiles: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Folder to import' }).fill(folder);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import finished' })).toContainText(`${expectedFiles} files`, { timeout: 90_000 });
}

/** Waits until the tile shows a real, decoded thumbnail (not a placeholder). */
export async function expectThumbnail(tile: Locator): Promise<void> {
  const image = tile.locator('img');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Keyboard focus into the gallery without changing the selection (a click on a tile would). */
export async function focusGallery(page: Page): Promise<void> {
  await gallery(page).focus();
}
