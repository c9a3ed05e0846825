/**
 * What the renderer spends on the tag tree (issue 13) for a vocabulary of 20,000 tags under 200
 * top-level branches, up to 5 levels deep: building the tree from `tags.tree`'s flat list (done
 * after every vocabulary change), filtering it by typed text in the tag manager, and the rows of
 * the collapsed sidebar. Baseline, measured in the same run on the same list: sorting the list
 * by path with the same comparison (the least any ordered tree costs).
 *
 *   node bin/run-ts.mjs test/bench/tag-tree-ui-bench.ts
 */
import { colourIndex } from '../../renderer/src/logic/tag-colours.js';
import { buildTagTree, filterTagTree, visibleRows, type TreeTag } from '../../renderer/src/logic/tag-tree.js';

const TAGS = 20_000;
const ROOTS = 200;
const RUNS = 30;

function generate(): TreeTag[] {
  const tags: TreeTag[] = [];
  const add = (name: string, parent: TreeTag | null): TreeTag => {
    const tag: TreeTag = {
      id: tags.length + 1,
      path: parent ? `${parent.path}/${name}` : name,
      name,
      parentId: parent?.id ?? null,
      count: tags.length % 7,
      branchCount: tags.length % 7,
      colour: tags.length % 50 === 0 ? '#3e63dd' : null,
      aliases: tags.length % 40 === 0 ? [`alias ${tags.length}`] : [],
      implies: [],
    };
    tags.push(tag);
    return tag;
  };
  const roots = Array.from({ length: ROOTS }, (_, i) => add(`Branch ${i}`, null));
  // Each new tag goes under a random earlier one no deeper than level 4 (so at most 5 levels).
  const depth = new Map<number, number>(roots.map((r) => [r.id, 1]));
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  while (tags.length < TAGS) {
    const parent = tags[random(tags.length)] as TreeTag;
    const level = depth.get(parent.id) ?? 1;
    if (level >= 5) continue;
    const child = add(`tag ${tags.length} ${['sea', 'city', 'family', 'night'][tags.length % 4]}`, parent);
    depth.set(child.id, level + 1);
  }
  return tags.reverse();
}

function p50p95(fn: () => unknown): { p50: number; p95: number } {
  for (let i = 0; i < 3; i += 1) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS / 2)] as number, p95: times[Math.floor(RUNS * 0.95)] as number };
}

const tags = generate();
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const tree = buildTagTree(tags);
const rows = [
  ['baseline: sort 20,000 paths (plain compare)', p50p95(() => [...tags].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)))],
  ['for scale: the same with an Intl.Collator', p50p95(() => [...tags].sort((a, b) => collator.compare(a.path, b.path)))],
  ['build the tree + colour index', p50p95(() => (buildTagTree(tags), colourIndex(tags)))],
  ['sidebar rows (collapsed, used tags only)', p50p95(() => visibleRows(tree, new Set(), null, (t) => t.branchCount > 0))],
  ['filter "sea" + its rows (ancestors open)', p50p95(() => visibleRows(tree, new Set(), filterTagTree(tree, 'sea')))],
  ['filter "tag 1234" + its rows', p50p95(() => visibleRows(tree, new Set(), filterTagTree(tree, 'tag 1234')))],
  ['unused filter + its rows', p50p95(() => visibleRows(tree, new Set(), filterTagTree(tree, '', true)))],
] as const;

console.log(`${TAGS.toLocaleString()} tags, ${ROOTS} top-level branches, up to 5 levels; ${RUNS} runs each`);
for (const [label, { p50, p95 }] of rows) console.log(`${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms`);
const matches = filterTagTree(tree, 'sea')?.matches.size ?? 0;
console.log(`("sea" matches ${matches.toLocaleString()} tags; the sidebar shows ${visibleRows(tree, new Set()).length} rows collapsed)`);
