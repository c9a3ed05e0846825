/**
 * Fetches the windows of the gallery's view around what it shows: the grid says which
 * positions are on (or near) the screen, the missing pages are asked for in runs of
 * neighbours, at most two calls at a time, and only the latest wish counts (pages that flew
 * past in a fling are never fetched). Answers for an older query, or an older answer of the
 * same query, are dropped.
 */
import type { MediaFilter, MediaSort } from '../../../shared/schemas.js';
import { call } from '../api/client.js';
import { pageRuns, ViewIds, WINDOW } from '../logic/view-ids.js';
import { useStore } from '../store/store.js';
import { reportError } from './report.js';

/** Pages per window call (a screen of the smallest tiles is about 200 ids). */
const PAGES_PER_CALL = 4;
const MAX_REQUESTS = 2;

interface Answer {
  /** Bumped by each new answer of the query (reloadIds): windows of older ones are dropped. */
  serial: number;
  filter: MediaFilter;
  sort: MediaSort;
}

let current: Answer | null = null;
let serial = 0;
let wanted: { from: number; to: number } | null = null;
const inFlight = new Set<number>();
let running = 0;
let scheduled = false;
let onTotalChanged: (() => void) | null = null;

/** What reloadIds calls when a window says the view's total moved (the library changed). */
export function whenTotalChanges(listener: () => void): void {
  onTotalChanged = listener;
}

/** A new answer of the view's query starts: windows asked for before it are dropped. */
export function startAnswer(filter: MediaFilter, sort: MediaSort): number {
  serial += 1;
  current = { serial, filter, sort };
  inFlight.clear();
  return serial;
}

export function isCurrentAnswer(answer: number): boolean {
  return current?.serial === answer;
}

/** The positions last wished for (reloadIds re-reads around them after a change). */
export function wantedPositions(): { from: number; to: number } | null {
  return wanted;
}

/** The grid's wish: positions from…to (inclusive) should have their ids. */
export function wantPositions(from: number, to: number): void {
  wanted = { from, to };
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    void flushWindows();
  });
}

/** Puts a window's ids into the store's list, if it still belongs to the current answer. */
export function putWindow(answer: number, offset: number, ids: readonly number[], total: number): boolean {
  if (!isCurrentAnswer(answer)) return false;
  const state = useStore.getState();
  if (total !== state.ids.length) {
    onTotalChanged?.();
    return false;
  }
  let list: ViewIds = state.ids;
  for (let start = 0; start < ids.length; start += WINDOW) list = list.withPage(Math.floor((offset + start) / WINDOW), ids.slice(start, start + WINDOW));
  state.fillIds(list.trimmed(Math.floor((wanted?.from ?? offset) / WINDOW)));
  return true;
}

async function fetchRun(answer: Answer, first: number, count: number): Promise<void> {
  const pages = Array.from({ length: count }, (_, i) => first + i);
  for (const page of pages) inFlight.add(page);
  running += 1;
  try {
    const window = await call('media.listIdsWindow', { filter: answer.filter, sort: answer.sort, offset: first * WINDOW, limit: count * WINDOW });
    putWindow(answer.serial, window.offset, window.ids, window.total);
  } catch (error) {
    // Not retried in a loop: the next scroll asks again.
    if (isCurrentAnswer(answer.serial)) reportError(error, 'show these items');
    wanted = null;
  } finally {
    running -= 1;
    for (const page of pages) inFlight.delete(page);
  }
}

async function flushWindows(): Promise<void> {
  while (running < MAX_REQUESTS && current !== null && wanted !== null) {
    const answer = current;
    const missing = useStore.getState().ids.missingPages(wanted.from, wanted.to).filter((page) => !inFlight.has(page));
    const run = pageRuns(missing, PAGES_PER_CALL)[0];
    if (run === undefined) return;
    void fetchRun(answer, run.first, run.count).then(() => void flushWindows());
  }
}

/**
 * The ids at positions from…to, fetched if need be (End, a Shift-range, the preview's next):
 * resolves to what the list holds for them afterwards (fewer if the view changed meanwhile).
 */
export async function idsAt(from: number, to: number): Promise<number[]> {
  const answer = current;
  const state = useStore.getState();
  if (answer === null) return state.ids.slice(from, to);
  for (const run of pageRuns(state.ids.missingPages(from, to), PAGES_PER_CALL)) {
    await fetchRun(answer, run.first, run.count);
  }
  return useStore.getState().ids.slice(from, to);
}

/** The id at one position, fetched if need be. */
export async function idAt(position: number): Promise<number | undefined> {
  const loaded = useStore.getState().ids.at(position);
  if (loaded !== undefined) return loaded;
  return (await idsAt(position, position))[0];
}

