import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { FolioError } from '../../../shared/errors.js';
import { openLibrary, type Library } from '../library.js';
import { libraryPaths, resolveLibraryDir } from '../base/paths.js';
import { UsageError } from './cli-error.js';
import { note, print, printJson, type Command, type CommandContext, type OptionSpec } from './command.js';
import { duplicatesCommand } from './commands/duplicates-command.js';
import { analyseCommand, analysisCommand } from './commands/analyse-command.js';
import { peopleCommand } from './commands/people-command.js';
import { getCommand } from './commands/get-command.js';
import { importCommand } from './commands/import-command.js';
import { listCommand } from './commands/list-command.js';
import { rescanCommand } from './commands/rescan-command.js';
import { serveCommand } from './commands/serve-command.js';
import { rateCommand } from './commands/rate-command.js';
import { configCommand } from './commands/config-command.js';
import { exportCommand } from './commands/export-command.js';
import { exportMetadataCommand } from './commands/export-metadata-command.js';
import { sidecarsCommand } from './commands/sidecars-command.js';
import { tagCommand } from './commands/tag-command.js';
import { tagsCommand } from './commands/tags-command.js';
import { restoreCommand, trashCommand } from './commands/trash-commands.js';
import { backupCommand } from './commands/backup-command.js';
import { checkCommand } from './commands/check-command.js';
import { albumCommand, albumsCommand } from './commands/album-commands.js';
import { cutWalMessage } from '../db/cut-wal-notice.js';
import { backupsKeptFromEnv } from '../db/backups/backup-files.js';

function backupsKeptOption(env: NodeJS.ProcessEnv): { backupsKept?: number } {
  const kept = backupsKeptFromEnv(env);
  return kept === undefined ? {} : { backupsKept: kept };
}
import { EXIT, exitCodeFor } from './exit-codes.js';
import { USAGE } from './usage.js';
import { toFolioError } from '../base/error-path.js';
import { terminalText } from './terminal-text.js';

const COMMANDS: readonly Command[] = [
  importCommand, rescanCommand, listCommand, getCommand, tagCommand, rateCommand, trashCommand, restoreCommand, serveCommand, duplicatesCommand,
  backupCommand, checkCommand, tagsCommand,
  albumsCommand, albumCommand,
  analyseCommand, analysisCommand,
  peopleCommand,
  configCommand, sidecarsCommand, exportMetadataCommand,
  exportCommand,
];

const GLOBAL_OPTIONS: OptionSpec = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The command is the first word that is not an option; only `--library` takes a value before it. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--library') {
      i += 1;
      continue;
    }
    if (arg === '--') break;
    if (!arg.startsWith('-')) return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

function report(error: unknown, json: boolean, libraryRoot: string | undefined): number {
  if (error instanceof UsageError) {
    note(`folio: ${terminalText(error.message)}\nRun "folio --help" for the commands and options.`);
    if (json) printJson({ error: { code: 'INVALID_ARGUMENT', message: error.message, usage: true } });
    return EXIT.USAGE;
  }
  let unexpected = false;
  const payload = toFolioError(error, 'command', {
    libraryRoot,
    log: (_where, cause) => {
      // Not one of ours: say what happened, but keep internals for FOLIO_DEBUG.
      unexpected = true;
      note(`folio: unexpected error: ${terminalText(cause instanceof Error ? cause.message : String(cause))}`);
      if (process.env.FOLIO_DEBUG) console.error(cause);
    },
  }).toPayload();
  if (!unexpected) note(`folio: ${terminalText(payload.message)}${payload.field === undefined ? '' : ` (${terminalText(payload.field)})`}`);
  if (json) printJson({ error: payload });
  return exitCodeFor(payload.code);
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs one `folio` command line and returns its exit code. */
export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const json = argv.includes('--json');
  let library: Library | null = null;
  let libraryRoot: string | undefined;
  try {
    const { name, rest } = splitCommand(argv);
    const wantsHelp = rest.includes('--help') || rest.includes('-h') || name === 'help';
    if (name === undefined || wantsHelp) {
      if (wantsHelp) print(USAGE);
      else note(USAGE);
      return wantsHelp ? EXIT.OK : EXIT.USAGE;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}"`);
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      if (isParseArgsError(error)) throw new UsageError(error.message);
      throw error;
    }
    const flag = typeof parsed.values.library === 'string' ? parsed.values.library : undefined;
    const libraryDir = resolveLibraryDir(flag, env);
    libraryRoot = libraryDir;
    const ctx: CommandContext = {
      values: parsed.values,
      positionals: parsed.positionals,
      json,
      libraryDir,
      library(dir) {
        if (library !== null) return library;
        const target = dir ?? libraryDir;
        if (!command.createsLibrary && !fs.existsSync(libraryPaths(target).database)) {
          throw new FolioError('NOT_FOUND', `There is no library at ${target}; start one with "folio import <dir>"`);
        }
        library = openLibrary(target, { ...backupsKeptOption(env), backgroundAnalysis: command.backgroundAnalysis === true });
        if (library.walCut !== null) note(`folio: warning: ${cutWalMessage(library.walCut, library.paths.database)}`);
        return library;
      },
    };
    return await command.run(ctx);
  } catch (error) {
    return report(error, json, libraryRoot);
  } finally {
    await (library as Library | null)?.close();
  }
}
