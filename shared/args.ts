import type { z } from 'zod';
import { FolioError } from './errors.js';
import { contract, type Args, type MethodName } from './contract.js';
import { issueSentence } from './issue-sentences.js';
import { READ_ONLY_FIELDS } from './schemas.js';

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

/** Turns the first zod issue into one INVALID_ARGUMENT that names the field at fault. */
export function issueToError(issue: z.core.$ZodIssue): FolioError {
  const base = pathToField(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = base === '' ? key : `${base}.${key}`;
    const message = READ_ONLY.has(key) ? `"${key}" is read-only and cannot be changed` : `"${key}" is not a known field`;
    return new FolioError('INVALID_ARGUMENT', message, { field });
  }
  const params = (issue as { params?: { field?: unknown } }).params;
  const field = joinField(base, typeof params?.field === 'string' ? params.field : undefined);
  return new FolioError('INVALID_ARGUMENT', issueSentence(issue, field), field === '' ? undefined : { field });
}

/**
 * Validates and normalises a method's arguments. Every transport calls this before any work,
 * and the service calls it again for direct callers, so nothing reaches a handler unparsed.
 */
export function parseArgs<M extends MethodName>(name: M, raw: unknown): Args<M> {
  const schema = contract[name].args;
  const parsed = schema.safeParse(raw === undefined ? {} : raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw issue ? issueToError(issue) : new FolioError('INVALID_ARGUMENT', 'Invalid arguments');
  }
  return parsed.data as Args<M>;
}
