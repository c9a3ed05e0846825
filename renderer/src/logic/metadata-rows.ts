/**
 * Custom metadata edited as key/value rows. The rule, shown to the user beside the fields:
 * a value that is valid JSON (a number, true/false/null, {…}, […] or "quoted text") is stored
 * as that JSON value; anything else is stored as the text typed. A value that starts like JSON
 * ({, [ or ") but does not parse is an error rather than silently becoming text, so a typo in
 * an object is caught while typing.
 */
import { FolioError } from '../../../shared/errors.js';
import { validateMetadata, validateMetadataKey, type JsonObject, type JsonValue } from '../../../shared/metadata.js';

export type ValueKind = 'text' | 'number' | 'boolean' | 'null' | 'object' | 'list';

export type ParsedValue = { ok: true; value: JsonValue; kind: ValueKind } | { ok: false; error: string };

export interface MetadataRow {
  key: string;
  text: string;
}

export function kindOf(value: JsonValue): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

const LOOKS_LIKE_JSON = /^\s*[[{"]/;

export function parseValue(text: string): ParsedValue {
  if (LOOKS_LIKE_JSON.test(text)) {
    try {
      const value = JSON.parse(text) as JsonValue;
      return { ok: true, value, kind: kindOf(value) };
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'it does not parse';
      return { ok: false, error: `This looks like JSON but is not valid: ${detail}` };
    }
  }
  const trimmed = text.trim();
  if (trimmed !== '') {
    try {
      const value = JSON.parse(trimmed) as JsonValue;
      // Only scalars reach here (objects, lists and strings start with {, [ or ").
      return { ok: true, value, kind: kindOf(value) };
    } catch {
      // Not JSON: plain text.
    }
  }
  return { ok: true, value: text, kind: 'text' };
}

/** The text that parses back to exactly `value`: text that would read as JSON gets quoted. */
export function formatValue(value: JsonValue): string {
  if (typeof value === 'string') {
    const reread = parseValue(value);
    return reread.ok && reread.kind === 'text' && reread.value === value ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

export function rowsFromMetadata(metadata: JsonObject): MetadataRow[] {
  return Object.keys(metadata).map((key) => ({ key, text: formatValue(metadata[key] as JsonValue) }));
}

export interface RowProblem {
  row: number;
  part: 'key' | 'value';
  message: string;
}

export type RowsResult = { ok: true; metadata: JsonObject } | { ok: false; problems: RowProblem[] };

/**
 * Every row checked at once, so each field can show its own message while typing. A row left
 * completely blank (a just-added one) is skipped rather than reported.
 */
export function rowsToMetadata(rows: readonly MetadataRow[]): RowsResult {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const metadata: JsonObject = {};
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (key === '' && row.text.trim() === '') return;
    try {
      validateMetadataKey(key, 'key');
    } catch (error) {
      problems.push({ row: index, part: 'key', message: error instanceof FolioError ? error.message : String(error) });
    }
    if (seen.has(key) && key !== '') {
      problems.push({ row: index, part: 'key', message: `"${key}" is already used in row ${(seen.get(key) ?? 0) + 1}` });
    }
    seen.set(key, index);
    const parsed = parseValue(row.text);
    if (!parsed.ok) problems.push({ row: index, part: 'value', message: parsed.error });
    else metadata[key] = parsed.value;
  });
  if (problems.length > 0) return { ok: false, problems };
  try {
    return { ok: true, metadata: validateMetadata(metadata) };
  } catch (error) {
    const message = error instanceof FolioError ? error.message : String(error);
    return { ok: false, problems: [{ row: Math.max(0, rows.length - 1), part: 'value', message }] };
  }
}

const KIND_LABELS: Record<ValueKind, string> = {
  text: 'text',
  number: 'number',
  boolean: 'true/false',
  null: 'null',
  object: 'JSON object',
  list: 'JSON list',
};

export function kindLabel(kind: ValueKind): string {
  return KIND_LABELS[kind];
}
