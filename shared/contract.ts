/**
 * The one list of operations. The service implements it, IPC registers a channel per method in
 * a loop over it, the preload and the HTTP client are derived from it, and the REST routes call
 * into it. Adding a method here without a handler fails the type check. The methods are
 * written by group in shared/contract/ (the way a method is written: contract/method.ts).
 */
import type { z } from 'zod';
import { Coordinates } from './schemas.js';
import { albumMethods } from './contract/album-methods.js';
import { analysisMethods } from './contract/analysis-methods.js';
import { libraryMethods } from './contract/library-methods.js';
import { mediaEditMethods } from './contract/media-edit-methods.js';
import { mediaReadMethods } from './contract/media-read-methods.js';
import type { MethodSpec, ResultType } from './contract/method.js';
import { shellExportMethods } from './contract/shell-export-methods.js';
import { stackMethods } from './contract/stack-methods.js';
import { tagMethods } from './contract/tag-methods.js';

export type { MethodSpec, ResultType } from './contract/method.js';
export type { ListResult } from './contract/media-read-methods.js';
export type { AutoTagItemResult, ExtensionInfo, TagChanges } from './contract/media-edit-methods.js';
export type { StackMembers } from './contract/stack-methods.js';

export const contract = {
  ...libraryMethods,
  ...mediaReadMethods,
  ...mediaEditMethods,
  ...stackMethods,
  ...tagMethods,
  ...albumMethods,
  ...analysisMethods,
  ...shellExportMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsIn<M extends MethodName> = z.input<Contract[M]['args']>;
export type Args<M extends MethodName> = z.output<Contract[M]['args']>;
export type Result<M extends MethodName> = Contract[M]['result'] extends ResultType<infer R> ? R : never;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** Re-exported so callers building a patch get the same coordinate rules. */
export { Coordinates };
