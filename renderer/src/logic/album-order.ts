/**
 * The inverse of an album edit that moved or removed items: put each back where it was. The
 * items that stayed keep their order among themselves, so each run of touched items goes back
 * before the first untouched item that followed it (or at the end).
 */
export interface AlbumPlacement {
  add: number[];
  moveBefore: number | null;
}

export function placementsRestoring(orderBefore: readonly number[], touched: ReadonlySet<number>): AlbumPlacement[] {
  const steps: AlbumPlacement[] = [];
  let run: number[] = [];
  for (const id of orderBefore) {
    if (touched.has(id)) {
      run.push(id);
    } else if (run.length > 0) {
      steps.push({ add: run, moveBefore: id });
      run = [];
    }
  }
  if (run.length > 0) steps.push({ add: run, moveBefore: null });
  return steps;
}

/** The album's order after moving `moving` (in that order) before `before` (null: to the end). */
export function orderAfterMove(order: readonly number[], moving: readonly number[], before: number | null): number[] {
  const set = new Set(moving);
  const rest = order.filter((id) => !set.has(id));
  const at = before === null ? rest.length : rest.indexOf(before);
  return [...rest.slice(0, at === -1 ? rest.length : at), ...moving, ...rest.slice(at === -1 ? rest.length : at)];
}
