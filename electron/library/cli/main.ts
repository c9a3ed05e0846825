/**
 * `folio`: the command-line interface over the same service the app uses (actor `cli`).
 * bin/folio.mjs loads this file through tsx.
 */
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
// Everything was closed; if some stray handle still holds the event loop, don't hang the shell.
setTimeout(() => process.exit(), 2_000).unref();
