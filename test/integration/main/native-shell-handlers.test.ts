import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ELECTRON_MEDIA_BASE, mediaUrlBuilder } from '../../../shared/media-urls.js';
import type { MediaItem } from '../../../shared/media.js';
import type { Envelope } from '../../../shared/result.js';
import { libraryMediaSource } from '../../../electron/library/media-files/library-media-source.js';
import type { Service } from '../../../electron/library/service/service.js';
import { createIpcHandler } from '../../../electron/main/ipc/ipc-handlers.js';
import { createNativeShellHandlers, type NativeShell } from '../../../electron/main/shell/native-shell-handlers.js';
import { openTempLibrary, type TempLibrary } from '../../helpers/temp-library.js';
import { importFolder, itemNamed, placeFiles } from './import-folder.js';

const ctx = { actor: 'user', urls: mediaUrlBuilder(ELECTRON_MEDIA_BASE) };
const ours = { senderFrame: { url: 'app://folio/index.html', parent: null } };

/** Electron's dialog and shell stood in for: records what was asked, moves "trashed" files aside. */
function fakeNative(trashDir: string, answers: { folder?: string | null; confirm?: boolean; openError?: string } = {}) {
  const log: string[] = [];
  const native: NativeShell = {
    platform: 'linux',
    pickFolder: async () => {
      log.push('pickFolder');
      return answers.folder ?? null;
    },
    showItemInFolder: (fullPath) => void log.push(`show ${fullPath}`),
    openPath: async (fullPath) => {
      log.push(`open ${fullPath}`);
      return answers.openError ?? '';
    },
    trashItem: async (fullPath) => {
      log.push(`trash ${fullPath}`);
      fs.mkdirSync(trashDir, { recursive: true });
      fs.renameSync(fullPath, path.join(trashDir, path.basename(fullPath)));
    },
    confirm: async (question) => {
      log.push(`confirm ${question.message}`);
      return answers.confirm ?? false;
    },
  };
  return { native, log };
}

describe('the native shell methods', () => {
  let t: TempLibrary;
  let folder: string;
  let items: MediaItem[];
  let trashDir: string;

  const serviceWith = (native: NativeShell): Service =>
    t.library.service.withHandlers(createNativeShellHandlers({ media: libraryMediaSource(t.library), service: t.library.service, native }));
  const invoke = (service: Service, method: 'shell.pickFolder' | 'shell.showInFolder' | 'shell.openOriginal' | 'shell.trashFiles', args: unknown) =>
    createIpcHandler(method, service, ctx)(ours, args) as Promise<Envelope<unknown>>;

  beforeEach(async () => {
    t = openTempLibrary({ workers: 1 });
    folder = path.join(t.dir, 'photos');
    trashDir = path.join(t.dir, 'os-trash');
    placeFiles(folder, {
      'one.jpg': 'jpg/Canon_40D.jpg',
      'two #2.jpg': 'jpg/Nikon_D70.jpg',
      'three?.jpg': 'jpg/gps/DSCN0010.jpg',
      'swap.jpg': 'jpg/orientation/landscape_1.jpg',
    });
    fs.writeFileSync(path.join(folder, 'tool.sh'), '#!/bin/sh\necho hello\n', { mode: 0o755 });
    placeFiles(path.join(t.dir, 'photos-private'), { 'secret.jpg': 'jpg/gps/DSCN0021.jpg' });
    items = await importFolder(t.library, folder);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('pickFolder answers the chosen folder, or null when cancelled', async () => {
    expect(await invoke(serviceWith(fakeNative(trashDir, { folder: '/home/me/Pictures' }).native), 'shell.pickFolder', {})).toEqual({
      ok: true,
      value: { path: '/home/me/Pictures' },
    });
    expect(await invoke(serviceWith(fakeNative(trashDir).native), 'shell.pickFolder', {})).toEqual({ ok: true, value: { path: null } });
  });

  it('showInFolder reveals the real file of the item, names with # and ? included', async () => {
    const { native, log } = fakeNative(trashDir);
    for (const name of ['one.jpg', 'two #2.jpg', 'three?.jpg']) {
      expect(await invoke(serviceWith(native), 'shell.showInFolder', { id: itemNamed(items, name).id })).toEqual({ ok: true, value: null });
    }
    expect(log).toEqual(['one.jpg', 'two #2.jpg', 'three?.jpg'].map((name) => `show ${fs.realpathSync(path.join(folder, name))}`));
  });

  it('openOriginal opens a photo in the default app and reports a failure of the OS', async () => {
    const ok = fakeNative(trashDir);
    const id = itemNamed(items, 'one.jpg').id;
    expect(await invoke(serviceWith(ok.native), 'shell.openOriginal', { id })).toEqual({ ok: true, value: null });
    expect(ok.log).toEqual([`open ${fs.realpathSync(path.join(folder, 'one.jpg'))}`]);
    const failing = fakeNative(trashDir, { openError: 'No application is registered' });
    expect(await invoke(serviceWith(failing.native), 'shell.openOriginal', { id })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
  });

  it('openOriginal never starts a program', async () => {
    const { native, log } = fakeNative(trashDir);
    const script = itemNamed(items, 'tool.sh');
    expect(await invoke(serviceWith(native), 'shell.openOriginal', { id: script.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(log).toEqual([]);
  });

  it('refuses a file that became a link out of its library folder, and unknown ids', async () => {
    const { native, log } = fakeNative(trashDir, { confirm: true });
    const swapped = itemNamed(items, 'swap.jpg');
    fs.rmSync(path.join(folder, 'swap.jpg'));
    fs.symlinkSync(path.join(t.dir, 'photos-private', 'secret.jpg'), path.join(folder, 'swap.jpg'));
    const service = serviceWith(native);
    for (const method of ['shell.showInFolder', 'shell.openOriginal'] as const) {
      expect(await invoke(service, method, { id: swapped.id }), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await invoke(service, method, { id: 999_999 }), method).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await invoke(service, 'shell.trashFiles', { ids: [swapped.id], confirmed: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(log).toEqual([]);
    expect(fs.existsSync(path.join(t.dir, 'photos-private', 'secret.jpg'))).toBe(true);
  });

  it('trashFiles needs confirmed: true in the request before anything is asked', async () => {
    const { native, log } = fakeNative(trashDir, { confirm: true });
    const id = itemNamed(items, 'one.jpg').id;
    for (const args of [{ ids: [id] }, { ids: [id], confirmed: false }, { ids: [id], confirmed: 'true' }, { ids: [id], confirmed: 1 }]) {
      expect(await invoke(serviceWith(native), 'shell.trashFiles', args), JSON.stringify(args)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
    }
    expect(log).toEqual([]);
    expect(fs.existsSync(path.join(folder, 'one.jpg'))).toBe(true);
  });

  it('trashFiles moves nothing when the user says no in the native dialog', async () => {
    const { native, log } = fakeNative(trashDir, { confirm: false });
    const ids = [itemNamed(items, 'one.jpg').id, itemNamed(items, 'two #2.jpg').id];
    expect(await invoke(serviceWith(native), 'shell.trashFiles', { ids, confirmed: true })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(log).toEqual(['confirm Move 2 files to the Trash?']);
    expect(fs.existsSync(path.join(folder, 'one.jpg'))).toBe(true);
    const still = await t.library.service.call('media.getMany', { ids }, ctx);
    expect(still.map((item) => item.status)).toEqual(['active', 'active']);
  });

  it('trashFiles checks every id before asking, so one unknown id changes nothing', async () => {
    const { native, log } = fakeNative(trashDir, { confirm: true });
    const answer = await invoke(serviceWith(native), 'shell.trashFiles', { ids: [itemNamed(items, 'one.jpg').id, 999_999], confirmed: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(log).toEqual([]);
  });

  it('trashFiles, confirmed, moves the files to the OS trash and the items to Folio’s trash', async () => {
    const { native, log } = fakeNative(trashDir, { confirm: true });
    const one = itemNamed(items, 'one.jpg');
    const two = itemNamed(items, 'two #2.jpg');
    const answer = await invoke(serviceWith(native), 'shell.trashFiles', { ids: [one.id, two.id], confirmed: true });
    expect(answer).toEqual({ ok: true, value: { trashed: 2 } });
    expect(log[0]).toBe('confirm Move 2 files to the Trash?');
    expect(fs.existsSync(path.join(folder, 'one.jpg'))).toBe(false);
    expect(fs.readdirSync(trashDir).sort()).toEqual(['one.jpg', 'two #2.jpg']);
    const after = await t.library.service.call('media.getMany', { ids: [one.id, two.id] }, ctx);
    expect(after.map((item) => item.status)).toEqual(['deleted', 'deleted']);
    expect(fs.existsSync(path.join(folder, 'three?.jpg'))).toBe(true);
  });
});
