import { describe, expect, it } from 'vitest';
import { FolioError } from '../../../shared/errors.js';
import { normalizeTag } from '../../../shared/tags.js';
import { displayNameFromFileName, findBrokenText, isInvisible } from '../../../shared/text-rules.js';

describe('the text rule', () => {
  it('finds the first lone surrogate anywhere in the arguments, keys included', () => {
    expect(findBrokenText({ ids: [1], add: ['ok', 'x\ud800y'] })).toBe('add[1]');
    expect(findBrokenText({ patch: { metadata: { ['k\udc00']: 1 } } })).toBe('patch.metadata.k\udc00');
    expect(findBrokenText({ name: 'emoji 😀 is a pair' })).toBeNull();
  });

  it('knows text that draws nothing', () => {
    for (const text of ['\u200b', '\u200b\u200d', '\u2800', ' \u3164 ', '\u202e']) expect(isInvisible(text)).toBe(true);
    for (const text of ['a', 'photo\u202egpj.exe', '😀']) expect(isInvisible(text)).toBe(false);
  });

  it('refuses invisible and comma tags, keeping a bidi override (it is shown isolated)', () => {
    expect(() => normalizeTag('\u200b')).toThrow(FolioError);
    expect(() => normalizeTag('a,b')).toThrow(/comma/);
    expect(normalizeTag('photo\u202egpj.exe')).toBe('photo\u202egpj.exe');
  });

  it('makes display names without control characters from file names', () => {
    expect(displayNameFromFileName('new\nline.jpg')).toBe('new line.jpg');
    expect(displayNameFromFileName('\u001b[2J\u001b]0;pwned\u0007.jpg')).toBe('\ufffd[2J\ufffd]0;pwned\ufffd.jpg');
    expect(displayNameFromFileName('\u200b')).toBe('\ufffd');
  });
});
