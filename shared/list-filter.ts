/**
 * One way to put a list filter together from its parts — the search box's text and the
 * filters a transport adds (REST's query parameters, the CLI's options, the sidebar's view) —
 * so that `GET /api/media`, `folio list` and the gallery give the same answer for the same
 * words. The merged filter is checked by the contract's schema afterwards, as any input is.
 */
import type { ArgsIn } from './contract.js';

export type FilterInput = NonNullable<ArgsIn<'media.list'>['filter']>;

/** A filter's parts as a transport has them: values may still be unchecked text. */
export type FilterPart = Partial<Record<keyof FilterInput, unknown>>;

const foldKey = (value: unknown) => (typeof value === 'string' ? value.normalize('NFC').toLowerCase() : value);

/**
 * Lists add up (in the order given; a value given twice in another case is one value, spelled
 * as it was given last), words join, and for a single value the first part that has one wins.
 */
export function mergeFilters(...parts: FilterPart[]): FilterInput {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [field, value] of Object.entries(part)) {
      if (value === undefined) continue;
      const had = merged[field];
      if (field === 'text') merged.text = had === undefined ? value : `${String(had)} ${String(value)}`;
      // Two queries must both hold: each keeps its own ORs inside parentheses.
      else if (field === 'query') merged.query = had === undefined ? value : `(${String(had)}) (${String(value)})`;
      else if (Array.isArray(value)) merged[field] = addValues(Array.isArray(had) ? had : [], value);
      else if (had === undefined) merged[field] = value;
    }
  }
  return merged as FilterInput;
}

function addValues(list: readonly unknown[], values: readonly unknown[]): unknown[] {
  const out = [...list];
  for (const value of values) {
    const at = out.findIndex((existing) => foldKey(existing) === foldKey(value));
    if (at === -1) out.push(value);
    else out[at] = value;
  }
  return out;
}

/**
 * The search language's text as a filter part, then the other parts added to it. The text is
 * passed on as `query` and parsed by the service (shared/search), which reports a fault with
 * its place; a blank search is no filter at all.
 */
export function searchFilter(search: string, ...parts: FilterPart[]): FilterInput {
  return mergeFilters(search.trim() === '' ? {} : { query: search }, ...parts);
}
