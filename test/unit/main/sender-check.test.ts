import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFrameLike } from '../../../electron/main/ipc/sender-check.js';

const top = (url: string): SenderFrameLike => ({ url, parent: null });
const child = (url: string, parentUrl = 'app://folio/index.html'): SenderFrameLike => ({ url, parent: top(parentUrl) });

describe('the IPC sender check', () => {
  it('accepts our page in the top frame', () => {
    expect(isTrustedSender({ senderFrame: top('app://folio/index.html') })).toBe(true);
    expect(isTrustedSender({ senderFrame: top('app://folio/') })).toBe(true);
  });

  it('refuses a subframe, even one of our own origin', () => {
    expect(isTrustedSender({ senderFrame: child('app://folio/index.html') })).toBe(false);
    expect(isTrustedSender({ senderFrame: child('https://example.com/', 'app://folio/') })).toBe(false);
  });

  it('refuses other origins, about:blank, data:, file: and look-alikes', () => {
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:7830/',
      'about:blank',
      'about:srcdoc',
      'data:text/html,hi',
      'file:///home/me/dist/renderer/index.html',
      'app://folio.evil/',
      'app://evil/',
      'app://folio@evil/',
      'media://item/1/original',
      '',
    ]) {
      expect(isTrustedSender({ senderFrame: top(url) }), url).toBe(false);
    }
  });

  it('refuses a sender whose frame is gone (null)', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});
