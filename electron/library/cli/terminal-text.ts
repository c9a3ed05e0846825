/**
 * Text from users and files shown on a terminal. A file name is whatever bytes its creator chose:
 * `\x1b[2J` clears the screen, `\x1b]0;…\x07` sets the window title, `\r` overwrites the line
 * before it, and a bidirectional override (U+202E) shows `photo‮gpj.exe` as `photoexe.jpg`.
 * Every such character is printed as a visible escape instead, so what the terminal shows is
 * what is stored. JSON output needs none of this: JSON.stringify escapes C0 controls itself.
 */

// C0 controls (U+0000–U+001F), DEL, the C1 controls (U+0080–U+009F, which some terminals obey
// like ESC sequences), the bidirectional embeddings, overrides and isolates, and the line and
// paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One piece of user or file text (a name, a path, a tag, a reason), safe to print on a terminal. */
export function terminalText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(UNSAFE, visible);
}

/**
 * A whole line the CLI built, made safe while keeping its own line breaks: the last guard for a
 * printer that forgot to pass a value through terminalText (an error message naming a path).
 */
export function terminalLines(text: string): string {
  // Tabs are the CLI's own column separators here; names never hold one (import makes it a space).
  return text
    .split('\n')
    .map((line) => line.split('\t').map(terminalText).join('\t'))
    .join('\n');
}
