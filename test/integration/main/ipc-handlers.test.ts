import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { METHOD_NAMES, type MethodName } from '../../../shared/contract.js';
import { ELECTRON_MEDIA_BASE, mediaUrlBuilder } from '../../../shared/media-urls.js';
import type { Envelope } from '../../../shared/result.js';
import { createIpcHandler, registerIpcHandlers } from '../../../electron/main/ipc/ipc-handlers.js';
import type { IpcEventLike } from '../../../electron/main/ipc/sender-check.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { countingService } from './counting-service.js';
import { VALID_ARGS } from './valid-args.js';

const ctx = { actor: 'user', urls: mediaUrlBuilder(ELECTRON_MEDIA_BASE) };
const ours: IpcEventLike = { senderFrame: { url: 'app://folio/index.html', parent: null } };

const FOREIGN_SENDERS: Record<string, IpcEventLike> = {
  'another origin': { senderFrame: { url: 'https://example.com/', parent: null } },
  'a subframe of our page': { senderFrame: { url: 'app://folio/index.html', parent: { url: 'app://folio/index.html', parent: null } } },
  'a foreign subframe': { senderFrame: { url: 'https://ads.example/', parent: { url: 'app://folio/index.html', parent: null } } },
  'about:blank': { senderFrame: { url: 'about:blank', parent: null } },
  'a data: URL': { senderFrame: { url: 'data:text/html,<script>folio.invoke()</script>', parent: null } },
  'a file: URL': { senderFrame: { url: 'file:///home/me/dist/renderer/index.html', parent: null } },
  'a look-alike host': { senderFrame: { url: 'app://folio.evil/index.html', parent: null } },
  'a destroyed frame': { senderFrame: null },
};

// Built once: a million ids and a 5 MB string, the sizes a hostile page would send.
const MILLION = Array.from({ length: 1_000_000 }, (_, i) => i + 1);
const HUGE = 'x'.repeat(5_000_000);
const BAD_VALUES: Record<string, unknown> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  'a 5 MB string': HUGE,
  'a million ids': MILLION,
  'a function-shaped object': { then: 'x', constructor: 'y' },
  'a negative fraction': -1.5,
};

/** Every property path of a valid argument object (not into arrays or free-form metadata). */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const here = [...prefix, key];
    const freeForm = key === 'metadata' || key === 'set';
    return [here, ...(freeForm ? [] : fieldPaths(inner, here))];
  });
}

function withField(value: unknown, path: string[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = rest.length === 0 ? replacement : withField(copy[head as string], rest, replacement);
  return copy;
}

describe('IPC handlers', () => {
  let t: TempLibrary;
  let counting: ReturnType<typeof countingService>;
  const call = (method: MethodName, event: IpcEventLike, ...args: unknown[]) =>
    createIpcHandler(method, counting.service, ctx)(event, ...args) as Promise<Envelope<unknown>>;

  beforeAll(() => {
    t = openTempLibrary({ workers: 1 });
    counting = countingService(t.library.service);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('the valid arguments of the table are valid (so each refusal below is about the broken field)', () => {
    for (const method of METHOD_NAMES) expect(() => parseArgs(method, VALID_ARGS[method]), method).not.toThrow();
  });

  describe.each(Object.entries(FOREIGN_SENDERS))('from %s', (_name, event) => {
    it('every method is refused with FORBIDDEN before the service is called', async () => {
      counting.calls.length = 0;
      for (const method of METHOD_NAMES) {
        const answer = await call(method, event, VALID_ARGS[method]);
        expect(answer, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(counting.calls).toEqual([]);
    });
  });

  describe.each(METHOD_NAMES)('%s from our page', (method) => {
    const refused = async (args: unknown[], field?: string) => {
      counting.calls.length = 0;
      const answer = await call(method, ours, ...args);
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (field !== undefined && !answer.ok) expect(answer.error.field).toBe(field);
      expect(counting.calls).toEqual([]);
    };

    it('refuses arguments that are not one object', async () => {
      for (const args of [[null], [42], ['media.get'], [[]], [true], [[VALID_ARGS[method]]], [VALID_ARGS[method], {}]]) {
        await refused(args);
      }
    });

    it('refuses extra keys, including __proto__ and constructor', async () => {
      await refused([{ ...VALID_ARGS[method], extra: 1 }], 'extra');
      // JSON.parse makes "__proto__" an own key, as structured clone over IPC does.
      await refused([{ ...JSON.parse('{"__proto__": {"isAdmin": true}}'), ...VALID_ARGS[method] }]);
      await refused([{ ...VALID_ARGS[method], constructor: { prototype: {} } }]);
    });

    it('refuses NaN, Infinity, huge strings, a million ids and wrong types in every field', async () => {
      const paths = fieldPaths(VALID_ARGS[method]);
      expect(paths.length > 0).toBe(Object.keys(VALID_ARGS[method]).length > 0);
      for (const path of paths) {
        for (const [label, bad] of Object.entries(BAD_VALUES)) {
          counting.calls.length = 0;
          const answer = await call(method, ours, withField(VALID_ARGS[method], path, bad));
          expect(answer, `${path.join('.')} = ${label}`).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
          expect(counting.calls, `${path.join('.')} = ${label}`).toEqual([]);
        }
      }
    });

    it('with valid arguments reaches the service exactly once and answers with an envelope', async () => {
      counting.calls.length = 0;
      const answer = await call(method, ours, VALID_ARGS[method]);
      expect(counting.calls).toEqual([method]);
      expect(typeof answer.ok).toBe('boolean');
      // Whatever the service made of it (an empty library has no item 1), the error is typed
      // and carries no internals.
      if (!answer.ok) expect(JSON.stringify(answer)).not.toMatch(/\bat .+\.ts:\d+|node_modules|SQLITE/);
    });
  });
});

describe('registering the channels', () => {
  it('puts one handler on each contract method channel, and removes them all again', async () => {
    const t = openTempLibrary({ workers: 1 });
    try {
      const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
      const ipcMain = {
        handle: (channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown) => {
          if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          handlers.set(channel, listener);
        },
        removeHandler: (channel: string) => handlers.delete(channel),
      };
      const unregister = registerIpcHandlers(ipcMain, t.library.service, ctx);
      expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((method) => `folio:${method}`).sort());
      const info = (await handlers.get('folio:library.info')?.(ours, {})) as Envelope<{ path: string }>;
      expect(info).toMatchObject({ ok: true, value: { path: t.libraryDir } });
      unregister();
      expect(handlers.size).toBe(0);
    } finally {
      await t.dispose();
    }
  });
});
