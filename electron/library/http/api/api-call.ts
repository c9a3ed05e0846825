import { parseArgs } from '../../../../shared/args.js';
import type { Args, ArgsIn, MethodName, Result } from '../../../../shared/contract.js';
import { FolioError } from '../../../../shared/errors.js';
import type { CallContext } from '../../service/types.js';
import type { Service } from '../../service/service.js';

export interface ApiContext {
  service: Service;
  /** Actor `api`, media URLs absolute on this server. */
  ctx: CallContext;
}

/**
 * Renames the field an error names from the contract's argument path to the REST body's
 * (`patch.width` → `width`, `names[0]` → `removeAITags[0]`), so a 400 names what the client sent.
 */
export type FieldRenames = ReadonlyArray<readonly [from: string, to: string]>;

function renameField(field: string, renames: FieldRenames): string {
  for (const [from, to] of renames) {
    if (field === from) return to;
    for (const joiner of ['.', '[']) {
      if (field.startsWith(from + joiner)) {
        const rest = field.slice(from.length + (joiner === '.' ? 1 : 0));
        return to === '' ? rest : `${to}${joiner === '.' ? '.' : ''}${rest}`;
      }
    }
  }
  return field;
}

export function withRenamedField(error: unknown, renames: FieldRenames): unknown {
  if (!(error instanceof FolioError) || error.field === undefined) return error;
  const field = renameField(error.field, renames);
  if (field === error.field) return error;
  const details = error.details === undefined ? {} : { details: error.details };
  return new FolioError(error.code, error.message, field === '' ? details : { field, ...details });
}

/** Validates first (nothing runs on bad input), then calls the service. */
export function parseApiArgs<M extends MethodName>(method: M, args: ArgsIn<M> | Record<string, unknown>, renames: FieldRenames = []): Args<M> {
  try {
    return parseArgs(method, args);
  } catch (error) {
    throw withRenamedField(error, renames);
  }
}

/** Calls the service with arguments parsed by `parseApiArgs`. */
export async function callParsedApi<M extends MethodName>(
  api: ApiContext,
  method: M,
  parsed: Args<M>,
  renames: FieldRenames = [],
): Promise<Result<M>> {
  try {
    return await api.service.callParsed(method, parsed, api.ctx);
  } catch (error) {
    throw withRenamedField(error, renames);
  }
}

export function callApi<M extends MethodName>(
  api: ApiContext,
  method: M,
  args: ArgsIn<M> | Record<string, unknown>,
  renames: FieldRenames = [],
): Promise<Result<M>> {
  return callParsedApi(api, method, parseApiArgs(method, args, renames), renames);
}
