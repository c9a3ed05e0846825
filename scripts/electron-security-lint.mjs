#!/usr/bin/env node
// Static security lint of the Electron shell, part of `npm run lint` (so of `npm test` and CI).
//
// Electronegativity scans electron/main and electron/preload. It reads source text, so it cannot
// see through a function call: the window's webPreferences come from secureWebPreferences() and
// the CSP is a header sent by the app:// handler, and it reports both as missing. Each such
// finding is accepted only when this script confirms the real setting itself, by loading the
// module that makes it. Any other finding, or a confirmation that fails, fails the lint.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
register();

const { REQUIRED_WEB_PREFERENCES, secureWebPreferences } = await import('../electron/main/security/web-preferences.ts');
const { APP_CSP, parseCsp } = await import('../electron/main/security/csp.ts');

const WINDOW_FILE = 'main/window.ts';
const windowSource = fs.readFileSync(path.join(ROOT, 'electron', WINDOW_FILE), 'utf8');

/** Problems with the window's real webPreferences, for the checks that look at them. */
function webPreferenceProblems(keys) {
  if (!/webPreferences:\s*secureWebPreferences\(/.test(windowSource)) {
    return [`${WINDOW_FILE} no longer takes its webPreferences from secureWebPreferences()`];
  }
  const actual = secureWebPreferences('/preload.cjs', { devTools: false });
  return keys
    .filter((key) => actual[key] !== REQUIRED_WEB_PREFERENCES[key])
    .map((key) => `webPreferences.${key} is ${JSON.stringify(actual[key])}, must be ${JSON.stringify(REQUIRED_WEB_PREFERENCES[key])}`);
}

function cspProblems() {
  const csp = parseCsp(APP_CSP);
  const problems = [];
  const expect = (directive, sources) => {
    const got = csp.get(directive);
    if (got === undefined || got.join(' ') !== sources) problems.push(`CSP ${directive} is "${got?.join(' ')}", must be "${sources}"`);
  };
  expect('default-src', "'none'");
  expect('script-src', "'self'");
  expect('object-src', "'none'");
  expect('frame-ancestors', "'none'");
  for (const [directive, sources] of csp) {
    if (sources.some((source) => /unsafe-(inline|eval)|^\*$|^https?:$/.test(source))) problems.push(`CSP ${directive} allows ${sources.join(' ')}`);
  }
  return problems;
}

/** Findings Electronegativity makes because it cannot follow the indirection, with the check that replaces it. */
const CONFIRMED_ELSEWHERE = {
  CONTEXT_ISOLATION_JS_CHECK: { file: WINDOW_FILE, confirm: () => webPreferenceProblems(['contextIsolation']) },
  SANDBOX_JS_CHECK: { file: WINDOW_FILE, confirm: () => webPreferenceProblems(['sandbox']) },
  NODE_INTEGRATION_JS_CHECK: {
    file: WINDOW_FILE,
    confirm: () => webPreferenceProblems(['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames']),
  },
  AUXCLICK_JS_CHECK: { file: WINDOW_FILE, confirm: () => webPreferenceProblems(['disableBlinkFeatures']) },
  CSP_GLOBAL_CHECK: { file: 'N/A', confirm: cspProblems },
};

const electronVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const run = require('@doyensec/electronegativity');
const quietLog = console.log;
// It prints banners and a progress bar of its own; only the verdict below matters.
console.log = () => {};
let result;
try {
  result = await run({
    input: path.join(ROOT, 'electron'),
    electronVersionOverride: electronVersion,
    parserPlugins: ['typescript'],
    isRelative: true,
    // This check downloads Electron's release list; the build machines are offline.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
} finally {
  console.log = quietLog;
}

const failures = [];
let confirmed = 0;
for (const issue of result.issues) {
  const where = `${issue.id} at ${issue.file}:${issue.location.line}`;
  const known = CONFIRMED_ELSEWHERE[issue.id];
  if (known === undefined || known.file !== issue.file) {
    failures.push(`${where}: ${issue.description} (${issue.severity.name}, ${issue.confidence.name}) ${issue.shortenedURL ?? ''}`);
    continue;
  }
  const problems = known.confirm();
  if (problems.length > 0) failures.push(`${where}: ${problems.join('; ')}`);
  else confirmed += 1;
}
for (const error of result.errors.filter((e) => !e.tolerable)) failures.push(`could not parse ${error.file}: ${error.message}`);

const checks = result.globalChecks + result.atomicChecks;
if (failures.length > 0) {
  console.error(`Electron security lint: ${failures.length} problem(s)\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`Electron security lint: ${checks} Electronegativity checks on electron/ (Electron ${electronVersion}); no problem, ${confirmed} finding(s) confirmed safe in the modules that set them.`);
