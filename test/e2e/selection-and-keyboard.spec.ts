/**
 * Selecting and moving around the gallery as a person does: arrow keys (grid-aware), Shift
 * to extend, Ctrl+A, Escape, Enter to preview and arrows inside it, Delete with undo, and a
 * rubber band dragged over the tiles.
 */
import { expect, test, type Page } from '@playwright/test';
import { serverForFile } from './support/folio-server.js';
import { focusGallery, gallery, openFolio } from './support/ui.js';

const server = serverForFile(test, { imported: true });

const cells = (page: Page) => page.getByRole('gridcell');
const selected = (page: Page) => page.locator('[role="gridcell"][aria-selected="true"]');

async function columns(page: Page): Promise<number> {
  return Number(await gallery(page).getAttribute('aria-colcount'));
}

async function nameOf(page: Page, index: number): Promise<string> {
  return (await cells(page).nth(index).innerText()).trim();
}

/**
 * The grid's focus ring as drawn: the gallery body's frame over the scroller (gallery.css), as
 * wide as the scroller, since the scroller's own outline is off (Chromium repainted it on every
 * scroll frame). `content` is "none" when no frame is drawn.
 */
function focusRing(page: Page) {
  return gallery(page).evaluate((grid) => {
    const body = grid.parentElement as HTMLElement;
    const frame = getComputedStyle(body, '::after');
    const bodyBox = body.getBoundingClientRect();
    const gridBox = grid.getBoundingClientRect();
    return {
      drawn: frame.content !== 'none',
      border: `${frame.borderTopWidth} ${frame.borderTopStyle}`,
      left: bodyBox.left + parseFloat(frame.left) - gridBox.left,
      right: gridBox.right - (bodyBox.right - parseFloat(frame.right)),
      outline: getComputedStyle(grid).outlineStyle,
    };
  });
}

test('arrow keys, Shift, Ctrl+A and Escape select like a file manager', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  const cols = await columns(page);
  expect(cols).toBeGreaterThan(1);

  await expect.poll(() => focusRing(page).then((ring) => ring.drawn)).toBe(false);
  await focusGallery(page);
  await page.keyboard.press('ArrowRight');
  await expect(cells(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  // The focused grid shows its ring around the scroller's whole box.
  expect(await focusRing(page)).toEqual({ drawn: true, border: '2px solid', left: 0, right: 0, outline: 'none' });
  await page.keyboard.press('ArrowRight');
  await expect(selected(page)).toHaveCount(1);
  await expect(cells(page).nth(1)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Shift+ArrowRight');
  await expect(selected(page)).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(selected(page)).toHaveCount(1);
  await expect(cells(page).nth(2 + cols)).toHaveAttribute('aria-selected', 'true');
  await expect(gallery(page)).toHaveAttribute('aria-activedescendant', (await cells(page).nth(2 + cols).getAttribute('id')) ?? '');

  await page.keyboard.press('Control+a');
  await expect(selected(page)).toHaveCount(21);
  await expect(page.getByText('21 items · 21 selected').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(selected(page)).toHaveCount(0);

  // End scrolls the last row into view (rows far above may leave the DOM): find tiles by name.
  const first = await nameOf(page, 0);
  const last = await nameOf(page, 20);
  await page.keyboard.press('End');
  await expect(page.getByRole('gridcell', { name: last, exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('gridcell', { name: first, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(selected(page)).toHaveCount(1);
});

test('Enter opens the preview, arrows move through the items, Escape closes', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  await cells(page).nth(3).click();
  const third = await nameOf(page, 3);
  const fourth = await nameOf(page, 4);
  await focusGallery(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: third })).toBeVisible();
  await expect(page.getByRole('dialog', { name: third })).toContainText('4 of 21');
  await page.keyboard.press('ArrowRight');
  const next = page.getByRole('dialog', { name: fourth });
  await expect(next).toContainText('5 of 21');
  // The selection follows the preview, so closing it leaves the gallery on that item.
  await page.keyboard.press('Escape');
  await expect(next).toBeHidden();
  await expect(cells(page).nth(4)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByRole('dialog', { name: fourth })).toBeVisible();
  await page.getByRole('button', { name: 'Close preview' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
});

test('Delete moves the selection to the trash and Ctrl+Z brings it back', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  const name = await nameOf(page, 0);
  await cells(page).nth(0).click();
  await page.keyboard.press('Delete');
  await expect(cells(page)).toHaveCount(20);
  await expect(page.getByRole('gridcell', { name, exact: true })).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(cells(page)).toHaveCount(21);
  await expect(page.getByRole('gridcell', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Undid: Move 1 item to the trash' })).toBeVisible();
  // Redo from the toolbar button, then undo again from the keyboard.
  await page.getByRole('button', { name: /^Redo: Move 1 item/ }).click();
  await expect(cells(page)).toHaveCount(20);
  await page.getByRole('button', { name: /^Undo: Move 1 item/ }).click();
  await expect(cells(page)).toHaveCount(21);
});

test('a rubber band selects the tiles it touches; with Ctrl it adds to the selection', async ({ page }) => {
  await openFolio(page, server().url);
  await expect(cells(page)).toHaveCount(21);
  const cols = await columns(page);
  const grid = await gallery(page).boundingBox();
  const target = await cells(page).nth(cols + 1).boundingBox();
  if (!grid || !target) throw new Error('no layout');

  // From the padding at the grid's top-left corner to the middle of row 2, column 2.
  await page.mouse.move(grid.x + 3, grid.y + 3);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await expect(page.locator('.rubber-band')).toBeVisible();
  await page.mouse.up();
  await expect(selected(page)).toHaveCount(4);
  for (const index of [0, 1, cols, cols + 1]) await expect(cells(page).nth(index)).toHaveAttribute('aria-selected', 'true');

  // Ctrl-drag over one more tile of row 1 (starting in the gap above it) adds it.
  const third = await cells(page).nth(2).boundingBox();
  if (!third) throw new Error('no layout');
  await page.keyboard.down('Control');
  await page.mouse.move(third.x + third.width / 2, grid.y + 3);
  await page.mouse.down();
  await page.mouse.move(third.x + third.width / 2 + 4, third.y + 20, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Control');
  await expect(selected(page)).toHaveCount(5);

  // Shift-click extends from the anchor; Ctrl-click toggles one off.
  await cells(page).nth(0).click();
  await cells(page).nth(5).click({ modifiers: ['Shift'] });
  await expect(selected(page)).toHaveCount(6);
  await cells(page).nth(3).click({ modifiers: ['Control'] });
  await expect(selected(page)).toHaveCount(5);
  await expect(cells(page).nth(3)).toHaveAttribute('aria-selected', 'false');
});
