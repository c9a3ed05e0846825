/**
 * `npm run bench`: runs every benchmark script one after another (never in parallel: they
 * would measure each other). Each prints its own figures and baselines.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(here)
  .filter((name) => name.endsWith('-bench.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.startsWith(wanted)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'run-ts.mjs'), path.join(here, script)], {
    stdio: 'inherit',
    cwd: root,
  });
  if (run.status !== 0) {
    failed += 1;
    console.log(`${script} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
