import { parseArgs } from '../../../shared/args.js';
import { ipcChannel } from '../../../shared/bridge.js';
import { METHOD_NAMES, type MethodName, type Result } from '../../../shared/contract.js';
import { FolioError } from '../../../shared/errors.js';
import { errorEnvelope, okEnvelope, type Envelope } from '../../../shared/result.js';
import type { Service } from '../../library/service/service.js';
import type { CallContext } from '../../library/service/types.js';
import { isTrustedSender, type IpcEventLike } from './sender-check.js';
import { toFolioError } from '../../library/base/error-path.js';

export type IpcHandler<M extends MethodName = MethodName> = (
  event: IpcEventLike,
  ...args: unknown[]
) => Promise<Envelope<Result<M>>>;

/** The part of Electron's `ipcMain` registration needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

const untrustedSender = () =>
  new FolioError('FORBIDDEN', 'This request did not come from the Folio window and was refused');

/**
 * The handler of one method's channel. In this order, each step refusing before the next:
 * 1. the sender must be our top-level page (else FORBIDDEN);
 * 2. exactly one argument, valid for the method's schema (else INVALID_ARGUMENT);
 * 3. only then the service runs. The answer is always an envelope: nothing thrown crosses IPC,
 *    so the renderer never sees a stack trace or a main-process path.
 */
export function createIpcHandler<M extends MethodName>(method: M, service: Service, ctx: CallContext): IpcHandler<M> {
  return async (event, ...rawArgs) => {
    if (!isTrustedSender(event)) return errorEnvelope(untrustedSender());
    if (rawArgs.length > 1) {
      return errorEnvelope(new FolioError('INVALID_ARGUMENT', `${method} takes one argument object, got ${rawArgs.length}`));
    }
    let args;
    try {
      args = parseArgs(method, rawArgs[0]);
    } catch (error) {
      return errorEnvelope(error);
    }
    try {
      return okEnvelope(await service.callParsed(method, args, ctx));
    } catch (error) {
      return errorEnvelope(toFolioError(error, method));
    }
  };
}

/**
 * One channel per contract method, registered in a loop: a method added to the contract gets
 * its channel without anyone wiring it. Returns a function that removes them all again.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, service: Service, ctx: CallContext): () => void {
  const channels = METHOD_NAMES.map((method) => {
    const channel = ipcChannel(method);
    const handler = createIpcHandler(method, service, ctx);
    ipcMain.handle(channel, handler);
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
