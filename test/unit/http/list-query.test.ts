import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../shared/args.js';
import { FolioError } from '../../../shared/errors.js';
import { listArgsFromQuery } from '../../../electron/library/http/api/list-query.js';

const q = (text: string) => listArgsFromQuery(new URLSearchParams(text));

describe('GET /api/media query parameters', () => {
  it('maps tags, types, status and paging onto media.list arguments', () => {
    expect(q('tag=beach&tag=sun,sea&notTag=old&type=image,video&status=deleted&limit=20&cursor=abc&withTotal=true')).toEqual({
      filter: { tagsAll: ['beach', 'sun', 'sea'], tagsNone: ['old'], type: ['image', 'video'], status: 'deleted' },
      cursor: 'abc',
      limit: 20,
      withTotal: true,
    });
  });

  it('reads the search language in q and adds explicit parameters to it', () => {
    expect(q('q=tag:beach -tag:old type:image sunset&tag=sea&text=dusk')).toEqual({
      filter: { query: 'tag:beach -tag:old type:image sunset', tagsAll: ['sea'], text: 'dusk' },
    });
  });

  it('sorts with a - prefix or an explicit order', () => {
    expect(q('sort=-takenAt').sort).toEqual({ field: 'takenAt', direction: 'desc' });
    expect(q('sort=name').sort).toEqual({ field: 'name', direction: 'asc' });
    expect(q('sort=-size&order=asc').sort).toEqual({ field: 'size', direction: 'asc' });
  });

  it('gives the contract parser values it can reject by name', () => {
    expect(() => parseArgs('media.list', q('limit=ten'))).toThrow(FolioError);
    const args = q('sort=colour');
    expect(() => parseArgs('media.list', args)).toThrow(/colour|Invalid/);
    expect(parseArgs('media.list', q('limit=5&sort=-addedAt'))).toMatchObject({ limit: 5 });
  });

  it('refuses unknown parameters, naming them', () => {
    try {
      q('tags=beach');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FolioError);
      expect((error as FolioError).field).toBe('tags');
    }
  });
});
