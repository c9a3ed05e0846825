/**
 * A real browser-mode server per test file: a copy of corpus files in a temp folder, a fresh
 * library beside it, `folio serve --port 0` in a child process, and the URL it prints (opening
 * it logs the page in with the server's cookie).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'exif-samples');

export interface FolioServer {
  /** The printed URL with the access key. */
  url: string;
  origin: string;
  /** Folder holding the copied photos (what the tests type into the import field). */
  photosDir: string;
  libraryDir: string;
  /** The server process (the benchmark reads its memory). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Copies the corpus's top-level JPEGs (real cameras, one damaged file) into `dest`. */
export function copyPhotos(dest: string, pattern = /\.jpe?g$/i): string[] {
  fs.mkdirSync(dest, { recursive: true });
  const source = path.join(CORPUS_DIR, 'jpg');
  const names = fs.readdirSync(source).filter((name) => pattern.test(name) && fs.statSync(path.join(source, name)).isFile());
  for (const name of names) {
    fs.copyFileSync(path.join(source, name), path.join(dest, name));
    fs.chmodSync(path.join(dest, name), 0o644);
  }
  return names.sort();
}

function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`folio serve printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`folio serve exited with ${code} before printing its URL:\n${output}`));
    });
  });
}

export interface ServerOptions {
  /** Library to serve; default a fresh one in the temp folder. */
  libraryDir?: string;
  /** Copy the corpus photos (default true). */
  withPhotos?: boolean;
}

export async function startFolioServer(options: ServerOptions = {}): Promise<FolioServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-e2e-'));
  const photosDir = path.join(root, 'photos');
  if (options.withPhotos !== false) copyPhotos(photosDir);
  const libraryDir = options.libraryDir ?? path.join(root, 'library');
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'folio.mjs'), 'serve', '--library', libraryDir, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, FOLIO_API_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForUrl(child, 60_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    origin: new URL(url).origin,
    photosDir,
    libraryDir,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      // A library passed in belongs to the caller; the temp folder (photos, own library) goes.
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Calls a contract method the way another client would (the access key in a header). */
export async function rpc<T = unknown>(server: FolioServer, method: string, args: object = {}): Promise<T> {
  const token = new URL(server.url).searchParams.get('token') ?? '';
  const response = await fetch(`${server.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': token },
    body: JSON.stringify(args),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

/** The id of the item with this display name (the first 500 items are looked at). */
export async function idOfItemNamed(server: FolioServer, name: string): Promise<number> {
  const { items } = await rpc<{ items: { id: number; name: string }[] }>(server, 'media.list', { limit: 500 });
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`no item named ${name}`);
  return item.id;
}

/** Imports the copied photos without the UI, for tests about something else; waits for the end. */
export async function importWithoutUi(server: FolioServer): Promise<void> {
  await rpc(server, 'import.start', { path: server.photosDir });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const status = await rpc<{ state: string } | null>(server, 'import.status');
    if (status && status.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the import did not finish in time');
}

/**
 * One server for the whole test file, started before its first test and stopped after its
 * last; `imported` also imports the copied photos first (for tests about something else).
 */
export function serverForFile(
  hooks: { beforeAll(fn: () => Promise<void>): void; afterAll(fn: () => Promise<void>): void },
  options: ServerOptions & { imported?: boolean } = {},
): () => FolioServer {
  let server: FolioServer | null = null;
  hooks.beforeAll(async () => {
    server = await startFolioServer(options);
    if (options.imported) await importWithoutUi(server);
  });
  hooks.afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the server has not started');
    return server;
  };
}
