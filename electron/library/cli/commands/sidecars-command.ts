/**
 * `folio sidecars [status]`, `folio sidecars write-all` (waits, with progress; Ctrl+C cancels
 * the rest) and `folio sidecars cancel`: writing metadata to XMP sidecars.
 */
import type { SidecarStatus } from '../../../../shared/file-metadata.js';
import { UsageError } from '../cli-error.js';
import { CLI_CONTEXT, note, print, printJson, type Command } from '../command.js';

function describe(status: SidecarStatus): string {
  const state = status.enabled ? 'on' : 'off';
  const error = status.lastError === null ? '' : `; last error (item ${status.lastError.mediaId}): ${status.lastError.message}`;
  return `Writing sidecars is ${state}: ${status.pending} pending, ${status.failed} failed, ${status.written} written now${error}`;
}

export const sidecarsCommand: Command = {
  name: 'sidecars',
  options: {},
  createsLibrary: false,
  async run(ctx) {
    const [verb = 'status', ...rest] = ctx.positionals;
    if (rest.length > 0) throw new UsageError(`sidecars ${verb} takes nothing more (got "${rest[0]}")`);
    const library = ctx.library();
    const call = library.service;
    if (verb === 'cancel') {
      const result = await call.call('sidecars.cancel', {}, CLI_CONTEXT);
      if (ctx.json) printJson(result);
      else print(`Cancelled ${result.cancelled} pending writes`);
      return 0;
    }
    if (verb === 'write-all') {
      const { queued } = await call.call('sidecars.writeAll', {}, CLI_CONTEXT);
      const total = (await call.call('sidecars.status', {}, CLI_CONTEXT)).pending;
      note(`Writing ${total} sidecars (${queued} queued now); Ctrl+C cancels the rest`);
      const cancel = () => void call.call('sidecars.cancel', {}, CLI_CONTEXT);
      process.once('SIGINT', cancel);
      const ticker = setInterval(() => {
        void call.call('sidecars.status', {}, CLI_CONTEXT).then((status) => note(`  ${total - status.pending} of ${total} written`));
      }, 1_000);
      try {
        await library.sidecars.idle();
      } finally {
        clearInterval(ticker);
        process.off('SIGINT', cancel);
      }
    } else if (verb !== 'status') {
      throw new UsageError(`sidecars takes status, write-all or cancel, not "${verb}"`);
    }
    const status = await call.call('sidecars.status', {}, CLI_CONTEXT);
    if (ctx.json) printJson(status);
    else print(describe(status));
    return status.failed > 0 && verb === 'write-all' ? 1 : 0;
  },
};
