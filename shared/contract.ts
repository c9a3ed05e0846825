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
import { ExportFilesArgs, type ExportProgress } from './file-export.js';
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
} from './tag-tree.js';

/** A stack: its cover and its versions (a lone item is a cover without versions). */
export interface StackMembers {
  coverId: number;
  versionIds: number[];
}
import type { SortBuckets } from './sort-buckets.js';
import { ALBUM_KINDS, AlbumIds, AlbumName, AlbumQuery, MAX_ALBUM_PAGE, type Album } from './albums.js';
import { oneTarget, TARGET_MESSAGE, ViewSelection, ViewWindowArgs, type ViewWindow } from './view-selection.js';
import type { AnalysisSettings, AnalysisStatus } from './analysis.js';

/** Extension names for the background analysis (aliases allowed: google-auto-tagging). */
const AnalysisExtensions = z.array(z.string().min(1).max(100)).min(1).max(20);
import {
  FacesOfItemArgs,
  FacesReassignArgs,
  PeopleFacesArgs,
  PeopleMergeArgs,
  PeopleNameArgs,
  PeopleSetSettingsArgs,
  PeopleSplitArgs,
  PeopleUndoArgs,
  type Face,
  type PeopleSettings,
  type Person,
} from './people.js';

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

  'albums.list': method('read', NoArgs, returns<Album[]>(), 'Albums, smart albums and folders, with live counts of active items'),
  'albums.create': method(
    'write',
    z.strictObject({ name: AlbumName, kind: z.enum(ALBUM_KINDS).optional(), parentId: Id.nullable().optional(), query: AlbumQuery.optional() }),
    returns<Album>(),
    'Make an album (kind album, the default), a smart album (with a query) or a folder of albums',
  ),
  'albums.update': method(
    'write',
    z
      .strictObject({ id: Id, name: AlbumName.optional(), parentId: Id.nullable().optional(), query: AlbumQuery.optional() })
      .refine(({ name, parentId, query }) => name !== undefined || parentId !== undefined || query !== undefined, {
        message: 'Give a name, a parentId (a folder, or null for the top) or a query',
        path: ['name'],
      }),
    returns<Album>(),
    'Rename an album, move it into a folder (or to the top), change a smart album\'s search',
  ),
  'albums.delete': method(
    'write',
    z.strictObject({ id: Id }),
    returns<{ id: number }>(),
    'Delete an album (its items stay in the library); a folder\'s albums move up to its parent',
  ),
  'albums.editItems': method(
    'write',
    z
      .strictObject({ id: Id, add: AlbumIds.optional(), remove: AlbumIds.optional(), moveBefore: Id.nullable().optional() })
      .refine(({ add, remove }) => (add?.length ?? 0) + (remove?.length ?? 0) > 0, {
        message: 'Give ids to add or to remove',
        path: ['add'],
      }),
    returns<{ added: number; removed: number; moved: number; count: number }>(),
    'Add (appended, or placed before moveBefore in the order given; null: at the end) and remove items, in one transaction',
  ),
  'albums.items': method(
    'read',
    z.strictObject({ id: Id, cursor: z.string().max(1_000).optional(), limit: z.number().int().min(1).max(MAX_ALBUM_PAGE).optional() }),
    returns<ListResult & { total: number }>(),
    "An album's active items in its order (a smart album's in its search's order), cursor-paged",
  ),
  'albums.itemIds': method(
    'read',
    z.strictObject({ id: Id }),
    returns<{ ids: number[] }>(),
    "Every active item id of an album in its order (a smart album's in its search's order), for the virtualised gallery",
  ),
  'analysis.status': method('read', NoArgs, returns<AnalysisStatus>(), 'The background analysis: its state, the items queued and done, the item in hand'),
  'analysis.start': method(
    'write',
    z.strictObject({
      extensions: AnalysisExtensions.optional(),
      scope: z.union([z.literal('all'), z.literal('due'), z.strictObject({ ids: IdList })]).optional(),
    }),
    returns<AnalysisStatus>(),
    'Analyse in the background: every item (all), the items due (never analysed, older model, changed file; the default) or the ones given',
  ),
  'analysis.pause': method('write', NoArgs, returns<AnalysisStatus>(), 'Pause the background analysis after the item in hand (stays paused across a restart)'),
  'analysis.resume': method('write', NoArgs, returns<AnalysisStatus>(), 'Resume a paused background analysis'),
  'analysis.cancel': method('write', NoArgs, returns<AnalysisStatus & { removed: number }>(), 'Empty the background analysis queue (removed: the rows taken off)'),
  'analysis.settings': method('read', NoArgs, returns<AnalysisSettings>(), 'Whether new and changed items are analysed automatically, and by which extensions'),
  'analysis.setSettings': method(
    'write',
    z
      .strictObject({ autoAnalyse: z.boolean().optional(), extensions: AnalysisExtensions.optional() })
      .refine(({ autoAnalyse, extensions }) => autoAnalyse !== undefined || extensions !== undefined, {
        message: 'Give autoAnalyse, extensions or both',
        path: ['autoAnalyse'],
      }),
    returns<AnalysisSettings>(),
    'Switch "Analyse new items automatically" on or off and choose its extensions',
  ),
  'people.list': method('read', NoArgs, returns<{ people: Person[]; unassignedFaces: number }>(), 'People (clusters of faces) with counts and a sample face, named first'),
  'people.faces': method('read', PeopleFacesArgs, returns<{ faces: Face[] }>(), 'The faces of one person, most confident first'),
  'people.name': method('write', PeopleNameArgs, returns<{ person: Person; tagged: number; undo: string }>(), 'Name a person: every item with one of its faces gets the user tag People/<name>'),
  'people.merge': method('write', PeopleMergeArgs, returns<{ person: Person; undo: string }>(), 'Move every face of one person into another (the first is gone)'),
  'people.split': method('write', PeopleSplitArgs, returns<{ person: Person; undo: string }>(), 'Take faces out of a person into a new one'),
  'people.recluster': method('write', NoArgs, returns<{ people: number; assigned: number }>(), 'Group the faces nobody placed by hand again (corrections stay)'),
  'people.settings': method('read', NoArgs, returns<PeopleSettings>(), 'When a recognised person’s tag is set rather than suggested'),
  'people.setSettings': method('write', PeopleSetSettingsArgs, returns<PeopleSettings>(), 'Set the confidence above which a recognised person’s tag is set'),
  'faces.ofItem': method('read', FacesOfItemArgs, returns<{ faces: Face[] }>(), 'The faces found in one item, with their people'),
  'faces.reassign': method('write', FacesReassignArgs, returns<{ face: Face; undo: string }>(), 'Put a face in another person, or (null) say it is not this person'),
  'people.undo': method('write', PeopleUndoArgs, returns<{ ok: true }>(), 'Revert a people edit (name, merge, split, not this person) by the `undo` token it answered'),
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
  // Issue 18, ids at scale: the gallery reads a view by windows of positions.
  'media.listIdsWindow': method(
    'read',
    ViewWindowArgs,
    returns<ViewWindow>(),
    'The ids at positions offset…offset+limit of a view and its total, for a gallery that never holds every id',
  ),
  // Issue 15, file export: copies with metadata embedded, with sidecars, or JPEG renditions.
  'export.start': method('write', ExportFilesArgs, returns<ExportProgress>(), 'Export items, an album or a search to a folder, in the background (one export at a time)'),
  'export.status': method('read', NoArgs, returns<ExportProgress | null>(), 'Progress of the running or last export, with what failed and why'),
  'export.cancel': method('write', NoArgs, returns<{ cancelled: boolean }>(), 'Cancel the running export (files already placed stay, whole)'),
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
