import { describe, expect, it } from 'vitest';
import { APP_CSP, parseCsp } from '../../../electron/main/security/csp.js';

describe('the renderer CSP', () => {
  const policy = parseCsp(APP_CSP);

  it('denies everything not listed', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('runs scripts only from the app itself: no inline script, no eval, no remote host', () => {
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", '*', 'http:', 'https:', 'data:', 'blob:']) {
      expect(scripts).not.toContain(loose);
    }
  });

  it('takes styles and fonts only from the app', () => {
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
  });

  it('shows images from the app, media: (by item id), blob: and data:', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'media:', 'blob:', 'data:']);
  });

  it('plays video and audio from media: and blob: only', () => {
    expect(policy.get('media-src')).toEqual(["'self'", 'media:', 'blob:']);
  });

  it('connects nowhere but the app (the app is offline)', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows no plugins, no <base> rewriting, no form posts and no framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('names no remote source anywhere and no directive twice', () => {
    expect(APP_CSP).not.toMatch(/https?:|wss?:|\*|unsafe/);
    const names = APP_CSP.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('parses like a browser: case-insensitive names, first occurrence wins, empty parts skipped', () => {
    const parsed = parseCsp("Script-Src 'self';; script-src *; img-src  data: ");
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('img-src')).toEqual(['data:']);
    expect(parsed.size).toBe(2);
  });
});
