// Lint, including the layering rules of CONVENTIONS.md: shared/ imports nothing from the other
// rooms, the core never imports Electron, the renderer never imports Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'url', 'stream'];

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const CORE_ROOM = [
  ['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**'],
  'The core is plain Node: it must run in tests, the CLI and browser mode without Electron.',
];

/**
 * The core's floors, lowest first (README, "Where things are"). A folder imports only from
 * floors below its own and from itself; `library.ts` (opening a library) is the floor that
 * puts the importer and the service together, and only the transports above it open one.
 */
const CORE_FLOORS = [
  ['base'],
  ['db', 'tools', 'formats'],
  ['items', 'extensions', 'metadata'],
  ['thumbnails'],
  ['import', 'media-files', 'analysis', 'export'],
  ['service'],
  ['library.ts'],
  ['http'],
  ['cli'],
];

function floorRules() {
  return CORE_FLOORS.flatMap((floor, level) =>
    floor
      .filter((room) => room !== 'library.ts')
      .map((room) => {
        const above = CORE_FLOORS.slice(level).flat().filter((other) => other !== room);
        const patterns = above.map((other) => (other === 'library.ts' ? '**/library.js' : `**/${other}/**`));
        return {
          files: [`electron/library/${room}/**`],
          rules: restrict(CORE_ROOM, ...(patterns.length === 0 ? [] : [[patterns, `electron/library/${room}/ is on a lower floor than ${above.join(', ')}: import only from the floors below it.`]])),
        };
      }),
  );
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict([
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'better-sqlite3', 'sharp', '**/electron/**', '**/renderer/**'],
      'shared/ is used by both sides: no Node, Electron, React or app-room imports.',
    ]),
  },
  {
    files: ['electron/library/**'],
    rules: restrict(CORE_ROOM),
  },
  ...floorRules(),
  {
    files: ['renderer/**'],
    rules: restrict([
      [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'sharp', '**/electron/**'],
      'The renderer is a web page: it reaches the core only through its API client.',
    ]),
  },
  {
    files: ['electron/preload/**'],
    rules: restrict([
      [...NODE_BUILTINS, 'react', 'better-sqlite3', 'sharp', '**/library/**', '**/renderer/**'],
      'The preload exposes a client built from the contract, nothing else.',
    ]),
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**', 'bin/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
);
