/**
 * Ratings, colour labels and flags for a generated library, with the skew of a real one: most
 * items are never rated, labelled or flagged; of the rated, 3 stars is the common mark and
 * 5 the rare one; red is the most used label; picks outnumber rejects. Written by one UPDATE
 * per column from a hash of the id, so the numbers are the same on every run and the tag
 * generator's random sequence is left as it was.
 */
import type { Db } from '../../electron/library/db/connection.js';

/** Per mille of items per value (the rest get the first value). */
const RATING = [[1, 30], [2, 60], [3, 110], [4, 70], [5, 25]] as const;
const LABEL = [['red', 50], ['yellow', 30], ['green', 40], ['blue', 20], ['purple', 10]] as const;
const FLAG = [['pick', 80], ['reject', 60]] as const;

function cases(hash: string, shares: readonly (readonly [string | number, number])[], otherwise: string | number): string {
  let upTo = 0;
  const whens = shares.map(([value, share]) => {
    upTo += share;
    return `WHEN ${hash} < ${upTo} THEN ${typeof value === 'number' ? value : `'${value}'`}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${typeof otherwise === 'number' ? otherwise : `'${otherwise}'`} END`;
}

/** Three hashes of the id into 0–999, independent enough for a benchmark. */
const hash = (multiplier: number, shift: number) => `(((id * ${multiplier}) >> ${shift}) % 1000)`;

export function curateLargeLibrary(db: Db): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE media SET rating = ${cases(hash(2654435761, 7), RATING, 0)},
         label = ${cases(hash(40503, 3), LABEL, 'none')},
         flag = ${cases(hash(2246822519, 11), FLAG, 'none')}`,
    ).run();
  })();
}
