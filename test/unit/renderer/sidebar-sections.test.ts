import { describe, expect, it } from 'vitest';
import { createSectionState, readCollapsed, SIDEBAR_SECTIONS_KEY, withSectionToggled, writeCollapsed, type SectionStorage } from '../../../renderer/src/logic/sidebar-sections.js';

function memoryStorage(initial: Record<string, string> = {}): SectionStorage & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

const refusing: SectionStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('sidebar sections', () => {
  it('starts with every section open when nothing was stored', () => {
    expect([...readCollapsed(memoryStorage())]).toEqual([]);
    expect([...readCollapsed(null)]).toEqual([]);
    expect(createSectionState(memoryStorage()).isOpen('tags')).toBe(true);
  });

  it('toggling folds, toggling again unfolds, and the other sections are untouched', () => {
    const once = withSectionToggled(new Set(['albums']), 'tags');
    expect([...once].sort()).toEqual(['albums', 'tags']);
    expect([...withSectionToggled(once, 'tags')]).toEqual(['albums']);
  });

  it('remembers a fold across a reload (a new state read from the same storage)', () => {
    const storage = memoryStorage();
    const page = createSectionState(storage);
    page.toggle('timeline');
    page.toggle('analysis');
    page.toggle('analysis');
    expect(JSON.parse(storage.values.get(SIDEBAR_SECTIONS_KEY) ?? 'null')).toEqual(['timeline']);
    const reloaded = createSectionState(storage);
    expect(reloaded.isOpen('timeline')).toBe(false);
    expect(reloaded.isOpen('analysis')).toBe(true);
    // A section the stored list never heard of (added in a later version) starts open.
    expect(reloaded.isOpen('some-new-section')).toBe(true);
  });

  it('reads a damaged or foreign value as "all open" instead of failing', () => {
    for (const raw of ['not json', '{"tags":true}', '"tags"', '42', 'null']) {
      expect([...readCollapsed(memoryStorage({ [SIDEBAR_SECTIONS_KEY]: raw }))]).toEqual([]);
    }
    expect([...readCollapsed(memoryStorage({ [SIDEBAR_SECTIONS_KEY]: '["tags", 3, null, "albums"]' }))].sort()).toEqual(['albums', 'tags']);
  });

  it('still folds when the storage refuses to be read or written', () => {
    expect([...readCollapsed(refusing)]).toEqual([]);
    expect(() => writeCollapsed(refusing, new Set(['tags']))).not.toThrow();
    const page = createSectionState(refusing);
    page.toggle('tags');
    expect(page.isOpen('tags')).toBe(false);
  });

  it('tells its subscribers about a fold, and stops after they unsubscribe', () => {
    const page = createSectionState(memoryStorage());
    let calls = 0;
    const unsubscribe = page.subscribe(() => (calls += 1));
    page.toggle('folders');
    unsubscribe();
    page.toggle('folders');
    expect(calls).toBe(1);
  });
});
