import { describe, expect, it } from 'vitest';
import { parseByteRange } from '../../../electron/library/media-files/byte-range.js';
import { parseMediaPath } from '../../../electron/library/media-files/media-request.js';
import { isPathInside } from '../../../electron/library/base/path-inside.js';
import { FolioError } from '../../../shared/errors.js';
import { TRAVERSAL_PATHS } from './traversal-corpus.js';


describe('media URL grammar', () => {
  it('accepts exactly /<id>/original and /<id>/thumb/<size>', () => {
    expect(parseMediaPath('/42/original')).toEqual({ id: 42, kind: 'original' });
    expect(parseMediaPath('/42/thumb/512')).toEqual({ id: 42, kind: 'thumbnail', size: 512 });
    expect(parseMediaPath('/7/thumb/64?v=9e107d9d372bb6826bd81d3542a419d6')).toEqual({ id: 7, kind: 'thumbnail', size: 64 });
    for (const size of [64, 128, 512, 1080]) expect(parseMediaPath(`/1/thumb/${size}`)).toMatchObject({ size });
  });

  it('refuses every path of the traversal corpus before touching the disk', () => {
    for (const raw of TRAVERSAL_PATHS) {
      expect(() => parseMediaPath(raw), raw).toThrow(FolioError);
    }
  });
});

describe('byte ranges', () => {
  it('reads first bytes, suffix and open-ended ranges', () => {
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-1000', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=50-', 100)).toEqual({ start: 50, end: 99 });
    expect(parseByteRange('bytes=90-1000', 100)).toEqual({ start: 90, end: 99 });
  });

  it('reports unsatisfiable ranges and ignores ones it does not understand', () => {
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=500-600', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseByteRange(null, 100)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseByteRange('items=0-1', 100)).toBeNull();
    expect(parseByteRange('bytes=9-1', 100)).toBeNull();
    expect(parseByteRange('bytes=-', 100)).toBeNull();
  });
});

describe('inside-the-folder test', () => {
  it('is separator-aware and byte-exact', () => {
    expect(isPathInside('/data/photos/a.jpg', '/data/photos')).toBe(true);
    expect(isPathInside('/data/photos/sub/a.jpg', '/data/photos/')).toBe(true);
    expect(isPathInside('/data/photos-private/a.jpg', '/data/photos')).toBe(false);
    expect(isPathInside('/data/photos', '/data/photos')).toBe(false);
    expect(isPathInside('/data/photo', '/data/photos')).toBe(false);
    expect(isPathInside('/data/photos/a\0.jpg', '/data/photos')).toBe(false);
    const latin1 = Buffer.concat([Buffer.from('/data/photos/'), Buffer.from([0xe9]), Buffer.from('.jpg')]);
    expect(isPathInside(latin1, '/data/photos')).toBe(true);
  });
});
