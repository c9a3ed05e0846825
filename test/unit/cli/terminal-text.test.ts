import { describe, expect, it } from 'vitest';
import { terminalLines, terminalText } from '../../../electron/library/cli/terminal-text.js';

describe('terminalText', () => {
  it('shows ESC, BEL, CR and the other C0 controls as visible escapes', () => {
    expect(terminalText('\x1b[2J\x1b]0;pwned\x07.jpg')).toBe('\\x1b[2J\\x1b]0;pwned\\x07.jpg');
    expect(terminalText('a\rb\nc\td\x00e\x7f')).toBe('a\\rb\\nc\\td\\x00e\\x7f');
  });

  it('escapes C1 controls (a CSI on its own) and bidirectional overrides', () => {
    expect(terminalText('\u009b2J')).toBe('\\x9b2J');
    expect(terminalText('photo\u202egpj.exe')).toBe('photo\\u202egpj.exe');
    expect(terminalText('\u2066x\u2069')).toBe('\\u2066x\\u2069');
  });

  it('leaves ordinary text, accents, emoji and other scripts alone', () => {
    for (const text of ['Harbour at dusk.jpg', 'Été à Paris', '東京タワー', 'family 👪', 'C:\\Users\\me']) {
      expect(terminalText(text)).toBe(text);
    }
  });

  it('turns null and numbers into text', () => {
    expect(terminalText(null)).toBe('');
    expect(terminalText(42)).toBe('42');
  });

  it('keeps the line breaks of a whole block but escapes everything else in it', () => {
    expect(terminalLines('one\x1b[K\ntwo\x07')).toBe('one\\x1b[K\ntwo\\x07');
  });
});
