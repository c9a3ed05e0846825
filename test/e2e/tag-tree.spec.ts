/**
 * The tag tree in the UI: a tree built in the tag manager by dragging, a branch renamed in
 * place, the sidebar's tree, the gallery's filter and the panel's chips following; undo of a
 * rename; aliases typed in the tag editor; implied tags under the chips; colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe.js';
import { idOfItemNamed, rpc, serverForFile } from './support/folio-server.js';
import { cell, gallery, openFolio, panel, screenshot, sidebar } from './support/ui.js';

const server = serverForFile(test, { imported: true });

// axe is injected as a script; the page's CSP (script-src 'self') would block it.
test.use({ bypassCSP: true });

const PARIS_PHOTO = 'Canon_40D.jpg';
const FRANCE_PHOTO = 'Canon_PowerShot_S40.jpg';
const OTHER_PHOTO = 'Nikon_COOLPIX_P1.jpg';

async function tagByApi(name: string, tags: string[]): Promise<void> {
  const id = await idOfItemNamed(server(), name);
  await rpc(server(), 'media.editTags', { ids: [id], add: tags, remove: [] });
}

function manager(page: Page) {
  return page.getByRole('main', { name: 'Tag manager' });
}

function treeItem(page: Page, name: string) {
  return manager(page).getByRole('tree', { name: 'Tags' }).getByRole('treeitem', { name, exact: true });
}

async function openManager(page: Page): Promise<void> {
  await sidebar(page).getByRole('button', { name: 'Manage', exact: true }).click();
  await expect(manager(page).getByRole('heading', { name: 'Tag manager' })).toBeVisible();
}

test('build a tree by dragging, rename a branch, and see the filter and chips follow; undo the rename', async ({ page }) => {
  await tagByApi(PARIS_PHOTO, ['Paris']);
  await tagByApi(FRANCE_PHOTO, ['France']);
  await tagByApi(OTHER_PHOTO, ['Places']);
  await openFolio(page, server().url);
  await openManager(page);

  // Paris onto France, then France (with Paris) onto Places.
  await treeItem(page, 'Paris').dragTo(treeItem(page, 'France'));
  await expect(treeItem(page, 'France')).toHaveAttribute('aria-expanded', 'false');
  await treeItem(page, 'France').dragTo(treeItem(page, 'Places'));
  await expect(treeItem(page, 'Paris')).toBeHidden();
  await expect(treeItem(page, 'Places')).toHaveAttribute('aria-expanded', 'false');

  // Open the branch with the keyboard: Right opens, Down steps in.
  await treeItem(page, 'Places').click();
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, 'Places')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, 'France')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, 'Paris')).toHaveAttribute('aria-level', '3');
  // Exact count 1 and branch count 3 on Places.
  await expect(treeItem(page, 'Places')).toContainText('1');
  await expect(treeItem(page, 'Places')).toContainText('3');

  // A colour on the branch.
  await treeItem(page, 'Places').click();
  await manager(page).getByRole('radiogroup', { name: 'Colour of Places' }).getByRole('radio', { name: 'Blue' }).click();
  await expect(manager(page).getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'true');

  // Rename in place: F2, type, Enter.
  await treeItem(page, 'Places').focus();
  await page.keyboard.press('F2');
  const field = manager(page).getByRole('textbox', { name: 'New name for Places' });
  await field.fill('Travel');
  await field.press('Enter');
  await expect(treeItem(page, 'Travel')).toBeVisible();
  await expect(treeItem(page, 'Places')).toBeHidden();


  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `tag-manager-${colorScheme}`);
    await expectNoSeriousViolations(page, `the tag manager (${colorScheme} theme)`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The sidebar's tree: a click on the branch shows the items beneath it.
  const travel = sidebar(page).getByRole('button', { name: /^Travel/ });
  await expect(travel).toContainText('3');
  await travel.click();
  await expect(gallery(page).getByRole('gridcell')).toHaveCount(3);
  await expect(cell(page, PARIS_PHOTO)).toBeVisible();
  await cell(page, PARIS_PHOTO).click();
  const chips = panel(page).getByRole('list', { name: 'Tags', exact: true });
  await expect(chips).toContainText('Travel/France/Paris');

  // Undo of the rename (the app's undo, from the gallery): the chips say Places again.
  await gallery(page).focus();
  await page.keyboard.press('Control+z');
  await expect(chips).toContainText('Places/France/Paris');
  await expect(sidebar(page).getByRole('button', { name: /^Places/ })).toBeVisible();
});

test('an alias typed in the tag editor stores its tag; implied tags show under the chips', async ({ page }) => {
  await tagByApi(OTHER_PHOTO, ['Places/USA/New York']);
  await openFolio(page, server().url);
  await openManager(page);
  await manager(page).getByRole('searchbox', { name: 'Filter tags' }).fill('new y');
  await treeItem(page, 'New York').click();
  const aliasField = manager(page).getByRole('textbox', { name: 'Add an alias of New York' });
  await aliasField.fill('nyc');
  await aliasField.press('Enter');
  await expect(manager(page).getByRole('list', { name: 'Aliases of New York' })).toContainText('nyc');
  const impliesField = manager(page).getByRole('textbox', { name: 'Add a tag implied by New York' });
  await impliesField.fill('city');
  await impliesField.press('Enter');
  await expect(manager(page).getByRole('list', { name: 'Tags implied by New York' })).toContainText('city');
  await manager(page).getByRole('button', { name: 'Back to the gallery' }).click();

  await cell(page, PARIS_PHOTO).click();
  const input = panel(page).getByRole('combobox', { name: 'Add a tag' });
  await input.fill('nyc');
  await expect(panel(page).getByRole('option', { name: /nyc → Places\/USA\/New York/ })).toBeVisible();
  await input.press('Enter');
  const chips = panel(page).getByRole('list', { name: 'Tags', exact: true });
  await expect(chips).toContainText('Places/USA/New York');
  await expect(chips).not.toContainText('nyc');
  const implied = panel(page).getByRole('list', { name: 'Implied tags' });
  await expect(implied).toContainText('city');
  await expect(implied).toContainText('implied by Places/USA/New York');
  await expect(implied.getByRole('button')).toHaveCount(0);
  await screenshot(page, 'tag-editor-implied');

  // A new path creates its levels: the sidebar's tree has them at once.
  await input.fill('Places/Spain/Seville');
  await input.press('Enter');
  await expect(chips).toContainText('Places/Spain/Seville');
  await sidebar(page).getByRole('button', { name: 'Expand Places' }).click();
  await sidebar(page).getByRole('button', { name: 'Expand Spain' }).click();
  await expect(sidebar(page).getByRole('button', { name: /^Seville/ })).toContainText('1');
  // A path with an empty level is flagged before it is sent.
  await input.fill('Places//Nowhere');
  await expect(panel(page).getByText('A tag path cannot have an empty level')).toBeVisible();
});

test('unused tags: the filter finds them and the delete says how many items lose them', async ({ page }) => {
  const id = await idOfItemNamed(server(), OTHER_PHOTO);
  await rpc(server(), 'media.editTags', { ids: [id], add: ['ephemeral'], remove: [] });
  await rpc(server(), 'media.editTags', { ids: [id], add: [], remove: ['ephemeral'] });
  await openFolio(page, server().url);
  await openManager(page);
  await manager(page).getByRole('checkbox', { name: 'Unused tags only' }).check();
  await expect(treeItem(page, 'ephemeral')).toBeVisible();
  await treeItem(page, 'ephemeral').click();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('It will be removed from 0 items');
  await dialog.getByRole('button', { name: 'Delete tag' }).click();
  await expect(treeItem(page, 'ephemeral')).toBeHidden();
});

test('with the keyboard and the selection: merge two tags, move one with Ctrl+X / Ctrl+V, undo both', async ({ page }) => {
  await tagByApi(PARIS_PHOTO, ['kitty']);
  await tagByApi(FRANCE_PHOTO, ['cat']);
  await tagByApi(OTHER_PHOTO, ['Animals']);
  await openFolio(page, server().url);
  await openManager(page);

  await treeItem(page, 'kitty').click();
  await treeItem(page, 'cat').click({ modifiers: ['Control'] });
  await expect(treeItem(page, 'kitty')).toHaveAttribute('aria-selected', 'true');
  const merge = manager(page).getByRole('region', { name: 'Merge the selected tags' });
  await expect(merge).toContainText('2 tags selected');
  await merge.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'cat' });
  await merge.getByRole('button', { name: 'Merge 2 tags' }).click();
  await expect(treeItem(page, 'kitty')).toBeHidden();
  await expect(treeItem(page, 'cat')).toContainText('2');

  await treeItem(page, 'cat').click();
  await page.keyboard.press('Control+x');
  await treeItem(page, 'Animals').click();
  await page.keyboard.press('Control+v');
  await expect(treeItem(page, 'cat')).toBeHidden();
  await treeItem(page, 'Animals').press('ArrowRight');
  await expect(treeItem(page, 'cat')).toHaveAttribute('aria-level', '2');

  await treeItem(page, 'Animals').press('Control+z');
  await expect(treeItem(page, 'cat')).toHaveAttribute('aria-level', '1');
  await treeItem(page, 'cat').press('Control+z');
  await expect(treeItem(page, 'kitty')).toBeVisible();
  await expect(treeItem(page, 'cat')).toContainText('1');
});

test('after a drag and a rename in the tag manager the gallery filter and the tile chips follow; a branch counts each item once', async ({ page }) => {
  // Photos the other tests here leave alone (they share one library).
  const MONET_PHOTO = 'Kodak_CX7530.jpg';
  const COAST_PHOTO = 'Pentax_K10D.jpg';
  await tagByApi(MONET_PHOTO, ['Monet', 'Giverny']);
  await tagByApi(COAST_PHOTO, ['Normandie']);
  await openFolio(page, server().url);
  const chipsOf = (name: string) => cell(page, name).locator('.tile-tag');
  // Tiles carry their tags as chips from the start.
  await expect(chipsOf(MONET_PHOTO)).toHaveText(['Giverny', 'Monet']);
  await openManager(page);

  // Each drop is seen in the tree before the next drag starts: the tree's rows shift when a move
  // lands, and a drag begun before that would be dropped wherever Normandie's row was.
  await treeItem(page, 'Monet').dragTo(treeItem(page, 'Normandie'));
  await expect(treeItem(page, 'Monet')).toBeHidden();
  await expect(treeItem(page, 'Normandie')).toHaveAttribute('aria-expanded', 'false');
  await treeItem(page, 'Giverny').dragTo(treeItem(page, 'Normandie'));
  await expect(treeItem(page, 'Giverny')).toBeHidden();
  // The Monet photo carries two tags of the branch and counts once: 1 tagged Normandie itself, 2 in the branch.
  await expect(treeItem(page, 'Normandie')).toContainText('2');
  await expect(treeItem(page, 'Normandie')).not.toContainText('3');
  await treeItem(page, 'Normandie').click();
  await manager(page).getByRole('radiogroup', { name: 'Colour of Normandie' }).getByRole('radio', { name: 'Green' }).click();
  await treeItem(page, 'Normandie').focus();
  await page.keyboard.press('F2');
  const field = manager(page).getByRole('textbox', { name: 'New name for Normandie' });
  await field.fill('Normandy');
  await field.press('Enter');
  await expect(treeItem(page, 'Normandy')).toBeVisible();
  await manager(page).getByRole('button', { name: 'Back to the gallery' }).click();

  // The sidebar's filter on the renamed branch finds both photos; the chips show the new paths in the branch's colour.
  const branch = sidebar(page).getByRole('button', { name: /^Normandy/ });
  await expect(branch).toContainText('2');
  await branch.click();
  await expect(gallery(page).getByRole('gridcell')).toHaveCount(2);
  const chips = chipsOf(MONET_PHOTO);
  await expect(chips).toHaveText(['Giverny', 'Monet']);
  await expect(chips.first()).toHaveAttribute('title', 'Normandy/Giverny');
  await expect(chips.nth(1)).toHaveAttribute('title', 'Normandy/Monet');
  await expect(chips.first()).toHaveClass(/coloured/);
  await expect(chips.first()).toHaveCSS('border-left-color', 'rgb(48, 164, 108)');
  await expect(chipsOf(COAST_PHOTO)).toHaveText(['Normandy']);
  await expect(cell(page, MONET_PHOTO)).toHaveAccessibleDescription('tags Normandy/Giverny, Normandy/Monet');
  await screenshot(page, 'tile-tag-chips');

  // A tag typed with an alias at its start is stored below the alias's tag, and its tile shows it.
  const tree = await rpc<{ id: number; path: string }[]>(server(), 'tags.tree', {});
  await rpc(server(), 'tags.setAliases', { id: tree.find((t) => t.path === 'Normandy')?.id, add: ['nor'] });
  await cell(page, COAST_PHOTO).click();
  const input = panel(page).getByRole('combobox', { name: 'Add a tag' });
  await input.fill('nor/Etretat');
  await input.press('Enter');
  await expect(panel(page).getByRole('list', { name: 'Tags', exact: true })).toContainText('Normandy/Etretat');
  await expect(chipsOf(COAST_PHOTO)).toHaveText(['Normandy', 'Etretat']);
});
