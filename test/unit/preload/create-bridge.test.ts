import { describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../../shared/bridge.js';
import { METHOD_NAMES } from '../../../shared/contract.js';
import type { LibraryChange } from '../../../shared/events.js';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/create-bridge.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Stands in for Electron's ipcRenderer: records invokes, lets the test push events. */
function fakeIpc(answer: (channel: string, args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'answer' })) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke(channel, ...args) {
      invoked.push({ channel, args });
      return answer(channel, args);
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipc;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const emit = (message: unknown) => {
    // The first argument is Electron's IpcRendererEvent; its `sender` is ipcRenderer itself.
    for (const listener of listeners.get(IPC_EVENT_CHANNEL) ?? []) listener({ sender: ipc }, message);
  };
  const count = () => listeners.get(IPC_EVENT_CHANNEL)?.size ?? 0;
  return { ipc, invoked, emit, count };
}

const noFiles = { pathForFile: () => '', isFile: () => false };

describe('window.folio.invoke', () => {
  it('calls each contract method on its own channel with the arguments as given', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc, noFiles);
    for (const method of METHOD_NAMES) await bridge.invoke(method, { probe: method } as never);
    expect(invoked.map((call) => call.channel)).toEqual(METHOD_NAMES.map((method) => `folio:${method}`));
    expect(invoked.every((call, i) => call.args.length === 1 && (call.args[0] as { probe: string }).probe === METHOD_NAMES[i])).toBe(true);
  });

  it('passes the envelope main answers through unchanged', async () => {
    const envelope = { ok: false, error: { code: 'NOT_FOUND', message: 'Media item 9 was not found' } };
    const bridge = createBridge(fakeIpc(async () => envelope).ipc, noFiles);
    await expect(bridge.invoke('media.get', { id: 9 })).resolves.toEqual(envelope);
  });

  it('refuses names outside the contract without touching IPC', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc, noFiles);
    for (const name of ['media.nuke', '__proto__', 'constructor', 'toString', 'folio:media.get', '', 42, null, { toString: () => 'media.get' }]) {
      const answer = await bridge.invoke(name as never, {} as never);
      expect(answer, String(name)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(invoked).toEqual([]);
  });

  it('turns a failed IPC send (uncloneable arguments) into an error envelope', async () => {
    const bridge = createBridge(fakeIpc(async () => Promise.reject(new Error('An object could not be cloned'))).ipc, noFiles);
    await expect(bridge.invoke('library.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('window.folio.on', () => {
  const change: LibraryChange = { aspects: ['fields', 'tags'], ids: [1, 2], actor: 'api' };

  it('delivers only the payload of the event subscribed to, never the IPC event object', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc, noFiles);
    const received: unknown[][] = [];
    bridge.on('library.changed', (...args: unknown[]) => received.push(args));
    emit({ event: 'library.changed', payload: change });
    emit({ event: 'import.progress', payload: { jobId: 'j' } });
    emit({ event: 'menu.command', payload: { command: 'undo' } });
    expect(received).toEqual([[change]]);
  });

  it('ignores malformed messages and unknown events', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc, noFiles);
    const received: unknown[] = [];
    bridge.on('library.changed', (payload) => received.push(payload));
    for (const message of [null, 'library.changed', 42, {}, { event: 'nope', payload: 1 }, { event: '__proto__' }]) emit(message);
    expect(received).toEqual([]);
  });

  it('refuses unknown event names and non-function listeners', () => {
    const bridge = createBridge(fakeIpc().ipc, noFiles);
    expect(() => bridge.on('library.deleted' as never, () => undefined)).toThrow(TypeError);
    expect(() => bridge.on('library.changed', 'alert(1)' as never)).toThrow(TypeError);
  });

  it('unsubscribes, once per subscription, and lets go of IPC when nobody listens', () => {
    const { ipc, emit, count } = fakeIpc();
    const bridge = createBridge(ipc, noFiles);
    const received: string[] = [];
    const listener = () => received.push('x');
    const first = bridge.on('library.changed', listener);
    const second = bridge.on('library.changed', listener);
    const menu = bridge.on('menu.command', () => received.push('menu'));
    expect(count()).toBe(1);
    emit({ event: 'library.changed', payload: change });
    expect(received).toEqual(['x', 'x']);
    first();
    first();
    emit({ event: 'library.changed', payload: change });
    expect(received).toEqual(['x', 'x', 'x']);
    second();
    menu();
    expect(count()).toBe(0);
    emit({ event: 'library.changed', payload: change });
    expect(received).toHaveLength(3);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc, noFiles);
    const received: unknown[] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      bridge.on('library.changed', () => {
        throw new Error('broken component');
      });
      bridge.on('library.changed', (payload) => received.push(payload));
      emit({ event: 'library.changed', payload: change });
    } finally {
      console.error = original;
    }
    expect(received).toEqual([change]);
  });
});

describe('window.folio as a whole', () => {
  it('exposes exactly invoke, on, mediaBase and droppedPaths: no ipcRenderer, no Node', () => {
    const bridge = createBridge(fakeIpc().ipc, noFiles);
    expect(Object.keys(bridge).sort()).toEqual(['droppedPaths', 'invoke', 'mediaBase', 'on']);
    expect(bridge.mediaBase).toBe('media://item');
    const values = Object.values(bridge);
    expect(values.every((value) => typeof value === 'function' || typeof value === 'string')).toBe(true);
  });

  it('droppedPaths gives the disk paths of dropped files and leaves out anything else', () => {
    class FakeFile {
      constructor(readonly where: string) {}
    }
    const bridge = createBridge(fakeIpc().ipc, {
      isFile: (value) => value instanceof FakeFile,
      pathForFile: (file) => (file as FakeFile).where,
    });
    const dropped = [new FakeFile('/photos/2024'), { where: '/etc' }, new FakeFile(''), 'C:\\x', new FakeFile('/photos/a #1.jpg')];
    expect(bridge.droppedPaths(dropped)).toEqual(['/photos/2024', '/photos/a #1.jpg']);
    expect(bridge.droppedPaths(null as never)).toEqual([]);
    expect(bridge.droppedPaths({ length: 1, 0: new FakeFile('/x') })).toEqual(['/x']);
  });
});
