import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../../shared/errors.js';
import type { LibraryFolder } from '../../../../shared/media.js';
import { imagekitListRequest } from '../../../../electron/library/http/imagekit/imagekit-list-query.js';

const FOLDERS: LibraryFolder[] = [
  { id: 3, path: '/home/ann/Pictures', state: 'online', itemCount: 10, addedAt: '2024-01-01T00:00:00Z', lastScanAt: null },
];
const folders = () => Promise.resolve(FOLDERS);
const q = (text: string) => imagekitListRequest(new URLSearchParams(text), folders);

async function refusal(text: string): Promise<FolioError> {
  try {
    await q(text);
  } catch (error) {
    if (error instanceof FolioError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe("GET /v1/files's query", () => {
  it("defaults to ImageKit's: oldest first, 1000 at a time, from the start", async () => {
    expect(await q('')).toEqual({ filter: {}, sort: { field: 'addedAt', direction: 'asc' }, skip: 0, limit: 1000, empty: false });
  });

  it('maps limit, skip, sort, tags, fileType, type and path', async () => {
    expect(await q('limit=20&skip=40&sort=DESC_SIZE&tags=sea,%20boat&fileType=image&path=/home/ann/Pictures/')).toEqual({
      filter: { tagsAny: ['sea', 'boat'], type: ['image'], folderId: 3 },
      sort: { field: 'size', direction: 'desc' },
      skip: 40,
      limit: 20,
      empty: false,
    });
    expect((await q('type=folder')).empty).toBe(true);
    expect((await q('path=/')).filter).toEqual({});
    // A searchQuery overrides `tags`, as in ImageKit; fileType narrows it.
    expect((await q('searchQuery=fileType%20%3D%20%22image%22&tags=x&fileType=non-image')).empty).toBe(true);
  });

  it('refuses what does not map with the parameter named', async () => {
    for (const [text, field] of [
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['skip=-1', 'skip'],
      ['sort=ASC_WIDTH', 'sort'],
      ['type=file-version', 'type'],
      ['fileType=raw', 'fileType'],
      ['path=/elsewhere', 'path'],
      ['name=a.jpg', 'name'],
      ['searchQuery=width%20%3E%20100', 'searchQuery'],
    ] as const) {
      const error = await refusal(text);
      expect(error.code, text).toBe('INVALID_ARGUMENT');
      expect(error.field, text).toBe(field);
    }
  });
});
