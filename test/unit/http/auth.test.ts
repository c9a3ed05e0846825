import { describe, expect, it } from 'vitest';
import {
  isAuthorized, readCookie, requestCredentials, resolveToken, tokenCookie, tokensEqual,
} from '../../../electron/library/http/auth.js';

const KEY = 'k3y-with-enough-characters';

describe('API key handling', () => {
  it('takes FOLIO_API_TOKEN when set, else makes a fresh 32-byte key each time', () => {
    expect(resolveToken({ FOLIO_API_TOKEN: ' from-env-key ' })).toBe('from-env-key');
    const a = resolveToken({});
    const b = resolveToken({});
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('compares keys exactly, whatever their lengths', () => {
    expect(tokensEqual(KEY, KEY)).toBe(true);
    expect(tokensEqual(`${KEY}x`, KEY)).toBe(false);
    expect(tokensEqual('', KEY)).toBe(false);
    expect(tokensEqual(KEY.toUpperCase(), KEY)).toBe(false);
  });

  it('reads every supported credential', () => {
    expect(requestCredentials({ authorization: `Token ${KEY}` })).toEqual([KEY]);
    expect(requestCredentials({ authorization: `bearer ${KEY}` })).toEqual([KEY]);
    expect(requestCredentials({ 'x-api-key': KEY })).toEqual([KEY]);
    expect(requestCredentials({ 'x-forensic-access-token': KEY })).toEqual([KEY]);
    expect(requestCredentials({ cookie: `theme=dark; folio_token=${KEY}; x=1` })).toEqual([KEY]);
    expect(requestCredentials({ authorization: `Basic ${KEY}` })).toEqual([]);
    expect(requestCredentials({})).toEqual([]);
  });

  it("reads HTTP Basic's user name as the key, whatever the password (ImageKit's clients)", () => {
    const basic = (credentials: string) => `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    expect(requestCredentials({ authorization: basic(`${KEY}:do_not_set`) })).toEqual([KEY]);
    expect(requestCredentials({ authorization: basic(`${KEY}:`) })).toEqual([KEY]);
    expect(requestCredentials({ authorization: basic(`${KEY}:pass:with:colons`) })).toEqual([KEY]);
    expect(requestCredentials({ authorization: basic(KEY) })).toEqual([]);
    expect(requestCredentials({ authorization: basic(`:${KEY}`) })).toEqual([]);
    expect(isAuthorized({ authorization: basic(`${KEY}:anything`) }, KEY)).toBe(true);
    expect(isAuthorized({ authorization: basic(`wrong:${KEY}`) }, KEY)).toBe(false);
  });

  it('authorises when any credential matches and refuses wrong or missing ones', () => {
    expect(isAuthorized({ 'x-api-key': KEY }, KEY)).toBe(true);
    expect(isAuthorized({ 'x-api-key': 'wrong', cookie: `folio_token=${KEY}` }, KEY)).toBe(true);
    expect(isAuthorized({ 'x-api-key': 'wrong' }, KEY)).toBe(false);
    expect(isAuthorized({ cookie: 'folio_token=' }, KEY)).toBe(false);
    expect(isAuthorized({}, KEY)).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict cookie for the whole site', () => {
    expect(tokenCookie(KEY)).toBe(`folio_token=${KEY}; HttpOnly; SameSite=Strict; Path=/`);
    expect(readCookie({ cookie: 'a=1;folio_token=abc' }, 'folio_token')).toBe('abc');
    expect(readCookie({ cookie: 'xfolio_token=abc' }, 'folio_token')).toBeUndefined();
  });
});
