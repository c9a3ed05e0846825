/**
 * Writes by another connection or process on the same library file reach this process's
 * listeners (the open window, the browser-mode page) through `PRAGMA data_version`. The poll
 * timer is driven by hand (fake setInterval) so each check happens exactly when the test says;
 * the database, the second connection and the CLI process are real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryChange } from '../../../shared/events.js';
import { CHANGE_ASPECTS } from '../../../shared/events.js';
import { openLibrary } from '../../../electron/library/library.js';
import { OTHER_PROCESS_ACTOR, OTHER_PROCESS_POLL_MS, watchOtherProcessChanges } from '../../../electron/library/db/other-process-changes.js';
import { seedLibrary } from '../../helpers/seed-library.js';
import { openTempLibrary, testContext, type TempLibrary } from '../../helpers/temp-library.js';
import { runFolio } from '../cli/run-folio.js';

let t: TempLibrary;
let ids: number[];
let changes: LibraryChange[];
let stop: () => void;

const fromElsewhere = () => changes.filter((change) => change.actor === OTHER_PROCESS_ACTOR);
const poll = () => vi.advanceTimersByTime(OTHER_PROCESS_POLL_MS);

beforeEach(async () => {
  t = openTempLibrary({ workers: 1 });
  ids = (await seedLibrary(t, ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg'], { thumbnails: false })).items.map((item) => item.id);
  changes = [];
  t.library.events.on('library.changed', (change) => changes.push(change));
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  stop = watchOtherProcessChanges(t.library.db, t.library.events);
});
afterEach(async () => {
  stop();
  vi.useRealTimers();
  await t.dispose();
});

describe('changes made by another process', () => {
  it('a commit on a second connection is announced once, naming every aspect and no ids', () => {
    const other = openLibrary(t.libraryDir);
    try {
      poll();
      expect(fromElsewhere()).toEqual([]);
      other.db.prepare(`UPDATE media SET description = 'from elsewhere' WHERE id = ?`).run(ids[0]);
      poll();
      expect(fromElsewhere()).toEqual([{ aspects: [...CHANGE_ASPECTS], actor: OTHER_PROCESS_ACTOR }]);
      poll();
      expect(fromElsewhere()).toHaveLength(1);
    } finally {
      void other.close();
    }
  });

  it("this process's own writes are not mistaken for another's", async () => {
    await t.library.service.call('media.editTags', { ids, add: ['mine'] }, testContext());
    poll();
    poll();
    expect(changes.map((change) => change.actor)).toEqual(['user']);
  });

  it('a `folio tag` run in its own process reaches the listeners, and the edit is there to read', async () => {
    const run = await runFolio(['tag', String(ids[1]), '--add', 'from-cli', '--library', t.libraryDir]);
    expect(run.code).toBe(0);
    poll();
    expect(fromElsewhere()).toHaveLength(1);
    expect((await t.library.service.call('media.get', { id: ids[1] }, testContext())).tags).toEqual(['from-cli']);
  });

  it('stops when told, and by itself once the database is closed', () => {
    const other = openLibrary(t.libraryDir);
    stop();
    other.db.prepare(`UPDATE media SET description = 'unheard' WHERE id = ?`).run(ids[0]);
    poll();
    expect(fromElsewhere()).toEqual([]);
    void other.close();

    const second = openTempLibrary({ workers: 1 });
    const heard: LibraryChange[] = [];
    second.library.events.on('library.changed', (change) => heard.push(change));
    watchOtherProcessChanges(second.library.db, second.library.events);
    second.library.db.close();
    // A poll after the close must neither throw nor announce anything, and the timer is gone.
    expect(() => poll()).not.toThrow();
    expect(vi.getTimerCount()).toBe(0);
    expect(heard).toEqual([]);
    return second.dispose();
  });
});
