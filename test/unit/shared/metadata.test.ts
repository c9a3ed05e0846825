import { describe, expect, it } from 'vitest';
import { METADATA_MAX_BYTES, METADATA_MAX_DEPTH, validateMetadata } from '../../../shared/metadata.js';
import { FolioError } from '../../../shared/errors.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof FolioError && error.code === 'INVALID_ARGUMENT') return error.field;
    throw error;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { level: value };
  return value;
}

describe('validateMetadata', () => {
  it('copies plain JSON', () => {
    const input = { camera: { lens: '35mm', iso: 400 }, rating: 4, flags: [true, null] };
    expect(validateMetadata(input)).toEqual(input);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    const top = JSON.parse(`{"${key}": {"polluted": true}}`) as unknown;
    const deep = JSON.parse(`{"a": [{"${key}": {"polluted": true}}]}`) as unknown;
    expect(fieldOf(() => validateMetadata(top))).toBe(`metadata.${key}`);
    expect(fieldOf(() => validateMetadata(deep))).toBe(`metadata.a[0].${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns null-prototype objects, so a merge cannot reach Object.prototype', () => {
    const copy = validateMetadata({ a: { b: 1 } });
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.getPrototypeOf(copy.a)).toBeNull();
  });

  it('enforces the depth limit', () => {
    expect(() => validateMetadata(nested(METADATA_MAX_DEPTH - 1))).not.toThrow();
    expect(fieldOf(() => validateMetadata(nested(METADATA_MAX_DEPTH + 1)))).toMatch(/^metadata(\.level)+$/);
  });

  it('enforces the size limit', () => {
    expect(fieldOf(() => validateMetadata({ big: 'x'.repeat(METADATA_MAX_BYTES) }))).toBe('metadata');
  });

  it.each([[[1, 2]], ['text'], [null], [42]])('refuses %j as the top level', (value) => {
    expect(fieldOf(() => validateMetadata(value))).toBe('metadata');
  });

  it('refuses non-finite numbers and non-JSON values', () => {
    expect(fieldOf(() => validateMetadata({ n: Number.NaN }))).toBe('metadata.n');
    expect(fieldOf(() => validateMetadata({ d: new Date() }))).toBe('metadata.d');
  });
});
