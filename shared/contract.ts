/**
 * The one list of operations. The service implements it, IPC registers a channel per method in
 * a loop over it, the preload and the HTTP client are derived from it, and the REST routes call
 * into it. Adding a method here without a handler fails the type check.
 */
import { z } from 'zod';
import { MAX_NEAR_DISTANCE, type DuplicateGroup, type SimilarItem } from './duplicates.js';
import type {
  AiTag,
  ExtensionStatus,
  ImportIssue,
  ImportProgress,
  LibraryFolder,
  LibraryInfo,
  MediaItem,
  MediaTile,
  TagCount,
} from './media.js';
import type { BackupInfo, CheckReport } from './library-check.js';
import type { ItemFileMetadata, LibraryConfig, SidecarStatus } from './file-metadata.js';
import type { MetadataExportRow } from './metadata-export.js';
import {
  Coordinates,
  DisplayName,
  ExtensionRequest,
  Flag,
  FolderPath,
  Id,
  IdList,
  Label,
  MAX_PAGE,
  MediaFilter,
  MediaPatch,
  MediaReplacement,
  MediaSort,
  Metadata,
  MetadataKey,
  Rating,
  Tag,
  TagList,
} from './schemas.js';
import { MAX_TAG_LINKS_PER_CALL } from './limits.js';
import type { StackRules } from './stacks.js';

/** A stack: its cover and its versions (a lone item is a cover without versions). */
export interface StackMembers {
  coverId: number;
  versionIds: number[];
}
import type { SortBuckets } from './sort-buckets.js';

/** Phantom marker carrying a method's result type; nothing is validated at run time. */
export interface ResultType<T> {
  readonly __result?: T;
}
const returns = <T>(): ResultType<T> => ({});

export interface MethodSpec<S extends z.ZodType = z.ZodType, R = unknown> {
  args: S;
  result: ResultType<R>;
  /** `read` methods change nothing; the REST API and a read-only library rely on this. */
  kind: 'read' | 'write';
  /** Only the desktop shell can do it (a native dialog, the OS trash); elsewhere UNSUPPORTED. */
  shell?: true;
  summary: string;
}

function method<S extends z.ZodType, R>(
  kind: 'read' | 'write',
  args: S,
  result: ResultType<R>,
  summary: string,
  shell?: true,
): MethodSpec<S, R> {
  return shell ? { kind, args, result, summary, shell } : { kind, args, result, summary };
}

const NoArgs = z.strictObject({});
const Page = z.number().int().min(1).max(MAX_PAGE);

export interface ListResult {
  items: MediaItem[];
  nextCursor: string | null;
  total?: number;
}

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

export const contract = {
  'library.info': method('read', NoArgs, returns<LibraryInfo>(), 'Where the library is and how much it holds'),
  'library.backup': method('write', NoArgs, returns<BackupInfo>(), "Back up the library now, into its own backups folder (a consistent copy; thumbnails are left out)"),
  'library.check': method('read', NoArgs, returns<CheckReport>(), 'Check the database, the tag counts, the files and the thumbnails'),
  'library.repair': method('write', NoArgs, returns<CheckReport>(), 'Check, then repair what is safe: recount tags, render missing thumbnails again'),

  'folders.list': method('read', NoArgs, returns<LibraryFolder[]>(), 'Library folders with item counts'),
  'folders.remove': method(
    'write',
    z.strictObject({ id: Id }),
    returns<{ id: number; removedItems: number }>(),
    'Forget a folder and its items (the files are not touched)',
  ),

  'import.start': method(
    'write',
    z.strictObject({ path: FolderPath }),
    returns<{ jobId: string; folder: LibraryFolder }>(),
    'Add a folder (recursively) and import it; queued behind a running import',
  ),
  'import.rescan': method(
    'write',
    z.strictObject({ folderIds: IdList.optional() }),
    returns<{ jobId: string }>(),
    'Look for new, changed and missing files in library folders',
  ),
  'import.cancel': method('write', NoArgs, returns<{ cancelled: boolean }>(), 'Cancel the running import'),
  'import.status': method('read', NoArgs, returns<ImportProgress | null>(), 'Progress of the running or last import'),
  'import.issues': method(
    'read',
    z.strictObject({ folderId: Id.optional(), limit: Page.optional() }),
    returns<ImportIssue[]>(),
    'Files the last scans could not record as items, with the reason',
  ),

  'media.get': method('read', z.strictObject({ id: Id }), returns<MediaItem>(), 'One item'),
  'media.getMany': method(
    'read',
    z.strictObject({ ids: z.array(Id).min(1).max(MAX_PAGE) }),
    returns<MediaItem[]>(),
    'Several items by id, in the order asked (unknown ids are left out)',
  ),
  'media.list': method(
    'read',
    z.strictObject({
      filter: MediaFilter.optional(),
      sort: MediaSort.optional(),
      cursor: z.string().max(1_000).optional(),
      limit: Page.optional(),
      withTotal: z.boolean().optional(),
    }),
    returns<ListResult>(),
    'Filtered, sorted items with keyset paging',
  ),
  'media.listIds': method(
    'read',
    z.strictObject({ filter: MediaFilter.optional(), sort: MediaSort.optional() }),
    returns<{ ids: number[] }>(),
    'Every matching id in order, for the virtualised gallery',
  ),
  'media.sortBuckets': method(
    'read',
    z.strictObject({ filter: MediaFilter.optional(), sort: MediaSort.optional() }),
    returns<SortBuckets>(),
    'The view counted by month, first letter or size band, in its order (the gallery scrubber)',
  ),
  'media.tiles': method(
    'read',
    z.strictObject({ ids: z.array(Id).min(1).max(5_000) }),
    returns<MediaTile[]>(),
    'What gallery tiles need for the given ids',
  ),
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
      .strictObject({ ids: IdList, add: TagList.optional(), remove: TagList.optional() })
      .superRefine(({ ids, add, remove }, ctx) => {
        // Bounded so that one call finishes in about a second and never holds the library
        // (and every other request) for long: larger edits are sent in parts.
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
    returns<{ updated: number; changes: TagChanges; unmatched: string[] }>(),
    'Add and remove user tags on many items in one transaction (at most MAX_TAG_LINKS_PER_CALL items × tags)',
  ),
  'media.setCurating': method(
    'write',
    z
      .strictObject({ ids: IdList, rating: Rating.optional(), label: Label.optional(), flag: Flag.optional() })
      .refine(({ rating, label, flag }) => rating !== undefined || label !== undefined || flag !== undefined, {
        message: 'Give a rating, a label, a flag or several of them',
        path: ['rating'],
      }),
    returns<{ updated: number }>(),
    'Set the rating, colour label and/or flag of many items in one transaction (updated: the items that changed)',
  ),
  'media.tagSummary': method(
    'read',
    z.strictObject({ ids: IdList }),
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
  'media.softDelete': method(
    'write',
    z.strictObject({ ids: IdList }),
    returns<{ ids: number[]; deletedCount: number }>(),
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

  'tags.list': method(
    'read',
    z.strictObject({ prefix: z.string().max(200).optional(), limit: z.number().int().min(1).max(50_000).optional() }),
    returns<TagCount[]>(),
    'User tags with item counts; with prefix, autocomplete',
  ),
  'tags.rename': method(
    'write',
    z.strictObject({ from: Tag, to: Tag }),
    returns<TagCount>(),
    'Rename a tag everywhere (merging into an existing tag of that name)',
  ),

  'extensions.list': method('read', NoArgs, returns<ExtensionInfo[]>(), 'Offline tagging extensions'),

  'media.similar': method(
    'read',
    z.strictObject({
      id: Id,
      maxDistance: z.number().int().min(0).max(MAX_NEAR_DISTANCE).optional(),
      limit: z.number().int().min(1).max(MAX_PAGE).optional(),
    }),
    returns<{ hashed: boolean; items: SimilarItem[] }>(),
    'Pictures that look like this one (perceptual hash), closest first',
  ),
  'duplicates.list': method(
    'read',
    z.strictObject({ maxDistance: z.number().int().min(0).max(MAX_NEAR_DISTANCE).optional() }),
    returns<{ groups: DuplicateGroup[]; unhashed: number }>(),
    'Groups of exact (same content) and near (look the same) duplicates',
  ),

  'config.get': method('read', NoArgs, returns<LibraryConfig>(), "The library's settings (write-sidecars: edits go to XMP sidecars)"),
  'config.set': method(
    'write',
    z.strictObject({ writeSidecars: z.boolean({ error: 'writeSidecars is true or false' }).optional() }),
    returns<LibraryConfig>(),
    "Change the library's settings; writing sidecars is off until turned on",
  ),
  'sidecars.status': method('read', NoArgs, returns<SidecarStatus>(), 'How far writing XMP sidecars is: pending, failed, written'),
  'sidecars.writeAll': method(
    'write',
    z.strictObject({ turnOn: z.boolean().optional() }),
    returns<{ queued: number }>(),
    "Write every item's sidecar now (needs write-sidecars on; turnOn: true switches it on first)",
  ),
  'sidecars.cancel': method('write', NoArgs, returns<{ cancelled: number }>(), 'Cancel the rest of a "write all" (edits still get written)'),
  'media.fileMetadata': method('read', z.strictObject({ id: Id }), returns<ItemFileMetadata>(), "What the item took from its file and sidecar, and its sidecar's state"),
  'media.exportMetadata': method('read', z.strictObject({ ids: IdList }), returns<MetadataExportRow[]>(), 'One export row per item (CSV/JSON export): tags as paths, AI tags, curating, albums, custom and detected fields'),

  'shell.pickFolder': method('read', NoArgs, returns<{ path: string | null }>(), 'Native folder picker', true),
  'shell.showInFolder': method('read', z.strictObject({ id: Id }), returns<null>(), 'Reveal the file', true),
  'shell.openOriginal': method('read', z.strictObject({ id: Id }), returns<null>(), 'Open in the default app', true),
  'shell.trashFiles': method(
    'write',
    z.strictObject({ ids: IdList, confirmed: z.literal(true) }),
    returns<{ trashed: number }>(),
    'Move the files themselves to the system trash (explicit, confirmed request only)',
    true,
  ),
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
