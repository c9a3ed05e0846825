/**
 * The tag tree's contract types and argument schemas: a tag node as every interface shows it,
 * and the inputs of the vocabulary operations (rename/move, merge, aliases, implications,
 * colours, delete, undo). Paths are written as shared/tag-path.ts says.
 */
import { z } from 'zod';
import { FolioError } from './errors.js';
import { MAX_TAGS_PER_CALL } from './limits.js';
import { normalizeTagPath, parseTagPath, tagPathKey } from './tag-path.js';

/** One tag of the tree. */
export interface TagNode {
  id: number;
  /** Its written path from the top (`Places/France/Paris`, `Music/AC\/DC`). */
  path: string;
  /** Its last level, unescaped (`Paris`, `AC/DC`). */
  name: string;
  parentId: number | null;
  /** Active items that carry exactly this tag (user tags). */
  count: number;
  /** Distinct active items that carry this tag or one below it. */
  branchCount: number;
  /** `#rrggbb`, or null for none. */
  colour: string | null;
  /** Aliases that stand for this tag, as written. */
  aliases: string[];
  /** Paths of the tags this one implies directly. */
  implies: string[];
}

/** A `tags.list` answer: with a prefix, a node found through one of its aliases names it. */
export interface TagListEntry extends TagNode {
  viaAlias?: string;
}

export interface TagUpdateResult {
  tag: TagNode;
  /** True when the new path was an existing tag and the two became one. */
  merged: boolean;
  /** Give to `tags.undo` to revert exactly this change. */
  undo: string;
}

export interface TagMergeResult {
  tag: TagNode;
  undo: string;
}

export interface TagDeleteResult {
  id: number;
  /** Items that carried the tag (or one below it) and no longer do. */
  removedFrom: number;
  undo: string;
}

/** The canonical forms of a list of paths, later duplicates (by key) dropped; errors name `field[i]`. */
export function normalizeTagPathList(raw: readonly unknown[], field = 'tags'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  raw.forEach((value, index) => {
    const levels = parseTagPath(value, `${field}[${index}]`);
    const key = tagPathKey(levels);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(normalizeTagPath(value, `${field}[${index}]`));
    }
  });
  return out;
}

const COLOUR = /^#[0-9a-f]{6}$/u;

/** `#RRGGBB` or `#rgb` in any case → `#rrggbb`; anything else is INVALID_ARGUMENT. */
export function normalizeTagColour(raw: string, field = 'colour'): string {
  const value = raw.trim().toLowerCase();
  const long = /^#[0-9a-f]{3}$/u.test(value) ? `#${[...value.slice(1)].map((c) => c + c).join('')}` : value;
  if (!COLOUR.test(long)) {
    throw new FolioError('INVALID_ARGUMENT', `A tag colour is written #rrggbb (got "${raw.slice(0, 40)}")`, { field });
  }
  return long;
}

function check<In, Out>(fn: (value: In) => Out) {
  return (value: In, ctx: z.RefinementCtx): Out => {
    try {
      return fn(value);
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { field: error.field } });
      return z.NEVER;
    }
  };
}

const PathInput = z.string().max(4_000);
export const TagPathArg = (field: string) => PathInput.transform(check((value: string) => normalizeTagPath(value, field)));
export const TagPathListArg = (field: string) =>
  z.array(PathInput).max(MAX_TAGS_PER_CALL).transform(check((value: string[]) => normalizeTagPathList(value, field)));
export const TagColourArg = z
  .string()
  .max(40)
  .transform(check((value: string) => normalizeTagColour(value)))
  .nullable();
const TagId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A tag named by id or by path (normalised). */
export const TagRefArg = z.union([TagId, TagPathArg('from')]);

export const TagUpdateArgs = z.strictObject({ id: TagId, path: TagPathArg('path').optional(), colour: TagColourArg.optional() });
export const TagMergeArgs = z.strictObject({ from: z.array(TagRefArg).min(1).max(MAX_TAGS_PER_CALL), into: TagPathArg('into') });
export const TagAliasArgs = z.strictObject({
  id: TagId,
  add: TagPathListArg('add').optional(),
  remove: TagPathListArg('remove').optional(),
  /** An alias that is a tag in use merges that tag into this one instead of being refused. */
  confirmMerge: z.boolean().optional(),
});
export const TagImpliesArgs = z.strictObject({ id: TagId, add: TagPathListArg('add').optional(), remove: TagPathListArg('remove').optional() });
export const TagDeleteArgs = z.strictObject({ id: TagId });
export const TagUndoArgs = z.strictObject({ token: z.string().min(1).max(100) });
