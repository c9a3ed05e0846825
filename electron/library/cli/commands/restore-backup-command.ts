import { libraryPaths } from '../../base/paths.js';
import { restoreBackup } from '../../db/backups/restore-backup.js';
import { print, printJson, type CommandContext } from '../command.js';
import { terminalText } from '../terminal-text.js';

/**
 * `folio restore <backup-file>` shares its name with `folio restore <id…>` (items out of the
 * trash): an argument that is not an item id is a backup file (`./42` names a file called 42).
 */
export function namesBackupFile(positionals: readonly string[]): boolean {
  return positionals.length === 1 && !/^[0-9]+$/.test(positionals[0] ?? '');
}

/** Never opens the library: it must not be open at all while its database is swapped. */
export function restoreFromBackup(ctx: CommandContext): number {
  const database = libraryPaths(ctx.libraryDir).database;
  const result = restoreBackup(database, ctx.positionals[0] ?? '');
  if (ctx.json) {
    printJson(result);
  } else {
    print(`Restored the library ${terminalText(ctx.libraryDir)} from ${terminalText(result.restoredFrom)}`);
    if (result.previousKeptAs !== null) print(`The library as it was is kept in ${terminalText(result.previousKeptAs)}`);
    print('Thumbnails missing for the restored items are made again as they are shown ("folio check --repair" makes them all now).');
  }
  return 0;
}
