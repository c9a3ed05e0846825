import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, type IpcEventMessage } from '../../../shared/bridge.js';
import type { ImportProgress } from '../../../shared/media.js';
import { ELECTRON_MEDIA_BASE, mediaUrlBuilder } from '../../../shared/media-urls.js';
import type { LibraryChange, MenuCommand } from '../../../shared/events.js';
import { forwardLibraryEvents } from '../../../electron/main/ipc/event-forwarder.js';
import { registerIpcHandlers } from '../../../electron/main/ipc/ipc-handlers.js';
import type { IpcEventLike } from '../../../electron/main/ipc/sender-check.js';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/create-bridge.js';
import type { FolioBridge } from '../../../shared/bridge.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { placeFiles } from './import-folder.js';

type RendererListener = (event: unknown, ...args: unknown[]) => void;

/**
 * Electron's IPC between one page and main, in memory: invoke → ipcMain.handle with the page's
 * frame as sender, webContents.send → the renderer's listeners. Arguments and answers go
 * through structuredClone, as they do across the process boundary.
 */
function ipcPair(pageUrl: string) {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, Set<RendererListener>>();
  const frame = { url: pageUrl, parent: null };
  const ipcMain = {
    handle: (channel: string, handler: (event: IpcEventLike, ...args: unknown[]) => unknown) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: frame }, ...structuredClone(args)));
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const webContentsSend = (channel: string, message: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, structuredClone(message));
  };
  return { ipcMain, ipcRenderer, webContentsSend };
}

describe('window.folio talking to main', () => {
  let t: TempLibrary;
  let bridge: FolioBridge;
  let send: (message: IpcEventMessage) => void;
  let stopForwarding: () => void;

  beforeEach(() => {
    t = openTempLibrary({ workers: 1 });
    const pair = ipcPair('app://folio/index.html');
    registerIpcHandlers(pair.ipcMain, t.library.service, { actor: 'user', urls: mediaUrlBuilder(ELECTRON_MEDIA_BASE) });
    send = (message) => pair.webContentsSend(IPC_EVENT_CHANNEL, message);
    stopForwarding = forwardLibraryEvents(t.library.events, send);
    bridge = createBridge(pair.ipcRenderer, { pathForFile: () => '', isFile: () => false });
  });
  afterEach(async () => {
    stopForwarding();
    await t.dispose();
  });

  it('answers calls with envelopes from the real library', async () => {
    expect(await bridge.invoke('library.info', {})).toMatchObject({ ok: true, value: { path: t.libraryDir, itemCount: 0 } });
    expect(await bridge.invoke('media.get', { id: 12345 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await bridge.invoke('media.get', { id: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'id' } });
  });

  it('imports a folder and hears about it: progress and library changes arrive as events', async () => {
    const folder = path.join(t.dir, 'photos');
    placeFiles(folder, { 'a.jpg': 'jpg/Canon_40D.jpg', 'b #2.jpg': 'jpg/Nikon_D70.jpg' });
    const progress: ImportProgress[] = [];
    const changes: LibraryChange[] = [];
    bridge.on('import.progress', (payload) => progress.push(payload));
    bridge.on('library.changed', (payload) => changes.push(payload));
    const started = await bridge.invoke('import.start', { path: folder });
    expect(started.ok).toBe(true);
    await t.library.importer.whenIdle();
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 2, errors: 0 });
    expect(changes.some((change) => change.aspects.includes('items'))).toBe(true);
    const list = await bridge.invoke('media.list', {});
    expect(list.ok && list.value.items.map((item) => item.originalName).sort()).toEqual(['a.jpg', 'b #2.jpg']);
    // Media URLs are Electron's: by item id on media://item, never a path.
    expect(list.ok && list.value.items[0]?.thumbnails[0]?.url).toMatch(/^media:\/\/item\/\d+\/thumb\/\d+$/);
  });

  it('edits from elsewhere (the REST API, the CLI in-process) reach the window too', async () => {
    const changes: LibraryChange[] = [];
    bridge.on('library.changed', (payload) => changes.push(payload));
    t.library.events.emit('library.changed', { aspects: ['fields', 'tags'], actor: 'api' });
    expect(changes).toEqual([{ aspects: ['fields', 'tags'], actor: 'api' }]);
  });

  it('carries menu commands to the page', () => {
    const commands: MenuCommand[] = [];
    bridge.on('menu.command', (payload) => commands.push(payload));
    send({ event: 'menu.command', payload: { command: 'thumbnail-size', size: 'large' } });
    expect(commands).toEqual([{ command: 'thumbnail-size', size: 'large' }]);
  });

  it('stops sending once the window is gone', () => {
    const changes: LibraryChange[] = [];
    bridge.on('library.changed', (payload) => changes.push(payload));
    stopForwarding();
    t.library.events.emit('library.changed', { aspects: ['fields'], actor: 'user' });
    expect(changes).toEqual([]);
  });
});

describe('a page that is not ours', () => {
  it('gets FORBIDDEN for every call, even with a working bridge', async () => {
    const t = openTempLibrary({ workers: 1 });
    try {
      const pair = ipcPair('https://example.com/');
      registerIpcHandlers(pair.ipcMain, t.library.service, { actor: 'user', urls: mediaUrlBuilder(ELECTRON_MEDIA_BASE) });
      const bridge = createBridge(pair.ipcRenderer, { pathForFile: () => '', isFile: () => false });
      expect(await bridge.invoke('library.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await bridge.invoke('trash.empty', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await t.dispose();
    }
  });
});
