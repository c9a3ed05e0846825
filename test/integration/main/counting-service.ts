import { METHOD_NAMES, type MethodName } from '../../../shared/contract.js';
import { Service } from '../../../electron/library/service/service.js';
import type { Handlers } from '../../../electron/library/service/types.js';

/**
 * The library's real service with every handler wrapped to record that it ran: the tests can
 * then say "refused before the service was called" and mean it.
 */
export function countingService(real: Service): { service: Service; calls: MethodName[] } {
  const calls: MethodName[] = [];
  const wrapped = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (args: never, ctx: never) => {
        calls.push(method);
        return (real.handlers[method] as (a: never, c: never) => unknown)(args, ctx);
      },
    ]),
  ) as unknown as Handlers;
  return { service: new Service(wrapped), calls };
}
