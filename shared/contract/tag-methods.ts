/** The tag vocabulary and its tree (issue 13): shared/tag-tree.ts holds the node and argument shapes. */
import { z } from 'zod';
import type { TagCount } from '../media.js';
import { Tag } from '../schemas.js';
import {
  TagAliasArgs,
  TagDeleteArgs,
  TagImpliesArgs,
  TagMergeArgs,
  TagUndoArgs,
  TagUpdateArgs,
  type TagDeleteResult,
  type TagListEntry,
  type TagMergeResult,
  type TagNode,
  type TagUpdateResult,
} from '../tag-tree.js';
import { method, returns, NoArgs, type MethodSpec } from './method.js';

export const tagMethods = {
  'tags.list': method(
    'read',
    z.strictObject({ prefix: z.string().max(200).optional(), limit: z.number().int().min(1).max(50_000).optional() }),
    returns<TagListEntry[]>(),
    'User tags with item counts; with prefix, autocomplete (any level\'s start, and aliases)',
  ),
  'tags.rename': method(
    'write',
    z.strictObject({ from: Tag, to: Tag }),
    returns<TagCount>(),
    'Rename a tag everywhere (merging into an existing tag of that name)',
  ),
  // The tag tree (issue 13): shared/tag-tree.ts holds the node and argument shapes.
  'tags.tree': method('read', NoArgs, returns<TagNode[]>(), 'Every tag of the tree with its counts, ordered by path'),
  'tags.update': method('write', TagUpdateArgs, returns<TagUpdateResult>(), 'Rename or move a branch (onto an existing path: merge), or set its colour'),
  'tags.merge': method('write', TagMergeArgs, returns<TagMergeResult>(), 'Merge tags (by path or id) into one'),
  'tags.setAliases': method('write', TagAliasArgs, returns<TagNode>(), 'Add and remove aliases that stand for a tag'),
  'tags.setImplies': method('write', TagImpliesArgs, returns<TagNode>(), 'Add and remove the tags a tag implies'),
  'tags.delete': method('write', TagDeleteArgs, returns<TagDeleteResult>(), 'Delete a tag (and its branch) from every item'),
  'tags.undo': method('write', TagUndoArgs, returns<{ ok: true }>(), 'Revert a vocabulary change by the token it returned (or `latest`)'),
} as const satisfies Record<string, MethodSpec>;
