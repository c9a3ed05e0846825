import type { JsonObject, JsonValue } from '../../../shared/metadata.js';

// The schema never lets these keys in, but the database file is the user's and can be edited
// by hand; reading must not turn such a file into a prototype pollution.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Custom metadata as stored (JSON text) → a plain object. Objects are rebuilt key by key with
 * `defineProperty`, so no key can reach a prototype; forbidden keys are dropped; text that is
 * not a JSON object reads as `{}` rather than failing the whole item.
 */
export function readStoredMetadata(text: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return plainCopy(parsed) as JsonObject;
}

function plainCopy(value: unknown): JsonValue {
  if (value === null || typeof value !== 'object') return value as JsonValue;
  if (Array.isArray(value)) return value.map(plainCopy);
  const out: JsonObject = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    Object.defineProperty(out, key, {
      value: plainCopy((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
