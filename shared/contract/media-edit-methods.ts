/** Editing items: fields, tags, curating, names, the trash, and AI tags. */
import { z } from 'zod';
import type { AiTag, ExtensionStatus, MediaItem, TagCount } from '../media.js';
import {
  DisplayName,
  ExtensionRequest,
  Flag,
  Id,
  IdList,
  Label,
  MediaPatch,
  MediaReplacement,
  Metadata,
  MetadataKey,
  Rating,
  TagList,
} from '../schemas.js';
import { MAX_TAG_LINKS_PER_CALL } from '../limits.js';
import { oneTarget, TARGET_MESSAGE, ViewSelection } from '../view-selection.js';
import { method, returns, NoArgs, type MethodSpec } from './method.js';

export interface TagChanges {
  /** For each tag, the items that did not have it before and have it now (ids ascending). */
  added: { tag: string; ids: number[] }[];
  /** For each tag, the items that had it before and no longer do (ids ascending). */
  removed: { tag: string; ids: number[] }[];
}
export interface AutoTagItemResult {
  id: number;
  aiTags: AiTag[];
  extensionStatus: ExtensionStatus[];
}
export interface ExtensionInfo {
  name: string;
  description: string;
  version: string;
}

export const mediaEditMethods = {
  'media.update': method(
    'write',
    z.strictObject({ id: Id, patch: MediaPatch }),
    returns<MediaItem>(),
    'Change any of name, description, tags (replaces), metadata (replaces), customCoordinates',
  ),
  'media.replace': method(
    'write',
    z.strictObject({ id: Id, fields: MediaReplacement }),
    returns<MediaItem>(),
    'Full update of the editable fields; omitted ones are cleared',
  ),
  'media.mergeMetadata': method(
    'write',
    z.strictObject({ id: Id, set: Metadata.optional(), remove: z.array(MetadataKey).max(1_000).optional() }),
    returns<MediaItem>(),
    'Add, change and remove custom metadata keys',
  ),
  'media.editTags': method(
    'write',
    z
      .strictObject({ ids: IdList.optional(), add: TagList.optional(), remove: TagList.optional(), allOf: ViewSelection.optional() })
      .superRefine(({ ids, add, remove, allOf }, ctx) => {
        if (!oneTarget({ ids, allOf })) ctx.addIssue({ code: 'custom', path: ['ids'], message: TARGET_MESSAGE });
        if (ids === undefined) return;
        // Bounded so that one call finishes in about a second and never holds the library
        // (and every other request) for long: larger edits are sent in parts (an allOf edit is
        // cut into such parts by the library itself).
        const links = ids.length * ((add?.length ?? 0) + (remove?.length ?? 0));
        if (links > MAX_TAG_LINKS_PER_CALL) {
          const tags = (add?.length ?? 0) + (remove?.length ?? 0);
          ctx.addIssue({
            code: 'custom',
            path: ['ids'],
            message: `This edit would change up to ${links.toLocaleString('en-US')} tag links (${ids.length.toLocaleString('en-US')} items × ${tags} tags); one call changes at most ${MAX_TAG_LINKS_PER_CALL.toLocaleString('en-US')}. Send at most ${Math.max(1, Math.floor(MAX_TAG_LINKS_PER_CALL / tags)).toLocaleString('en-US')} items per call.`,
          });
        }
      }),
    returns<{ updated: number; changes: TagChanges; unmatched: string[]; changesOmitted?: boolean }>(),
    'Add and remove user tags on many items in one transaction (at most MAX_TAG_LINKS_PER_CALL items × tags); allOf: on every item of a view, in parts of that size (changesOmitted when the view is larger than MAX_IDS)',
  ),
  'media.setCurating': method(
    'write',
    z
      .strictObject({ ids: IdList.optional(), rating: Rating.optional(), label: Label.optional(), flag: Flag.optional(), allOf: ViewSelection.optional() })
      .refine(({ rating, label, flag }) => rating !== undefined || label !== undefined || flag !== undefined, {
        message: 'Give a rating, a label, a flag or several of them',
        path: ['rating'],
      })
      .refine(oneTarget, { message: TARGET_MESSAGE, path: ['ids'] }),
    returns<{ updated: number }>(),
    'Set the rating, colour label and/or flag of many items in one transaction (updated: the items that changed)',
  ),
  'media.tagSummary': method(
    'read',
    z.strictObject({ ids: IdList.optional(), allOf: ViewSelection.optional() }).refine(oneTarget, { message: TARGET_MESSAGE, path: ['ids'] }),
    returns<{ total: number; tags: TagCount[] }>(),
    'Which tags all and which only some of the items have',
  ),
  'media.autoTag': method(
    'write',
    z.strictObject({ ids: IdList, extensions: z.array(ExtensionRequest).min(1).max(10) }),
    returns<{ items: AutoTagItemResult[] }>(),
    'Run offline tagging extensions',
  ),
  'media.removeAiTags': method(
    'write',
    z.strictObject({ ids: IdList, names: TagList.optional(), source: z.string().max(100).optional() }),
    returns<{ removedCount: number }>(),
    'Remove AI tags (all, by name, or by source)',
  ),
  'media.promoteAiTags': method(
    'write',
    z.strictObject({ ids: IdList, names: TagList }),
    returns<{ updated: number; changes: TagChanges; unmatched: string[] }>(),
    'Turn AI tags into user tags',
  ),
  'media.rename': method(
    'write',
    z.strictObject({ id: Id, name: DisplayName, onDisk: z.boolean().optional() }),
    returns<MediaItem>(),
    'Rename the item; with onDisk, also the file, in its folder, never overwriting',
  ),
  'media.softDelete': method(
    'write',
    z.strictObject({ ids: IdList.optional(), allOf: ViewSelection.optional() }).refine(oneTarget, { message: TARGET_MESSAGE, path: ['ids'] }),
    returns<{ ids: number[]; deletedCount: number; idsOmitted?: boolean }>(),
    'Move items and their derived versions to the trash',
  ),
  'media.restore': method(
    'write',
    z.strictObject({ ids: IdList }),
    returns<{ ids: number[]; restoredCount: number }>(),
    'Bring items back from the trash',
  ),
  'trash.empty': method(
    'write',
    NoArgs,
    returns<{ removedCount: number }>(),
    'Forget trashed items and their thumbnails (never the files)',
  ),
  'extensions.list': method('read', NoArgs, returns<ExtensionInfo[]>(), 'Offline tagging extensions'),
} as const satisfies Record<string, MethodSpec>;
