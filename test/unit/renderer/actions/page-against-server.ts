/**
 * The renderer's actions and store, running in Node against a real browser-mode server over a
 * real temp library. The API client speaks HTTP to relative URLs (`/rpc/<method>`) with the
 * page's login cookie; here `fetch` resolves those URLs against the server's origin and sends the
 * access key instead. Nothing answers in the server's place: every call reaches the real service.
 */
import { vi } from 'vitest';
import { startTestServer, TEST_TOKEN, type TestServer } from '../../../integration/http/http-fixture.js';
import { testContext } from '../../../helpers/temp-library.js';
import type { MethodName } from '../../../../shared/contract.js';

export interface PageAgainstServer {
  server: TestServer;
  /** Contract methods the page called, in order (to see what a change reloaded). */
  calls: string[];
  /** Ids of the imported items, by file name. */
  idOf(name: string): number;
  /** A write made behind the page's back (the REST API, another window): the service, directly. */
  elsewhere<M extends MethodName>(method: M, args: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function pageAgainstServer(corpus: string[]): Promise<PageAgainstServer> {
  const server = await startTestServer({ corpus });
  const origin = `http://127.0.0.1:${server.port}`;
  const realFetch = globalThis.fetch;
  const calls: string[] = [];
  vi.stubGlobal('fetch', (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), origin);
    if (url.pathname.startsWith('/rpc/')) calls.push(decodeURIComponent(url.pathname.slice('/rpc/'.length)));
    return realFetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'X-Api-Key': TEST_TOKEN } });
  });
  // Only what the gallery's actions read: the window's size for the first screen of tiles.
  vi.stubGlobal('window', { innerWidth: 1200, innerHeight: 800 });
  const { items } = await server.library.service.call('media.list', { limit: 500 }, testContext());
  const ids = new Map(items.map((item) => [item.originalName, item.id]));
  return {
    server,
    calls,
    idOf(name) {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`no item from ${name}`);
      return id;
    },
    elsewhere: (method, args) => server.library.service.call(method, args, testContext('api')),
    async close() {
      vi.unstubAllGlobals();
      await server.close();
    },
  };
}
