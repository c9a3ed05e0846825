import type { z } from 'zod';
import { FolioError } from './errors.js';
import { contract, type Args, type MethodName } from './contract.js';
import { issueSentence } from './issue-sentences.js';
import { READ_ONLY_FIELDS } from './schemas.js';
import { requireWellFormedText } from './text-rules.js';

const READ_ONLY = new Set<string>(READ_ONLY_FIELDS);

function pathToField(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => {
    if (typeof key === 'number') return `${field}[${key}]`;
    return field === '' ? String(key) : `${field}.${String(key)}`;
  }, '');
}

/**
 * A validator in shared/ names its field relative to the value it checked ("tags[2]",
 * "metadata.a.b"); the schema path says where that value sat ("patch.tags"). Join the two.
 */
function joinField(base: string, inner: string | undefined): string {
  if (inner === undefined) return base;
  if (base === '') return inner;
  const lastDot = base.lastIndexOf('.');
  const last = base.slice(lastDot + 1);
  const head = inner.split(/[.[]/)[0] ?? '';
  if (head === last) return base.slice(0, lastDot + 1) + inner;
  // The validator used its own name for the value (normalizeTagList says "tags[1]" for the
  // `add` list): keep where it points inside the value, under the schema's name ("add[1]").
  return base + inner.slice(head.length);
}

/** The value the caller sent at `path`, to quote it back (short values only). */
function givenAt(raw: unknown, path: readonly PropertyKey[]): string | undefined {
  let value: unknown = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : undefined;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Turns the first zod issue into one INVALID_ARGUMENT that names the field at fault. */
export function issueToError(issue: z.core.$ZodIssue, raw?: unknown): FolioError {
  const base = pathToField(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = base === '' ? key : `${base}.${key}`;
    const message = READ_ONLY.has(key) ? `"${key}" is read-only and cannot be changed` : `"${key}" is not a known field`;
    return new FolioError('INVALID_ARGUMENT', message, { field });
  }
  const params = (issue as { params?: { field?: unknown } }).params;
  const field = joinField(base, typeof params?.field === 'string' ? params.field : undefined);
  const given = issue.code === 'custom' ? undefined : givenAt(raw, issue.path);
  const sentence = issueSentence(issue, field) + (given === undefined ? '' : ` (got ${given})`);
  return new FolioError('INVALID_ARGUMENT', sentence, field === '' ? undefined : { field });
}

/**
 * Validates and normalises a method's arguments. Every transport calls this before any work,
 * and the service calls it again for direct callers, so nothing reaches a handler unparsed.
 */
export function parseArgs<M extends MethodName>(name: M, raw: unknown): Args<M> {
  return parseWith(contract[name].args, raw === undefined ? {} : raw) as Args<M>;
}

/**
 * The one parse of input against a schema (a method's arguments, a REST body): text that is
 * not valid Unicode is refused first, then the first issue becomes one INVALID_ARGUMENT.
 */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  requireWellFormedText(raw);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw issue ? issueToError(issue, raw) : new FolioError('INVALID_ARGUMENT', 'Invalid arguments');
}
