import { FolioError } from '../../../../shared/errors.js';
import { searchFilter } from '../../../../shared/list-filter.js';
import type { FieldRenames } from './api-call.js';

/** The query parameters `GET /api/media` understands; anything else is a 400 naming it. */
export const LIST_PARAMS = [
  'q', 'tag', 'notTag', 'anyTag', 'untagged', 'type', 'status', 'availability', 'fileState', 'folderId', 'text',
  'sort', 'order', 'cursor', 'limit', 'withTotal',
] as const;

/** Errors name the query parameter, not the service's argument path. */
export const LIST_FIELD_RENAMES: FieldRenames = [
  ['filter.tagsAll', 'tag'],
  ['filter.tagsNone', 'notTag'],
  ['filter.tagsAny', 'anyTag'],
  ['filter.query', 'q'],
  ['filter', ''],
  ['sort.field', 'sort'],
  ['sort.direction', 'order'],
];

/** `?tag=a&tag=b` and `?tag=a,b` both give two values. */
function list(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim());
  const nonEmpty = values.filter((value) => value !== '');
  return nonEmpty.length === 0 ? undefined : nonEmpty;
}

/** A number when it looks like one; otherwise the text, so the schema reports the parameter. */
function numberish(value: string | null): number | string | undefined {
  if (value === null) return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

function booleanish(value: string | null): boolean | string | undefined {
  if (value === null) return undefined;
  if (value === 'true' || value === '1' || value === '') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/**
 * Turns `GET /api/media`'s query into `media.list` arguments. `q` is the UI's search language
 * (`tag:beach -tag:old type:image sunset`); the explicit parameters add to it.
 */
export function listArgsFromQuery(query: URLSearchParams): Record<string, unknown> {
  for (const name of new Set(query.keys())) {
    if (!(LIST_PARAMS as readonly string[]).includes(name)) {
      throw new FolioError('INVALID_ARGUMENT', `Unknown query parameter "${name}"; known: ${LIST_PARAMS.join(', ')}`, { field: name });
    }
  }
  const text = query.get('text');
  const filter = searchFilter(query.get('q') ?? '', {
    tagsAll: list(query, 'tag'),
    tagsNone: list(query, 'notTag'),
    tagsAny: list(query, 'anyTag'),
    untagged: booleanish(query.get('untagged')),
    type: list(query, 'type'),
    status: query.get('status') ?? undefined,
    availability: list(query, 'availability'),
    fileState: list(query, 'fileState'),
    folderId: numberish(query.get('folderId')),
    text: text === null || text === '' ? undefined : text,
  });
  const sortParam = query.get('sort');
  const order = query.get('order');
  const sort =
    sortParam === null
      ? undefined
      : {
          field: sortParam.replace(/^[-+]/, ''),
          direction: order ?? (sortParam.startsWith('-') ? 'desc' : 'asc'),
        };
  return definedOnly({
    filter: Object.keys(filter).length === 0 ? undefined : filter,
    sort,
    cursor: query.get('cursor') ?? undefined,
    limit: numberish(query.get('limit')),
    withTotal: booleanish(query.get('withTotal')),
  });
}
