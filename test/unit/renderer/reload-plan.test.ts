import { describe, expect, it } from 'vitest';
import { CHANGE_ASPECTS, type ChangeAspect } from '../../../shared/events.js';
import { reloadPlan } from '../../../renderer/src/logic/reload-plan.js';

const only = (aspect: ChangeAspect) => reloadPlan([aspect]);

describe('which change reloads what', () => {
  it('a rename (fields) redraws the tiles and the panel and re-reads the list (names sort it), not the sidebar', () => {
    expect(only('fields')).toEqual({ ids: true, tiles: true, items: true, library: false });
  });

  it('a tag edit re-reads the list (tag filters), the panel, the sidebar counts and the tiles (their tag chips)', () => {
    expect(only('tags')).toEqual({ ids: true, tiles: true, items: true, library: true });
  });

  it('a PATCH of name and tags does everything either needs: the tile shows the new name', () => {
    expect(reloadPlan(['fields', 'tags'], [7])).toEqual({ ids: true, tiles: true, items: true, library: true, only: [7] });
  });

  it('AI tags only touch the panel; thumbnails the tiles and the panel (it lists their URLs)', () => {
    expect(only('aiTags')).toEqual({ ids: false, tiles: false, items: true, library: false });
    expect(only('thumbnails')).toEqual({ ids: false, tiles: true, items: true, library: false });
  });

  it('trash, new or forgotten items change everything shown', () => {
    for (const aspect of ['trash', 'items'] as const) expect(only(aspect)).toEqual({ ids: true, tiles: true, items: true, library: true });
  });

  it('file facts (missing, damaged, type, size) change list, tiles and panel; folders the list and the sidebar', () => {
    expect(only('files')).toEqual({ ids: true, tiles: true, items: true, library: false });
    expect(only('folders')).toEqual({ ids: true, tiles: false, items: false, library: true });
  });

  it('every aspect reloads something, and all of them together reload everything', () => {
    for (const aspect of CHANGE_ASPECTS) expect(Object.values(only(aspect)).some(Boolean)).toBe(true);
    expect(reloadPlan(CHANGE_ASPECTS)).toEqual({ ids: true, tiles: true, items: true, library: true });
  });

  it('lists the ids once each when given, and none means "anything may have changed"', () => {
    expect(reloadPlan(['fields'], [3, 1, 3]).only).toEqual([3, 1]);
    expect(reloadPlan(['fields'])).not.toHaveProperty('only');
    expect(reloadPlan([])).toEqual({ ids: false, tiles: false, items: false, library: false });
  });
});
