/** Stacks: versions of one photo under a cover, and the rules that stack files at import. */
import { z } from 'zod';
import { Id, IdList } from '../schemas.js';
import type { StackRules } from '../stacks.js';
import { method, returns, NoArgs, type MethodSpec } from './method.js';

/** A stack: its cover and its versions (a lone item is a cover without versions). */
export interface StackMembers {
  coverId: number;
  versionIds: number[];
}

export const stackMethods = {
  'media.setParent': method(
    'write',
    z.strictObject({ ids: IdList, parentId: Id.nullable() }),
    returns<{ ids: number[] }>(),
    'Make items derived versions of another item, or detach them',
  ),
  'media.stack': method(
    'write',
    z.strictObject({ ids: IdList, coverId: Id.optional() }),
    returns<StackMembers>(),
    'Stack items as versions of one photo (the cover: coverId, else the first id); stacks among them merge',
  ),
  'media.unstack': method('write', z.strictObject({ id: Id }), returns<StackMembers>(), 'Take apart the stack the item is in'),
  'media.setStackCover': method('write', z.strictObject({ id: Id }), returns<StackMembers>(), 'Make the item the cover of its stack'),
  'media.stackMembers': method('read', z.strictObject({ id: Id }), returns<StackMembers>(), 'The cover and versions of the stack the item is in'),
  'library.stackRules': method('read', NoArgs, returns<StackRules>(), 'Which rules stack files at import'),
  'library.setStackRules': method(
    'write',
    z.strictObject({
      rawJpeg: z.boolean().optional(),
      appleEdits: z.boolean().optional(),
      androidEdited: z.boolean().optional(),
      livePhotos: z.boolean().optional(),
    }),
    returns<StackRules>(),
    'Switch stack rules on or off for this library (future imports)',
  ),
} as const satisfies Record<string, MethodSpec>;
