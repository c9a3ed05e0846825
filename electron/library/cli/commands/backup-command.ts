import path from 'node:path';
import { writeBackup } from '../../db/backups/write-backup.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, type Command } from '../command.js';
import { terminalText } from '../terminal-text.js';

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `folio backup [<file>]`: a consistent copy, also while the app or `folio serve` writes to the library. */
export const backupCommand: Command = {
  name: 'backup',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length > 1) throw new UsageError('backup takes at most one file: folio backup [<file>]');
    const library = ctx.library();
    const target = ctx.positionals[0];
    const made =
      target === undefined
        ? await library.service.call('library.backup', {}, CLI_CONTEXT)
        : (() => {
            const written = writeBackup(library.db, path.resolve(target));
            return { file: written.file, bytes: written.bytes, kind: 'manual' as const, createdAt: new Date().toISOString(), durationMs: Math.round(written.ms) };
          })();
    if (ctx.json) printJson(made);
    else print(`Backed up the library to ${terminalText(made.file)} (${size(made.bytes)}, ${made.durationMs} ms)`);
    return 0;
  },
};
