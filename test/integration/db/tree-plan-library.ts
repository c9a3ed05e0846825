/**
 * The library both tag-tree plan tests read: 3,000 generated items and 2,000 tags grown into a
 * tree (50 top-level branches, 200 aliases), opened before the file's tests and removed after.
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openLibrary, type Library } from '../../../electron/library/library.js';
import { generateLargeLibrary } from '../../bench/large-library.js';
import { growTagTree, type TagTreeShape } from '../../bench/tag-tree-library.js';
import { makeTempDir, removeDir } from '../../helpers/temp-library.js';

export interface TreePlanLibrary {
  readonly library: Library;
  readonly shape: TagTreeShape;
  /** A tag's written path. */
  pathOf(id: number): string;
}

/** Call at the top of a test file: the library is there from its first test on. */
export function treePlanLibrary(tempPrefix: string): TreePlanLibrary {
  let dir = '';
  let library: Library | undefined;
  let shape: TagTreeShape | undefined;
  beforeAll(() => {
    dir = makeTempDir(tempPrefix);
    library = openLibrary(path.join(dir, 'library'), { workers: 1 });
    generateLargeLibrary(library.db, '/plans/photos', 3_000, 2_000);
    shape = growTagTree(library.db, 2_000, 50, 200);
  });
  afterAll(async () => {
    await library?.close();
    removeDir(dir);
  });
  return {
    get library() {
      if (!library) throw new Error('the plan library opens in beforeAll');
      return library;
    },
    get shape() {
      if (!shape) throw new Error('the plan library opens in beforeAll');
      return shape;
    },
    pathOf(id) {
      return (this.library.db.prepare(`SELECT name FROM tags WHERE id = ?`).get(id) as { name: string }).name;
    },
  };
}
