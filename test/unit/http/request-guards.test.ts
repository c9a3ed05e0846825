import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors.js';
import { allowedHosts, checkHost, checkListenHost, checkOrigin } from '../../../electron/library/http/request-guards.js';

const hosts = allowedHosts(4321);

function code(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof FolioError ? error.code : 'not a FolioError';
  }
}

describe('Host and Origin guards', () => {
  it('accepts loopback names with our port only', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', 'LOCALHOST:4321', '[::1]:4321']) {
      expect(code(() => checkHost({ host }, hosts))).toBeNull();
    }
    for (const host of ['evil.example:4321', '127.0.0.1:80', '127.0.0.1', 'localhost', '127.0.0.2:4321', '0.0.0.0:4321', '']) {
      expect(code(() => checkHost({ host }, hosts))).toBe('FORBIDDEN');
    }
    expect(code(() => checkHost({}, hosts))).toBe('FORBIDDEN');
  });

  it('lets requests without Origin through and refuses foreign or opaque origins', () => {
    expect(code(() => checkOrigin({}, hosts))).toBeNull();
    expect(code(() => checkOrigin({ origin: 'http://127.0.0.1:4321' }, hosts))).toBeNull();
    expect(code(() => checkOrigin({ origin: 'http://localhost:4321' }, hosts))).toBeNull();
    for (const origin of ['null', 'http://evil.example', 'https://127.0.0.1:4321', 'http://127.0.0.1:4322', 'file://', 'http://127.0.0.1:4321.evil.example']) {
      expect(code(() => checkOrigin({ origin }, hosts))).toBe('FORBIDDEN');
    }
  });

  it('listens on loopback only', () => {
    expect(checkListenHost('127.0.0.1')).toBe('127.0.0.1');
    expect(checkListenHost('::1')).toBe('::1');
    expect(checkListenHost('localhost')).toBe('127.0.0.1');
    for (const host of ['0.0.0.0', '::', '192.168.1.2', 'example.com']) {
      expect(code(() => checkListenHost(host))).toBe('INVALID_ARGUMENT');
    }
  });
});
