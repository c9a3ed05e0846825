import { FolioError } from './errors.js';

/** Custom metadata is a free JSON object, bounded so one item can't bloat the library. */
export const METADATA_MAX_BYTES = 64 * 1024;
export const METADATA_MAX_DEPTH = 8;
export const METADATA_MAX_KEY_LENGTH = 200;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// Keys that mean something to JavaScript's object model. Refusing them outright is simpler to
// reason about than hoping every consumer copies objects safely.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fail(message: string, field: string): never {
  throw new FolioError('INVALID_ARGUMENT', message, { field });
}

/**
 * Validates a metadata value and returns a deep copy built on null-prototype objects, so even a
 * consumer that merges it with `Object.assign` can't reach `Object.prototype`.
 */
export function validateMetadata(value: unknown, field = 'metadata'): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('Metadata must be a JSON object', field);
  }
  const copy = copyJson(value, field, 1) as JsonObject;
  const bytes = new TextEncoder().encode(JSON.stringify(copy)).length;
  if (bytes > METADATA_MAX_BYTES) {
    fail(`Metadata is ${bytes} bytes; the limit is ${METADATA_MAX_BYTES}`, field);
  }
  return copy;
}

export function validateMetadataKey(key: string, field: string): void {
  if (FORBIDDEN_KEYS.has(key)) fail(`"${key}" cannot be used as a metadata key`, field);
  if (key.length === 0) fail('A metadata key cannot be empty', field);
  if (key.length > METADATA_MAX_KEY_LENGTH) {
    fail(`A metadata key can have at most ${METADATA_MAX_KEY_LENGTH} characters`, field);
  }
}

function copyJson(value: unknown, path: string, depth: number): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('Metadata numbers must be finite', path);
    return value;
  }
  if (typeof value !== 'object') fail(`Metadata cannot hold a ${typeof value}`, path);
  if (depth > METADATA_MAX_DEPTH) {
    fail(`Metadata can be nested at most ${METADATA_MAX_DEPTH} levels deep`, path);
  }
  if (Array.isArray(value)) {
    return value.map((element, index) => copyJson(element, `${path}[${index}]`, depth + 1));
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) fail('Metadata must be plain JSON', path);
  const out = Object.create(null) as JsonObject;
  for (const key of Object.keys(value)) {
    const keyPath = `${path}.${key}`;
    validateMetadataKey(key, keyPath);
    out[key] = copyJson((value as Record<string, unknown>)[key], keyPath, depth + 1);
  }
  return out;
}
