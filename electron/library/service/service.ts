import { parseArgs } from '../../../shared/args.js';
import type { Args, MethodName, Result } from '../../../shared/contract.js';
import { errorEnvelope, okEnvelope, type Envelope } from '../../../shared/result.js';
import type { CallContext, Handlers } from './types.js';
import { toFolioError } from '../base/error-path.js';

/**
 * The one entry point every transport uses. Arguments are always parsed here, so a direct
 * caller (CLI, tests) gets the same validation as IPC and HTTP.
 */
export class Service {
  constructor(readonly handlers: Handlers) {}

  async call<M extends MethodName>(method: M, rawArgs: unknown, ctx: CallContext): Promise<Result<M>> {
    const args = parseArgs(method, rawArgs);
    return this.callParsed(method, args, ctx);
  }

  /** For transports that already parsed the arguments (to reject bad input before anything else). */
  async callParsed<M extends MethodName>(method: M, args: Args<M>, ctx: CallContext): Promise<Result<M>> {
    const handler = this.handlers[method] as (args: Args<M>, ctx: CallContext) => Result<M> | Promise<Result<M>>;
    return handler(args, ctx);
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
    return new Service({ ...this.handlers, ...overrides } as Handlers);
  }
}
