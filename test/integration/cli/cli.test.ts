import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../shared/media.js';
import { copyCorpus, makeTempDir, removeDir } from '../../helpers/temp-library.js';
import { runFolio, startFolio } from './run-folio.js';

let dir: string;
let library: string;
let photos: string;

beforeAll(() => {
  dir = makeTempDir('folio-cli-');
  library = path.join(dir, 'library');
  photos = copyCorpus(path.join(dir, 'photos'), ['jpg/gps', 'jpg/corrupted.jpg']);
  fs.writeFileSync(path.join(photos, 'empty.jpg'), '');
});
afterAll(() => removeDir(dir));

interface ListJson {
  items: MediaItem[];
  nextCursor: string | null;
}

describe('folio (usage)', () => {
  it('documents commands and exit codes in --help', async () => {
    const run = await runFolio(['--help']);
    expect(run.code).toBe(0);
    for (const text of ['import <dir>', 'list', 'get <id>', 'tag <id…>', 'trash', 'restore', 'serve', 'FOLIO_LIBRARY', 'NOT_FOUND', 'LIBRARY_TOO_NEW']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('exits 2 on a usage error, with the message on stderr', async () => {
    for (const args of [[], ['frobnicate'], ['list', '--bogus'], ['get', 'abc', '--library', library], ['tag', '1', '--library', library]]) {
      const run = await runFolio(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/folio|Usage/);
    }
  });
});

describe('folio import, list, get, tag, trash, restore', () => {
  it('imports a folder and prints a summary with each problem and its reason', async () => {
    const run = await runFolio(['import', photos, '--library', library, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = run.json<{ state: string; done: number; total: number; problems: { path: string; reason: string }[] }>();
    expect(summary.state).toBe('done');
    expect(summary.done).toBe(summary.total);
    expect(summary.total).toBeGreaterThanOrEqual(10);
    const problemFiles = summary.problems.map((problem) => path.basename(problem.path));
    expect(problemFiles).toEqual(expect.arrayContaining(['corrupted.jpg', 'empty.jpg']));
    for (const problem of summary.problems) expect(problem.reason.length).toBeGreaterThan(3);
    // Not a terminal: progress comes as plain lines, never carriage returns.
    expect(run.stderr).not.toContain('\r');
  });

  it('prints a readable summary without --json', async () => {
    const again = await runFolio(['import', photos, '--library', library]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Import of .*photos: done/);
    expect(again.stdout).toContain('corrupted.jpg');
  });

  it('lists with --json, --tag, --limit and --sort, and uses FOLIO_LIBRARY', async () => {
    const all = await runFolio(['list', '--json', '--all'], { FOLIO_LIBRARY: library });
    expect(all.code).toBe(0);
    const items = all.json<ListJson>().items;
    expect(items.length).toBeGreaterThanOrEqual(10);
    const page = await runFolio(['list', '--json', '--limit', '2', '--sort', 'name:asc', '--library', library]);
    const first = page.json<ListJson>();
    expect(first.items).toHaveLength(2);
    const [a, b] = first.items.map((item) => item.name.toLowerCase());
    expect((a ?? '') <= (b ?? '')).toBe(true);
    expect(first.nextCursor).not.toBeNull();
    const text = await runFolio(['list', '--limit', '3'], { FOLIO_LIBRARY: library });
    expect(text.stdout.trim().split('\n')).toHaveLength(3);
    expect(text.stderr).toContain('--cursor');
  });

  it('says in a sentence what an argument takes, and the option that gets past it', async () => {
    const tooMany = await runFolio(['list', '--limit', '1000', '--library', library]);
    expect(tooMany.code).toBe(4);
    expect(tooMany.stderr).toContain('folio: limit is at most 500 (got 1000); use --all for every item, or --cursor to go on from a page (limit)');
    const badSort = await runFolio(['list', '--sort', 'colour', '--library', library]);
    expect(badSort.stderr).toContain('sort.field is one of: name, takenAt, addedAt, size');
  });

  it('tags several items, and finds them by tag', async () => {
    const ids = (await runFolio(['list', '--json', '--sort', 'addedAt', '--limit', '3', '--library', library])).json<ListJson>().items.map((item) => item.id);
    const tagged = await runFolio(['tag', ...ids.map(String), '--add', 'holiday,sea', '--add', 'family', '--library', library, '--json']);
    expect(tagged.code, tagged.stderr).toBe(0);
    expect(tagged.json()).toMatchObject({ updated: 3 });
    const removed = await runFolio(['tag', String(ids[0]), '--remove', 'sea', '--library', library]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Tags changed on 1 of 1 item');
    const holiday = (await runFolio(['list', '--json', '--tag', 'holiday', '--library', library])).json<ListJson>().items;
    expect(holiday.map((item) => item.id).sort()).toEqual([...ids].sort());
    const sea = (await runFolio(['list', '--json', '--tag', 'holiday,sea', '--library', library])).json<ListJson>().items;
    expect(sea).toHaveLength(2);
    const bad = await runFolio(['tag', String(ids[0]), '--add', 'bad\u0007tag', '--library', library]);
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/^folio: .*control characters/m);
  });

  it('gets one item as JSON or text, and exits 3 for an unknown id', async () => {
    const [first] = (await runFolio(['list', '--json', '--tag', 'family', '--library', library])).json<ListJson>().items;
    const got = await runFolio(['get', String(first?.id), '--json', '--library', library]);
    expect(got.code).toBe(0);
    expect(got.json<MediaItem>()).toMatchObject({ id: first?.id, tags: expect.arrayContaining(['family', 'holiday']) });
    const text = await runFolio(['get', String(first?.id), '--library', library]);
    expect(text.stdout).toMatch(/^tags: +.*holiday/m);
    const missing = await runFolio(['get', '987654', '--library', library]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^folio: .*987654/m);
    const missingJson = await runFolio(['get', '987654', '--json', '--library', library]);
    expect(missingJson.code).toBe(3);
    expect(missingJson.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('trashes and restores', async () => {
    const [first] = (await runFolio(['list', '--json', '--tag', 'family', '--library', library])).json<ListJson>().items;
    const id = String(first?.id);
    const trashed = await runFolio(['trash', id, '--library', library, '--json']);
    expect(trashed.code).toBe(0);
    expect(trashed.json()).toMatchObject({ deletedCount: 1 });
    const trash = (await runFolio(['list', '--json', '--status', 'deleted', '--library', library])).json<ListJson>().items;
    expect(trash.map((item) => item.id)).toEqual([first?.id]);
    const restored = await runFolio(['restore', id, '--library', library]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('Restored 1 item');
    expect((await runFolio(['trash', '987654', '--library', library])).code).toBe(3);
  });

  it('rescans', async () => {
    fs.rmSync(path.join(photos, 'jpg', 'gps', 'DSCN0010.jpg'));
    const run = await runFolio(['rescan', '--library', library, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ state: 'done' });
    const missing = (await runFolio(['list', '--json', '--query', 'is:missing', '--library', library])).json<ListJson>().items;
    expect(missing.map((item) => item.originalName)).toEqual(['DSCN0010.jpg']);
  });
});

describe('folio errors a script can rely on', () => {
  it('exits 3 when there is no library there, rather than making one', async () => {
    const nowhere = path.join(dir, 'no-library-here');
    const run = await runFolio(['list', '--library', nowhere]);
    expect(run.code).toBe(3);
    expect(fs.existsSync(nowhere)).toBe(false);
  });

  it('exits 6 for a library written by a newer Folio, and leaves it alone', async () => {
    const newer = path.join(dir, 'newer');
    fs.mkdirSync(newer);
    const db = new Database(path.join(newer, 'library.sqlite'));
    db.pragma('user_version = 9999');
    db.close();
    const run = await runFolio(['list', '--library', newer]);
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/newer version of Folio/);
    const check = new Database(path.join(newer, 'library.sqlite'), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(9999);
    check.close();
  });

  it('exits 4 when serve is asked to listen beyond loopback', async () => {
    const run = await runFolio(['serve', '--host', '0.0.0.0', '--port', '0', '--library', library]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/127\.0\.0\.1 or ::1/);
  });
});

describe('folio serve', () => {
  it('prints the URL with the key, serves the API, and stops cleanly on SIGINT', async () => {
    const { child, match } = await startFolio(
      ['serve', '--port', '0', '--library', library],
      /Folio is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/,
      { FOLIO_API_TOKEN: 'cli-test-key-0123456789' },
    );
    try {
      expect(match[3]).toBe('cli-test-key-0123456789');
      const origin = `http://127.0.0.1:${match[2]}`;
      const tags = await fetch(`${origin}/api/tags`, { headers: { Authorization: 'Token cli-test-key-0123456789' } });
      expect(tags.status).toBe(200);
      expect(await tags.json()).toMatchObject({ tags: expect.arrayContaining([expect.objectContaining({ path: 'holiday', count: 3 })]) });
      expect((await fetch(`${origin}/api/tags`)).status).toBe(401);
      const login = await fetch(match[1] ?? '', { redirect: 'manual' });
      expect(login.status).toBe(302);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });
});
