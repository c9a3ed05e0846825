import type { CheckReport } from '../../../../shared/library-check.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, print, printJson, type Command } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { terminalText } from '../terminal-text.js';

const LABELS: Record<string, string> = {
  integrity: 'database damaged',
  'foreign-key': 'broken references',
  'wal-cut': 'write-ahead log was cut',
  'tag-count': 'wrong tag counts',
  'file-missing': 'files missing',
  'file-changed': 'files changed',
  'file-unreadable': 'files unreadable',
  'thumbnail-missing': 'thumbnails missing',
};

function printReport(report: CheckReport): void {
  const items = report.itemsChecked === 1 ? '1 item' : `${report.itemsChecked} items`;
  if (report.status === 'ok' && report.findings.length === 0) {
    print(`Library check: all good (${items}, ${report.durationMs} ms)`);
    return;
  }
  const verdict = report.status === 'damaged' ? 'the database is DAMAGED' : report.status === 'problems' ? 'problems found' : 'all repaired';
  print(`Library check: ${verdict} (${items}, ${report.durationMs} ms)`);
  for (const [kind, count] of Object.entries(report.counts)) print(`  ${String(count).padStart(6)}  ${LABELS[kind] ?? kind}`);
  print('');
  for (const finding of report.findings) {
    const mark = finding.repaired === true ? 'repaired' : finding.repairable && !report.repaired ? 'repairable' : '';
    print(`  ${mark === '' ? '-' : `[${mark}]`} ${terminalText(finding.message)}`);
  }
  if (report.truncated) print('  … more findings not listed (--json lists the same first ones; the counts above are complete)');
  if (report.status === 'damaged') {
    print(report.latestBackup === null
      ? 'Make a copy of the library folder before anything else; "folio backup" may still save what can be read.'
      : `The latest backup is ${terminalText(report.latestBackup)}: "folio restore <backup-file>" puts it in place (the current library is kept as a backup).`);
  } else if (!report.repaired && report.findings.some((finding) => finding.repairable)) {
    print('Run "folio check --repair" to fix what is marked repairable (your files are not touched).');
  }
}

/** `folio check [--json] [--repair]`; its exit code says what it found (see --help). */
export const checkCommand: Command = {
  name: 'check',
  options: { repair: { type: 'boolean' } },
  createsLibrary: false,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError(`check takes no arguments (got "${ctx.positionals[0]}")`);
    const method = ctx.values.repair === true ? 'library.repair' : 'library.check';
    const report = await ctx.library().service.call(method, {}, CLI_CONTEXT);
    if (ctx.json) printJson(report);
    else printReport(report);
    if (report.status === 'damaged') return EXIT.CHECK_DAMAGED;
    return report.status === 'problems' ? EXIT.CHECK_PROBLEMS : EXIT.OK;
  },
};
