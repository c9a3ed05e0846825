import { describe, expect, it } from 'vitest';
import { formatValue, parseValue, rowsFromMetadata, rowsToMetadata } from '../../../renderer/src/logic/metadata-rows.js';

describe('parseValue', () => {
  it('stores valid JSON as JSON', () => {
    expect(parseValue('42')).toEqual({ ok: true, value: 42, kind: 'number' });
    expect(parseValue('-1.5e3')).toEqual({ ok: true, value: -1500, kind: 'number' });
    expect(parseValue('true')).toEqual({ ok: true, value: true, kind: 'boolean' });
    expect(parseValue('null')).toEqual({ ok: true, value: null, kind: 'null' });
    expect(parseValue('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] }, kind: 'object' });
    expect(parseValue('[1, "x"]')).toEqual({ ok: true, value: [1, 'x'], kind: 'list' });
    expect(parseValue('"42"')).toEqual({ ok: true, value: '42', kind: 'text' });
  });

  it('stores anything else as the text typed', () => {
    expect(parseValue('Paris')).toEqual({ ok: true, value: 'Paris', kind: 'text' });
    expect(parseValue('12 apples')).toEqual({ ok: true, value: '12 apples', kind: 'text' });
    expect(parseValue('')).toEqual({ ok: true, value: '', kind: 'text' });
    expect(parseValue('  spaced  ')).toEqual({ ok: true, value: '  spaced  ', kind: 'text' });
    expect(parseValue('True')).toEqual({ ok: true, value: 'True', kind: 'text' });
  });

  it('flags text that starts like JSON but does not parse', () => {
    for (const broken of ['{"a": 1', '[1, 2', '"unterminated', '{a: 1}']) {
      const parsed = parseValue(broken);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/looks like JSON/);
    }
  });
});

describe('formatValue', () => {
  it('round-trips every kind of value through the text field', () => {
    for (const value of ['Paris', '42', 'true', '{"x":1}', '', 3, false, null, { a: { b: [1] } }, ['x']]) {
      const parsed = parseValue(formatValue(value));
      expect(parsed.ok && parsed.value).toEqual(value);
    }
  });

  it('quotes text that would otherwise read as JSON', () => {
    expect(formatValue('42')).toBe('"42"');
    expect(formatValue('Paris')).toBe('Paris');
  });
});

describe('rows ↔ metadata', () => {
  it('turns rows into an object with JSON and text values', () => {
    const result = rowsToMetadata([
      { key: 'city', text: 'Paris' },
      { key: 'rating', text: '5' },
      { key: ' client ', text: '{"id": 7}' },
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) expect({ ...result.metadata }).toEqual({ city: 'Paris', rating: 5, client: { id: 7 } });
  });

  it('skips blank rows and reports each bad row where it is', () => {
    const result = rowsToMetadata([
      { key: '', text: '' },
      { key: 'a', text: '1' },
      { key: 'a', text: '2' },
      { key: '__proto__', text: 'x' },
      { key: '', text: 'orphan value' },
      { key: 'b', text: '{broken' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => [p.row, p.part])).toEqual([
        [2, 'key'],
        [3, 'key'],
        [4, 'key'],
        [5, 'value'],
      ]);
    }
  });

  it('enforces the library limits (depth) before sending', () => {
    const deep = '[[[[[[[[[[1]]]]]]]]]]';
    const result = rowsToMetadata([{ key: 'deep', text: deep }]);
    expect(result.ok).toBe(false);
  });

  it('gives rows back from stored metadata in the same order', () => {
    expect(rowsFromMetadata({ b: 'x', a: 2, c: { d: true } })).toEqual([
      { key: 'b', text: 'x' },
      { key: 'a', text: '2' },
      { key: 'c', text: '{"d":true}' },
    ]);
  });
});
