/**
 * "All items of this view" as a value, so selecting a million items never materialises their ids
 * in the page: the view's filter and sort, optionally a span of its positions (a Shift-range
 * across windows the page never loaded), minus the items the user took out with Ctrl-click. The
 * library resolves it in one function (service/view-selection.ts) at the moment of the call.
 */
import { z } from 'zod';
import { MAX_IDS } from './limits.js';
import { Id, MediaFilter, MediaSort } from './schemas.js';

/** The most ids one window answer carries (a Shift-range in the page is fetched in windows this big). */
export const MAX_WINDOW = MAX_IDS;

export const Position = z.number().int().min(0).max(2 ** 31 - 1);

export const ViewSelection = z.strictObject({
  filter: MediaFilter.optional(),
  sort: MediaSort.optional(),
  /** First position of the span (default 0). */
  offset: Position.optional(),
  /** How many positions from `offset` (default: to the end of the view). */
  limit: z.number().int().min(1).max(2 ** 31 - 1).optional(),
  /** Items of the view left out of the selection. */
  except: z.array(Id).max(MAX_IDS).optional(),
});
export type ViewSelection = z.output<typeof ViewSelection>;

export const ViewWindowArgs = z.strictObject({
  filter: MediaFilter.optional(),
  sort: MediaSort.optional(),
  offset: Position,
  limit: z.number().int().min(1).max(MAX_WINDOW),
});

/** The ids at positions offset… of a view, and how many items the whole view has. */
export interface ViewWindow {
  offset: number;
  ids: number[];
  total: number;
}

/** Either ids or a view selection, never both, never neither (the bulk methods' target). */
export function oneTarget(args: { ids?: readonly number[]; allOf?: unknown }): boolean {
  return (args.ids !== undefined) !== (args.allOf !== undefined);
}

export const TARGET_MESSAGE = 'Give either ids or allOf (a view selection), not both';
