import fs from 'node:fs';
import { DEFAULT_PORT, startHttpServer } from '../../http/server.js';
import { watchOtherProcessChanges } from '../../db/other-process-changes.js';
import { scheduleDailyBackups } from '../../db/backups/backup-schedule.js';
import { backupsKeptFromEnv } from '../../db/backups/backup-files.js';
import { parseCount, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, print, stringOption, type Command } from '../command.js';
import { DEMO_LIBRARY_DIR, demoPhotosDir } from '../demo-library.js';
import { terminalText } from '../terminal-text.js';

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' } },
  createsLibrary: true,
  backgroundAnalysis: true,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`serve takes no arguments (got "${ctx.positionals[0]}")`);
    const demo = ctx.values.demo === true;
    if (demo && ctx.values.library !== undefined) throw new UsageError('--demo uses its own library; leave out --library');
    const port = parseCount(stringOption(ctx.values, 'port'), 'port') ?? DEFAULT_PORT;
    const firstDemoRun = demo && !fs.existsSync(DEMO_LIBRARY_DIR);
    const library = ctx.library(demo ? DEMO_LIBRARY_DIR : undefined);
    const server = await startHttpServer({ library, host: stringOption(ctx.values, 'host') ?? '127.0.0.1', port });
    // The CLI may edit this library while the page is open; its writes reach the page too.
    const stopWatching = watchOtherProcessChanges(library.db, library.events);
    const kept = backupsKeptFromEnv();
    const stopBackups = scheduleDailyBackups(library.db, library.paths.database, {
      ...(kept === undefined ? {} : { backupsKept: kept }),
      onBackup: (backup) => note(`Daily backup: ${terminalText(backup.file)}`),
      onError: (error) => note(`folio: the daily backup failed (${terminalText(error instanceof Error ? error.message : String(error))}); it is tried again in an hour`),
    });
    print(`Folio is running at ${server.url}`);
    note(`Library: ${terminalText(library.paths.root)}`);
    note('Press Ctrl+C to stop.');
    if (firstDemoRun) {
      const photos = demoPhotosDir();
      if (photos === null) note('folio: no demo photos found; the demo library starts empty');
      else {
        await library.service.call('import.start', { path: photos }, CLI_CONTEXT);
        note(`Importing the demo photos from ${terminalText(photos)}`);
      }
    }
    await untilSignal();
    note('Stopping…');
    stopWatching();
    stopBackups();
    await server.close();
    return 0;
  },
};
