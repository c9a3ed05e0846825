/**
 * The fault probe's failures (issue 12), each reproduced against a real server on a real
 * library: text that is not valid Unicode, invisible and comma tags, names with control
 * characters, a busy and a full library, an oversized bulk edit, a damaged picture's
 * thumbnails and originals that were swapped for links.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCorpus, testContext } from '../../helpers/temp-library.js';
import { importFolder, rawRequest, startTestServer, TEST_TOKEN, type TestServer } from './http-fixture.js';
import type { ErrorJson, ItemJson } from './rest-fixture.js';

let t: TestServer;
let photos: string;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestServer();
  photos = copyCorpus(path.join(t.temp.dir, 'photos'), ['jpg/Canon_40D.jpg', 'jpg/Nikon_D70.jpg', 'jpg/gps/DSCN0010.jpg']);
  fs.copyFileSync(path.join(photos, 'jpg/Canon_40D.jpg'), path.join(photos, 'new\nline.jpg'));
  // A JPEG cut short: the import records it as damaged.
  const whole = fs.readFileSync(path.join(photos, 'jpg/Nikon_D70.jpg'));
  fs.writeFileSync(path.join(photos, 'cut.jpg'), whole.subarray(0, Math.floor(whole.length / 3)));
  await importFolder(t.library, photos);
  const listed = (await t.api('GET', '/api/media?limit=50')).json<{ items: ItemJson[] }>().items;
  for (const item of listed) ids[item.originalName as string] = item.id;
});
afterAll(() => t.close());

function expectError(response: { status: number; json<T>(): T }, status: number, code: string, field?: string): ErrorJson['error'] {
  expect(response.status).toBe(status);
  const { error } = response.json<ErrorJson>();
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  return error;
}

const id = (name: string) => ids[name] as number;

describe('text that is not valid Unicode', () => {
  it('refuses a lone surrogate in a tag, naming the field, and stores nothing', async () => {
    const body = '{"addTags":["x\\ud800y"]}';
    const error = expectError(await t.api('PUT', `/api/media/${id('Canon_40D.jpg')}/tags`, body), 400, 'INVALID_ARGUMENT', 'addTags[0]');
    expect(error.message).toMatch(/not valid Unicode/);
    const tags = (await t.api('GET', '/api/tags')).json<{ tags: { name: string }[] }>().tags.map((tag) => tag.name);
    expect(tags.some((name) => name.startsWith('x'))).toBe(false);
  });

  it('refuses a body that is not UTF-8 instead of storing U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await rawRequest(t.port, {
      method: 'PATCH',
      path: `/api/media/${id('Canon_40D.jpg')}`,
      headers: { 'X-Api-Key': TEST_TOKEN, 'Content-Type': 'application/json' },
      body: bytes,
    });
    expectError(response, 400, 'INVALID_ARGUMENT', 'body');
    expect((await t.api('GET', `/api/media/${id('Canon_40D.jpg')}`)).json<ItemJson>().name).toBe('Canon_40D.jpg');
  });
});

describe('tags', () => {
  it('refuses tags made only of invisible characters', async () => {
    for (const tag of ['\u200b', '\ufeff', '\u200b\u200d ']) {
      const error = expectError(await t.api('PUT', `/api/media/${id('Canon_40D.jpg')}/tags`, { addTags: [tag] }), 400, 'INVALID_ARGUMENT', 'addTags[0]');
      // A BOM is white space to JavaScript, so that one is simply empty.
      expect(error.message).toMatch(/visible character|cannot be empty/);
    }
  });

  it('refuses a comma inside a tag, so every form can address every tag', async () => {
    expectError(await t.api('PUT', `/api/media/${id('Canon_40D.jpg')}/tags`, { addTags: ['a,b'] }), 400, 'INVALID_ARGUMENT', 'addTags[0]');
    const edit = await t.api('POST', '/api/media/tags', { ids: [id('Canon_40D.jpg')], addTags: 'a, b' });
    expect(edit.json()).toMatchObject({ updated: 1, added: [{ tag: 'a', count: 1 }, { tag: 'b', count: 1 }] });
    const both = await t.api('GET', '/api/media?tag=a%2Cb');
    expect(both.json<{ items: ItemJson[] }>().items.map((item) => item.id)).toEqual([id('Canon_40D.jpg')]);
  });

  it('says when a remove matched nothing', async () => {
    const answer = await t.api('POST', '/api/media/tags', { ids: [id('Nikon_D70.jpg')], removeTags: 'a,b' });
    expect(answer.json()).toEqual({ updated: 0, added: [], removed: [], unmatched: ['a', 'b'] });
  });
});

describe('names', () => {
  it('gives a file named with a newline a name the API takes back', async () => {
    const item = (await t.api('GET', `/api/media/${id('new\nline.jpg')}`)).json<ItemJson>();
    expect(item.name).toBe('new line.jpg');
    const put = await t.api('PUT', `/api/media/${item.id}`, { name: item.name, description: item.description, tags: item.tags });
    expect(put.status).toBe(200);
  });
});

describe('large writes', () => {
  it('refuses at once an edit of more tag links than one call may change, saying how to split it', async () => {
    const many = Array.from({ length: 6_000 }, (_, i) => i + 1);
    const tags = Array.from({ length: 1_000 }, (_, i) => `t${i}`);
    const started = performance.now();
    const error = expectError(await t.api('POST', '/api/media/tags', { ids: many, addTags: tags }), 400, 'INVALID_ARGUMENT', 'ids');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.message).toContain('6,000,000 tag links');
    expect(error.message).toContain('Send at most 200 items per call');
    expect((await t.api('GET', '/api/tags?prefix=t9')).json<{ tags: unknown[] }>().tags).toEqual([]);
  });
});

describe('a library another program holds, or a full disk', () => {
  it('answers 503 with Retry-After while another connection holds the write lock', async () => {
    const other = new Database(t.library.paths.database);
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const response = await t.api('PATCH', `/api/media/${id('Nikon_D70.jpg')}`, { description: 'held' });
      const error = expectError(response, 503, 'BUSY');
      expect(response.headers['retry-after']).toBe('2');
      expect(error.message).toMatch(/busy/);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect((await t.api('PATCH', `/api/media/${id('Nikon_D70.jpg')}`, { description: 'free' })).status).toBe(200);
  }, 30_000);

  it('says the disk is full, naming the library, and changes nothing', async () => {
    const db = t.library.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    try {
      const tags = Array.from({ length: 200 }, (_, i) => `filler ${i} ${'x'.repeat(80)}`);
      const error = expectError(await t.api('POST', '/api/media/tags', { ids: [id('Nikon_D70.jpg')], addTags: tags }), 500, 'IO_ERROR');
      expect(error.message).toContain('The disk is full');
      expect(error.message).toContain(t.library.paths.root);
    } finally {
      db.pragma('max_page_count = 4294967294');
    }
    expect((await t.api('GET', `/api/media/${id('Nikon_D70.jpg')}`)).json<ItemJson>().tags).toEqual([]);
  });
});

describe('a damaged picture', () => {
  it('answers its thumbnails with a 404 and the reason, and remembers the failure', async () => {
    const item = (await t.api('GET', `/api/media/${id('cut.jpg')}`)).json<ItemJson>();
    expect(item.fileState).toBe('damaged');
    for (let i = 0; i < 2; i += 1) {
      const response = await t.api('GET', `/media/${item.id}/thumb/512`);
      const error = expectError(response, 404, 'NOT_FOUND');
      expect(error.message).toContain(`No thumbnail can be made for item ${item.id}: ${item.stateReason as string}`);
    }
  });
});

describe('originals swapped behind the library', () => {
  it('does not serve a file that became a link to a file outside its folder, nor analyse it', async () => {
    const outside = path.join(t.temp.dir, 'secret.jpg');
    fs.copyFileSync(path.join(photos, 'jpg/gps/DSCN0010.jpg'), outside);
    const target = path.join(photos, 'jpg/gps/DSCN0010.jpg');
    fs.rmSync(target);
    fs.symlinkSync(outside, target);
    expectError(await t.api('GET', `/media/${id('DSCN0010.jpg')}/original`), 403, 'FORBIDDEN');
    // With no thumbnail cached, the extension would read the original: it must refuse too.
    fs.rmSync(t.library.paths.thumbnails, { recursive: true, force: true });
    fs.mkdirSync(t.library.paths.thumbnails, { recursive: true });
    const details = await t.api('PATCH', `/api/media/${id('DSCN0010.jpg')}/details`, { extensions: [{ name: 'local-analysis' }] });
    const status = details.json<ItemJson>().extensionStatus.find((run) => run.extension === 'local-analysis') as unknown as { message: string };
    expect(status.message).toMatch(/outside its library folder/);
  });

  it('does not serve the files of another folder that the library folder was replaced by', async () => {
    const elsewhere = path.join(t.temp.dir, 'elsewhere');
    fs.cpSync(photos, elsewhere, { recursive: true, dereference: false });
    fs.renameSync(photos, `${photos}-moved`);
    fs.symlinkSync(elsewhere, photos);
    try {
      const error = expectError(await t.api('GET', `/media/${id('Canon_40D.jpg')}/original`), 403, 'FORBIDDEN');
      expect(error.message).toContain('now leads to');
    } finally {
      fs.rmSync(photos);
      fs.renameSync(`${photos}-moved`, photos);
    }
    expect((await t.api('GET', `/media/${id('Canon_40D.jpg')}/original`)).status).toBe(200);
  });
});

describe('odd files and clients', () => {
  it('records a named pipe in a folder as skipped, with its reason, and goes on', async () => {
    const fifoDir = path.join(t.temp.dir, 'with-pipe');
    copyCorpus(fifoDir, ['jpg/Canon_40D.jpg']);
    execFileSync('mkfifo', [path.join(fifoDir, 'pipe.jpg')]);
    await importFolder(t.library, fifoDir);
    const issues = await t.library.service.call('import.issues', { limit: 50 }, testContext('cli'));
    expect(issues).toContainEqual(expect.objectContaining({ path: path.join(fifoDir, 'pipe.jpg'), reason: 'It is a named pipe (FIFO), not a file; skipped' }));
  });

  it('logs one line, not a stack, when a client hangs up during an upload', async () => {
    const warned: string[] = [];
    const errors: unknown[] = [];
    const { warn, error } = console;
    console.warn = (line: string) => warned.push(line);
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await new Promise<void>((resolve) => {
        const socket = net.connect(t.port, '127.0.0.1', () => {
          socket.write(`PATCH /api/media/1 HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nX-Api-Key: ${TEST_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":`);
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 100);
        });
      });
      await expect.poll(() => warned.length).toBe(1);
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(warned[0]).toMatch(/^folio: a client closed the connection while sending a request body/);
    expect(errors).toEqual([]);
  });
});
