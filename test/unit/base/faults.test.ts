import { describe, expect, it } from 'vitest';
import { toFolioError } from '../../../electron/library/base/error-path.js';
import { errorHeaders, httpStatusOf } from '../../../electron/library/base/error-status.js';
import { FolioError } from '../../../shared/errors.js';

const fault = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${code} happened`), { code, ...extra });

function mapped(error: unknown): FolioError {
  const logged: unknown[] = [];
  const result = toFolioError(error, 'test', { libraryRoot: '/home/ann/Folio', log: (_where, cause) => logged.push(cause) });
  expect(logged).toEqual([]);
  return result;
}

describe('faults of the machine through the one error path', () => {
  it('types each fault with a sentence naming the place, without logging it as a bug', () => {
    expect(mapped(fault('SQLITE_BUSY'))).toMatchObject({ code: 'BUSY' });
    expect(mapped(fault('SQLITE_LOCKED_SHAREDCACHE'))).toMatchObject({ code: 'BUSY' });
    expect(mapped(fault('SQLITE_FULL')).message).toContain('The disk is full');
    expect(mapped(fault('SQLITE_FULL')).message).toContain('/home/ann/Folio');
    expect(mapped(fault('ENOSPC', { path: '/media/disk/cache' })).message).toContain('/media/disk/cache');
    expect(mapped(fault('SQLITE_READONLY_DBMOVED'))).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(mapped(fault('EROFS'))).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(mapped(fault('EACCES', { path: '/home/ann/Folio/cache' })).message).toContain('/home/ann/Folio/cache');
    expect(mapped(fault('ENOTDIR', { path: '/home/ann/Folio/cache' })).message).toMatch(/in the way/);
    expect(mapped(fault('SQLITE_CORRUPT'))).toMatchObject({ code: 'IO_ERROR' });
    expect(mapped(fault('SQLITE_IOERR_SHORT_READ')).message).toContain('SQLITE_IOERR_SHORT_READ');
  });

  it('answers BUSY with 503 and Retry-After', () => {
    const busy = mapped(fault('SQLITE_BUSY'));
    expect(httpStatusOf(busy)).toBe(503);
    expect(errorHeaders(busy)).toEqual({ 'Retry-After': '2' });
  });

  it('logs what it does not know, once, and hides its internals', () => {
    const logged: unknown[] = [];
    const error = new TypeError('x is undefined at /src/secret.ts:1');
    const result = toFolioError(error, 'test', { log: (_where, cause) => logged.push(cause) });
    expect(logged).toEqual([error]);
    expect(result.toPayload()).toEqual({ code: 'INTERNAL', message: 'An unexpected error occurred' });
  });
});
