/**
 * Functions the UI benchmark runs inside the page (serialised by Playwright, so each is
 * self-contained: no imports, no outer variables). Times come from the page's own clock.
 *
 * This file is type-checked with the Node side (no DOM library there, on purpose), so the few
 * browser objects it touches are described structurally below and reached through globalThis.
 */

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(fn, "name")`;
 * serialised into the page, that helper would be missing. This init script provides it.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

export interface FirstRowMarks {
  /** The app's shell (the toolbar heading) is on screen. */
  shell?: number;
  /** Every tile of the grid's first row shows a decoded thumbnail. */
  firstRow?: number;
}

interface PageElement {
  textContent: string | null;
  scrollTop: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
  readonly scrollHeight: number;
  /** Images only. */
  readonly complete?: boolean;
  readonly naturalWidth?: number;
  readonly style: { margin: string; height: string; cssText: string };
  /** Images only. */
  src?: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement> & { length: number };
  click(): void;
  replaceChildren(...nodes: PageElement[]): void;
  appendChild(node: PageElement): void;
  setAttribute(name: string, value: string): void;
}

interface PageGlobals {
  __folioBench?: FirstRowMarks;
  document: PageElement & { body: PageElement; scrollingElement: PageElement | null; createElement(tag: string): PageElement };
  performance: { now(): number };
  requestAnimationFrame(callback: (now: number) => void): number;
}

/** An init script: watches every frame from the first one until the first row of thumbnails is there. */
export function watchFirstRow(): void {
  // Not destructured: requestAnimationFrame must be called on window.
  const w = globalThis as unknown as PageGlobals;
  const marks: FirstRowMarks = {};
  w.__folioBench = marks;
  const check = (): void => {
    if (marks.shell === undefined && w.document.querySelector('h1')) marks.shell = w.performance.now();
    const row = w.document.querySelector('[role="row"][aria-rowindex="1"]');
    if (row) {
      const cells = row.querySelectorAll('[role="gridcell"]');
      const images = [...row.querySelectorAll('img')];
      if (cells.length > 0 && images.length === cells.length && images.every((img) => img.complete === true && (img.naturalWidth ?? 0) > 0)) {
        marks.firstRow = w.performance.now();
        return;
      }
    }
    w.requestAnimationFrame(check);
  };
  w.requestAnimationFrame(check);
}

export interface GridGeometry {
  /** Scrollable height and visible height of the gallery, CSS pixels. */
  height: number;
  viewport: number;
  rows: number;
  columns: number;
  /** Width of one tile (its picture box is square). */
  tile: number;
}

/** The gallery grid's size and layout as the page shows it. */
export function readGrid(): GridGeometry {
  const { document } = globalThis as unknown as PageGlobals;
  const grid = document.querySelector('[role="grid"]');
  if (!grid) throw new Error('no gallery grid on the page');
  return {
    height: grid.scrollHeight,
    viewport: grid.clientHeight,
    rows: Number(grid.getAttribute('aria-rowcount')),
    columns: Number(grid.getAttribute('aria-colcount')),
    tile: grid.querySelector('[role="gridcell"]')?.clientWidth ?? 0,
  };
}

export interface ScrollRun {
  deltas: number[];
  scrolled: number;
}

/**
 * Scrolls an element from top to bottom, `step` pixels per frame, recording the time between
 * consecutive animation frames. `selector` null scrolls the document's scrolling element.
 */
export function scrollThrough([selector, step, maxFrames]: [string | null, number, number?]): Promise<ScrollRun> {
  const w = globalThis as unknown as PageGlobals;
  const el = selector === null ? w.document.scrollingElement : w.document.querySelector(selector);
  if (!el) throw new Error(`nothing to scroll: ${selector}`);
  el.scrollTop = 0;
  const deltas: number[] = [];
  return new Promise((resolve) => {
    let last = 0;
    const frame = (now: number): void => {
      deltas.push(now - last);
      last = now;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || deltas.length >= (maxFrames ?? Infinity)) {
        resolve({ deltas, scrolled: el.scrollTop });
        return;
      }
      el.scrollTop += step;
      w.requestAnimationFrame(frame);
    };
    w.requestAnimationFrame((now) => {
      last = now;
      el.scrollTop += step;
      w.requestAnimationFrame(frame);
    });
  });
}

/**
 * Clicks the sidebar's button for `tag` and waits until the grid was redrawn for it: the
 * heading names the tag, the row count changed, and the first row's thumbnails are decoded.
 */
export function filterByTag(tag: string): Promise<number> {
  const w = globalThis as unknown as PageGlobals;
  const grid = w.document.querySelector('[role="grid"]');
  const rowsBefore = grid?.getAttribute('aria-rowcount') ?? '';
  const nav = w.document.querySelector('nav[aria-label="Library"]');
  const button = [...(nav?.querySelectorAll('button') ?? [])].find((b) => b.querySelector('.side-label')?.textContent === tag);
  if (!button) throw new Error(`no sidebar button for tag ${tag}`);
  const start = w.performance.now();
  button.click();
  return new Promise((resolve) => {
    const check = (): void => {
      const heading = w.document.querySelector('.gallery-title')?.textContent ?? '';
      const rows = w.document.querySelector('[role="grid"]')?.getAttribute('aria-rowcount') ?? '';
      const row = w.document.querySelector('[role="row"][aria-rowindex="1"]');
      const cells = row?.querySelectorAll('[role="gridcell"]').length ?? 0;
      const images = [...(row?.querySelectorAll('img') ?? [])];
      const ready = images.length === cells && cells > 0 && images.every((img) => img.complete === true && (img.naturalWidth ?? 0) > 0);
      if (heading === `Tag: ${tag}` && rows !== rowsBefore && ready) resolve(w.performance.now() - start);
      else w.requestAnimationFrame(check);
    };
    w.requestAnimationFrame(check);
  });
}

/** An empty page as tall as the gallery, for the baseline frame times. */
export function makeTallPage(height: number): void {
  const { document } = globalThis as unknown as PageGlobals;
  document.body.style.margin = '0';
  const spacer = document.createElement('div');
  spacer.style.height = `${height}px`;
  document.body.replaceChildren(spacer);
}

export interface PictureGridSpec {
  urls: string[];
  columns: number;
  /** Square picture box and row pitch, CSS pixels, as the gallery lays them out. */
  tile: number;
  rowHeight: number;
  /** Space between tiles and around the grid (the gallery's TILE_GAP and GRID_PADDING). */
  gap: number;
  padding: number;
  /** Height of the scrolling box. */
  height: number;
}

/**
 * The reading-pace baseline: the same pictures in the same grid geometry as plain, static
 * <img> elements in a scrolling box, with no app around them. The browser still fetches,
 * decodes and draws every picture as it comes near; what is left is the app's own cost.
 */
export function makePictureGrid(spec: PictureGridSpec): void {
  const { document } = globalThis as unknown as PageGlobals;
  document.body.style.margin = '0';
  const box = document.createElement('div');
  box.style.cssText = `position:relative;height:${spec.height}px;overflow-y:auto;background:#fff;contain:strict`;
  box.setAttribute('data-picture-grid', '');
  const content = document.createElement('div');
  content.style.cssText = `position:relative;height:${Math.ceil(spec.urls.length / spec.columns) * spec.rowHeight + spec.padding * 2}px`;
  spec.urls.forEach((url, i) => {
    const img = document.createElement('img');
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    const left = spec.padding + (i % spec.columns) * (spec.tile + spec.gap);
    const top = spec.padding + Math.floor(i / spec.columns) * spec.rowHeight;
    img.style.cssText = `position:absolute;left:${left}px;top:${top}px;width:${spec.tile}px;height:${spec.tile}px;object-fit:contain`;
    img.src = url;
    content.appendChild(img);
  });
  box.replaceChildren(content);
  document.body.replaceChildren(box);
}
