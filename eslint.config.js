// Lint, including the layering rules of CONVENTIONS.md: shared/ imports nothing from the other
// rooms, the core never imports Electron, the renderer never imports Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'http', 'url', 'stream'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

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
    rules: restrict(
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'better-sqlite3', 'sharp', '**/electron/**', '**/renderer/**'],
      'shared/ is used by both sides: no Node, Electron, React or app-room imports.',
    ),
  },
  {
    files: ['electron/library/**'],
    rules: restrict(
      ['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**'],
      'The core is plain Node: it must run in tests, the CLI and browser mode without Electron.',
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'sharp', '**/electron/**'],
      'The renderer is a web page: it reaches the core only through its API client.',
    ),
  },
  {
    files: ['electron/preload/**'],
    rules: restrict(
      [...NODE_BUILTINS, 'react', 'better-sqlite3', 'sharp', '**/library/**', '**/renderer/**'],
      'The preload exposes a client built from the contract, nothing else.',
    ),
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
