import { parseArgs } from '../../../shared/args.js';
import type { Args, MethodName, Result } from '../../../shared/contract.js';
import { errorEnvelope, okEnvelope, type Envelope } from '../../../shared/result.js';
import type { CallContext, Handlers } from './types.js';
import { toFolioError } from '../base/error-path.js';
import { faultToFolioError } from '../base/faults.js';
import { SIDEBAR_METHODS } from '../../../shared/sidebar-calls.js';
import { sidebarTurn } from './call-turns.js';

/**
 * The one entry point every transport uses. Arguments are always parsed here, so a direct
 * caller (CLI, tests) gets the same validation as IPC and HTTP.
 */
export class Service {
  /** `libraryRoot` is named in the sentences about a fault of the library's own files (disk full, read-only). */
  constructor(
    readonly handlers: Handlers,
    readonly libraryRoot?: string,
  ) {}

  async call<M extends MethodName>(method: M, rawArgs: unknown, ctx: CallContext): Promise<Result<M>> {
    const args = parseArgs(method, rawArgs);
    return this.callParsed(method, args, ctx);
  }

  /** For transports that already parsed the arguments (to reject bad input before anything else). */
  async callParsed<M extends MethodName>(method: M, args: Args<M>, ctx: CallContext): Promise<Result<M>> {
    const handler = this.handlers[method] as (args: Args<M>, ctx: CallContext) => Result<M> | Promise<Result<M>>;
    if (SIDEBAR_METHODS.has(method)) await sidebarTurn();
    try {
      return await handler(args, ctx);
    } catch (error) {
      // A fault of the machine gets its typed error here, where the library is known.
      throw faultToFolioError(error, this.libraryRoot) ?? error;
    }
  }

  /** Never throws: the answer is an envelope, as it will cross a process boundary. */
  async dispatch<M extends MethodName>(method: M, rawArgs: unknown, ctx: CallContext): Promise<Envelope<Result<M>>> {
    try {
      return okEnvelope(await this.call(method, rawArgs, ctx));
    } catch (error) {
      return errorEnvelope(toFolioError(error, method));
    }
  }

  /** Swaps in other handlers for some methods (the desktop shell's native ones). */
  withHandlers(overrides: Partial<Handlers>): Service {
    return new Service({ ...this.handlers, ...overrides } as Handlers, this.libraryRoot);
  }
}
