import { describe, expect, it } from 'vitest';
import { groupVersions, type StackCandidate } from '../../../electron/library/items/stack-rules.js';
import { DEFAULT_STACK_RULES } from '../../../shared/stacks.js';

let nextId = 1;
function file(path: string, type = 'image', format: string | null = 'jpeg', duration: number | null = null, extra: Partial<StackCandidate> = {}): StackCandidate {
  return { id: nextId++, path, folderId: 1, type, format, duration, isCover: false, ...extra };
}

describe('groupVersions', () => {
  it('stacks a RAW with its JPEG, the JPEG as cover, case-insensitively', () => {
    const raw = file('2024/DSC_0042.NEF', 'image', 'nef');
    const jpeg = file('2024/dsc_0042.jpg');
    expect(groupVersions([raw, jpeg], DEFAULT_STACK_RULES)).toEqual([{ coverId: jpeg.id, versionIds: [raw.id] }]);
  });

  it('stacks Apple and Android edits with their originals, the edit as cover', () => {
    const heic = file('IMG_1234.HEIC', 'image', 'heic');
    const edit = file('IMG_E1234.JPG');
    const android = file('PXL_20240101_123456789.jpg');
    const androidEdit = file('PXL_20240101_123456789-edited.jpg');
    expect(groupVersions([heic, edit, android, androidEdit], DEFAULT_STACK_RULES)).toEqual([
      { coverId: edit.id, versionIds: [heic.id] },
      { coverId: androidEdit.id, versionIds: [android.id] },
    ].sort((a, b) => a.coverId - b.coverId));
  });

  it('stacks a Live Photo’s still with its short video, not with a long one', () => {
    const still = file('IMG_2000.HEIC', 'image', 'heic');
    const clip = file('IMG_2000.MOV', 'video', 'mov', 2.5);
    const other = file('IMG_3000.JPG');
    const film = file('IMG_3000.MOV', 'video', 'mov', 60);
    expect(groupVersions([still, clip, other, film], DEFAULT_STACK_RULES)).toEqual([{ coverId: still.id, versionIds: [clip.id] }]);
  });

  it('keeps a whole phone family together: original, edit, RAW and Live Photo video', () => {
    const original = file('IMG_4000.HEIC', 'image', 'heic');
    const edit = file('IMG_E4000.JPG');
    const raw = file('IMG_4000.DNG', 'image', 'dng');
    const clip = file('IMG_4000.MOV', 'video', 'mov', 3);
    expect(groupVersions([original, edit, raw, clip], DEFAULT_STACK_RULES)).toEqual([{ coverId: edit.id, versionIds: [original.id, raw.id, clip.id] }]);
  });

  it('groups only within one folder and one directory', () => {
    const a = file('a/IMG_1.JPG');
    const b = file('b/IMG_1.CR2', 'image', 'cr2');
    const c = file('a/IMG_1.CR2', 'image', 'cr2', null, { folderId: 2 });
    expect(groupVersions([a, b, c], DEFAULT_STACK_RULES)).toEqual([]);
  });

  it('follows the switches: a rule that is off makes no stack', () => {
    const raw = file('X.NEF', 'image', 'nef');
    const jpeg = file('X.JPG');
    const edit = file('IMG_E0001.JPG');
    const original = file('IMG_0001.JPG');
    const still = file('IMG_0002.JPG');
    const clip = file('IMG_0002.MOV', 'video', 'mov', 2);
    const all = [raw, jpeg, edit, original, still, clip];
    expect(groupVersions(all, { rawJpeg: false, appleEdits: false, androidEdited: true, livePhotos: false })).toEqual([]);
    expect(groupVersions(all, { rawJpeg: true, appleEdits: false, androidEdited: false, livePhotos: false })).toEqual([{ coverId: jpeg.id, versionIds: [raw.id] }]);
  });

  it('keeps an existing cover as cover, and leaves groups with nothing new alone', () => {
    const raw = file('Y.NEF', 'image', 'nef', null, { isCover: true });
    const jpeg = file('Y.JPG');
    expect(groupVersions([raw, jpeg], DEFAULT_STACK_RULES)).toEqual([{ coverId: raw.id, versionIds: [jpeg.id] }]);
    const oldRaw = file('Z.NEF', 'image', 'nef', null, { fresh: false });
    const oldJpeg = file('Z.JPG', 'image', 'jpeg', null, { fresh: false });
    expect(groupVersions([oldRaw, oldJpeg], DEFAULT_STACK_RULES)).toEqual([]);
  });

  it('does not stack two stills of one name, nor a lone video', () => {
    expect(groupVersions([file('P.JPG'), file('P.HEIC', 'image', 'heic')], DEFAULT_STACK_RULES)).toEqual([]);
    expect(groupVersions([file('Q.MOV', 'video', 'mov', 2), file('Q.NEF', 'image', 'nef')], DEFAULT_STACK_RULES)).toEqual([]);
  });
});
