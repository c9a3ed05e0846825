/**
 * Which sidebar sections the person folded away, kept in the page's storage so a reload (or
 * the next start of the app) shows the sidebar as it was left. Stored as the list of folded
 * sections rather than open ones: a section added later starts open.
 */
export const SIDEBAR_SECTIONS_KEY = 'folio.sidebar.collapsed';

/** The part of `Storage` this needs: a test passes a Map-backed one, the page `localStorage`. */
export interface SectionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Anything but a list of names (an older format, a hand-edited value) reads as "all open". */
export function readCollapsed(storage: SectionStorage | null): ReadonlySet<string> {
  if (storage === null) return new Set();
  let raw: string | null;
  try {
    raw = storage.getItem(SIDEBAR_SECTIONS_KEY);
  } catch {
    return new Set(); // storage refused (a privacy mode): every section open, nothing remembered
  }
  if (raw === null) return new Set();
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? new Set(parsed.filter((name): name is string => typeof name === 'string')) : new Set();
  } catch {
    return new Set();
  }
}

export function withSectionToggled(collapsed: ReadonlySet<string>, section: string): ReadonlySet<string> {
  const next = new Set(collapsed);
  if (!next.delete(section)) next.add(section);
  return next;
}

/** A full or refused storage only loses the memory of the fold, never the fold itself. */
export function writeCollapsed(storage: SectionStorage | null, collapsed: ReadonlySet<string>): void {
  if (storage === null) return;
  try {
    storage.setItem(SIDEBAR_SECTIONS_KEY, JSON.stringify([...collapsed].sort()));
  } catch {
    // nothing to do: the section still folds for this page's life
  }
}

/**
 * One shared set for the page, so two components showing the same section agree, with
 * subscribers for `useSyncExternalStore`.
 */
export function createSectionState(storage: SectionStorage | null) {
  let collapsed = readCollapsed(storage);
  const listeners = new Set<() => void>();
  return {
    isOpen: (section: string): boolean => !collapsed.has(section),
    toggle(section: string): void {
      collapsed = withSectionToggled(collapsed, section);
      writeCollapsed(storage, collapsed);
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
