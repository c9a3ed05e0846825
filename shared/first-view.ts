/**
 * The window a fresh page asks for first: "All media" by date taken, newest first, from the
 * top (the renderer's default view and sort, and its first two pages of ids). The library
 * reads it as it opens (electron/library/service/warm-first-view.ts), so the page's first
 * window finds the view counted and SQLite's pages for it in memory.
 */
export const FIRST_VIEW_WINDOW = {
  filter: { status: 'active', versions: false },
  sort: { field: 'takenAt', direction: 'desc' },
  offset: 0,
  limit: 1_000,
} as const;
