/**
 * `folio analyse [--all] [--extensions a,b] [<id>…]`: runs the background analysis in the
 * foreground until its queue is empty (the items due, every item with --all, or the ids given).
 * Ctrl+C stops after the item in hand; the queue is kept and the next open resumes it.
 * `folio analysis [status|pause|resume|cancel] [--auto on|off] [--extensions a,b]`: its state
 * and settings, for a window or `folio serve` running on the same library.
 */
import type { AnalysisStatus } from '../../../../shared/analysis.js';
import { parseIds, splitList, UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, print, printJson, stringList, stringOption, type Command } from '../command.js';
import { EXIT } from '../exit-codes.js';

function describe(status: AnalysisStatus): string {
  const current = status.current ? `; now item ${status.current.id} (${status.current.extensions.join(', ')})` : '';
  const failed = status.failed > 0 ? `, ${status.failed} failed` : '';
  return `analysis ${status.state}: ${status.done} of ${status.total} items done${failed}, ${status.queued} queued${current}`;
}

export const analyseCommand: Command = {
  name: 'analyse',
  options: { all: { type: 'boolean' }, extensions: { type: 'string', multiple: true } },
  createsLibrary: false,
  backgroundAnalysis: true,
  async run(ctx) {
    const ids = ctx.positionals.length > 0 ? parseIds(ctx.positionals) : null;
    if (ids && ctx.values.all === true) throw new UsageError('Give item ids or --all, not both');
    const extensions = splitList(stringList(ctx.values, 'extensions'));
    const library = ctx.library();
    const scope = ids ? { ids } : ctx.values.all === true ? 'all' : 'due';
    const started = await library.service.call('analysis.start', { scope, ...(extensions ? { extensions } : {}) }, CLI_CONTEXT);
    const tty = process.stderr.isTTY && !ctx.json;
    const off = library.events.on('analysis.progress', (status) => {
      if (tty) process.stderr.write(`\r\x1b[2K${describe(status)}`);
    });
    let interrupted = false;
    const onSignal = (): void => {
      interrupted = true;
      void library.analysis.close(); // after the item in hand; the queue stays
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      if (started.queued > 0) await library.analysis.whenIdle();
    } finally {
      off();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (tty) process.stderr.write('\n');
    }
    const status = await library.service.call('analysis.status', {}, CLI_CONTEXT);
    if (ctx.json) printJson(status);
    else print(describe(status));
    if (interrupted) {
      note('folio: stopped; the rest of the queue is analysed on the next open (folio analyse, the app or folio serve)');
      return EXIT.INTERRUPTED;
    }
    return 0;
  },
};

export const analysisCommand: Command = {
  name: 'analysis',
  options: { auto: { type: 'string' }, extensions: { type: 'string', multiple: true } },
  createsLibrary: false,
  async run(ctx) {
    const [verb = 'status', ...rest] = ctx.positionals;
    if (rest.length > 0) throw new UsageError(`analysis takes one of status, pause, resume, cancel (got "${ctx.positionals.join(' ')}")`);
    const service = ctx.library().service;
    const auto = stringOption(ctx.values, 'auto');
    const extensions = splitList(stringList(ctx.values, 'extensions'));
    if (auto !== undefined && auto !== 'on' && auto !== 'off') throw new UsageError(`--auto takes on or off (got "${auto}")`);
    if (auto !== undefined || extensions !== undefined) {
      await service.call('analysis.setSettings', { ...(auto === undefined ? {} : { autoAnalyse: auto === 'on' }), ...(extensions ? { extensions } : {}) }, CLI_CONTEXT);
    }
    let status: AnalysisStatus;
    if (verb === 'status') status = await service.call('analysis.status', {}, CLI_CONTEXT);
    else if (verb === 'pause') status = await service.call('analysis.pause', {}, CLI_CONTEXT);
    else if (verb === 'resume') status = await service.call('analysis.resume', {}, CLI_CONTEXT);
    else if (verb === 'cancel') status = await service.call('analysis.cancel', {}, CLI_CONTEXT);
    else throw new UsageError(`analysis takes one of status, pause, resume, cancel (got "${verb}")`);
    if (ctx.json) printJson(status);
    else {
      print(describe(status));
      print(`automatic analysis of new items: ${status.settings.autoAnalyse ? 'on' : 'off'} (${status.settings.extensions.join(', ')})`);
    }
    return 0;
  },
};
