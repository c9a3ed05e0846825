// Builds what runs outside a TypeScript loader: the renderer (Vite) and, for the desktop app,
// the Electron main process, the preload and the media worker (esbuild). Dependencies stay
// external: they are packaged from node_modules, and native ones can't be bundled anyway.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const wants = (part) => only.length === 0 || only.includes(part);

const bundles = [
  { part: 'electron', entry: 'electron/main/main.ts', out: 'dist/main.mjs', format: 'esm' },
  // A sandboxed preload must be a single CommonJS file: it can require nothing but Electron's
  // sandboxed modules, so its dependencies (zod, via the contract) are bundled in.
  { part: 'electron', entry: 'electron/preload/preload.ts', out: 'dist/preload.cjs', format: 'cjs', bundleDependencies: true, minify: true },
  { part: 'electron', entry: 'electron/library/import/media-worker.ts', out: 'dist/media-worker.mjs', format: 'esm' },
  { part: 'electron', entry: 'electron/library/extensions/objects/detector-worker.ts', out: 'dist/detector-worker.mjs', format: 'esm' },
  { part: 'electron', entry: 'electron/library/extensions/faces/faces-worker.ts', out: 'dist/faces-worker.mjs', format: 'esm' },
  { part: 'electron', entry: 'electron/library/service/count-worker.ts', out: 'dist/count-worker.mjs', format: 'esm' },
  { part: 'electron', entry: 'electron/library/service/checkpoint-worker.ts', out: 'dist/checkpoint-worker.mjs', format: 'esm' },
];

for (const bundle of bundles) {
  if (!wants(bundle.part) || !fs.existsSync(path.join(root, bundle.entry))) continue;
  await esbuild({
    entryPoints: [path.join(root, bundle.entry)],
    outfile: path.join(root, bundle.out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: bundle.format,
    ...(bundle.bundleDependencies ? {} : { packages: 'external' }),
    minify: bundle.minify === true,
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  });
  console.log(`built ${bundle.out}`);
}

if (wants('renderer') && fs.existsSync(path.join(root, 'renderer', 'index.html'))) {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('built dist/renderer');
}
