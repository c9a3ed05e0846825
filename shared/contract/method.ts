/** How a method of the contract is written: its arguments' schema, its result type, its kind. */
import { z } from 'zod';
import { MAX_PAGE } from '../schemas.js';

/** Phantom marker carrying a method's result type; nothing is validated at run time. */
export interface ResultType<T> {
  readonly __result?: T;
}
export const returns = <T>(): ResultType<T> => ({});

export interface MethodSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  args: S;
  result: ResultType<R>;
  /** `read` methods change nothing; the REST API and a read-only library rely on this. */
  kind: 'read' | 'write';
  /** Only the desktop shell can do it (a native dialog, the OS trash); elsewhere UNSUPPORTED. */
  shell?: true;
  summary: string;
}

export function method<S extends z.ZodType, R>(
  kind: 'read' | 'write',
  args: S,
  result: ResultType<R>,
  summary: string,
  shell?: true,
): MethodSpec<S, R> {
  return shell ? { kind, args, result, summary, shell } : { kind, args, result, summary };
}

export const NoArgs = z.strictObject({});
export const Page = z.number().int().min(1).max(MAX_PAGE);
