/**
 * Finds an implication cycle through given tags, for a merge that has just rewritten rules and
 * moved branches (inside its transaction, so a cycle found rolls it all back). The graph is the
 * one the rules are read with: a tag counts as what it implies and as its parent (its branch),
 * so `a` → `b` → (b is below a) closes a cycle as surely as `a` → `b` → `a`.
 */
import type { Db } from './connection.js';
import { statement } from './statements.js';

/** A cycle through one of `through`, as tag ids from it back to it (first id repeated last); null when none. */
export function implicationCycleThrough(db: Db, through: readonly number[]): number[] | null {
  const rules = statement(db, `SELECT tag_id, implied_id FROM tag_implies`).raw().all() as [number, number][];
  if (rules.length === 0) return null;
  const next = new Map<number, number[]>();
  for (const [tag, implied] of rules) {
    const list = next.get(tag);
    if (list) list.push(implied);
    else next.set(tag, [implied]);
  }
  const parents = new Map(statement(db, `SELECT id, parent_id FROM tags WHERE parent_id IS NOT NULL`).raw().all() as [number, number][]);
  const successors = (id: number): number[] => {
    const parent = parents.get(id);
    const implied = next.get(id) ?? [];
    return parent === undefined ? implied : [...implied, parent];
  };
  for (const origin of through) {
    // Depth first from the origin, remembering how each tag was reached, until the origin comes round again.
    const cameFrom = new Map<number, number>();
    const stack = [...successors(origin)].map((id) => [id, origin] as const);
    while (stack.length > 0) {
      const [id, from] = stack.pop() as readonly [number, number];
      if (cameFrom.has(id)) continue;
      cameFrom.set(id, from);
      if (id === origin) {
        const cycle = [origin];
        for (let at = from; at !== origin; at = cameFrom.get(at) as number) cycle.push(at);
        cycle.push(origin);
        return cycle.reverse();
      }
      for (const after of successors(id)) if (!cameFrom.has(after)) stack.push([after, id]);
    }
  }
  return null;
}
