/**
 * Argument schemas shared by the contract's methods. Limits here are the first line of
 * defence: a renderer or HTTP client that sends a million ids or a megabyte name is refused
 * before any work is done.
 */
import { z } from 'zod';
import { FolioError } from './errors.js';
import { AVAILABILITIES, FILE_STATES, MAX_RATING, MEDIA_FLAGS, MEDIA_LABELS, MEDIA_STATUSES, MEDIA_TYPES, SORT_FIELDS } from './media.js';
import { validateMetadata, validateMetadataKey, type JsonObject } from './metadata.js';
import { normalizeTagPath } from './tag-path.js';
import { normalizeTagPathList } from './tag-tree.js';
import { isInvisible } from './text-rules.js';
import { MAX_QUERY_LENGTH } from './search/parser.js';
import { parseCoordinates, formatCoordinates } from './coordinates.js';
import { MAX_DESCRIPTION_LENGTH, MAX_IDS, MAX_NAME_LENGTH, MAX_PAGE, MAX_PATH_LENGTH, MAX_TAGS_PER_CALL } from './limits.js';

export { MAX_DESCRIPTION_LENGTH, MAX_IDS, MAX_NAME_LENGTH, MAX_PAGE, MAX_PATH_LENGTH, MAX_TAGS_PER_CALL };

/**
 * Runs one of shared/'s validators inside a schema, turning its FolioError into a zod issue
 * so that every argument problem comes out of one parse with one shape.
 */
function folioCheck<In, Out>(check: (value: In) => Out) {
  return (value: In, ctx: z.RefinementCtx): Out => {
    try {
      return check(value);
    } catch (error) {
      if (!(error instanceof FolioError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { field: error.field } });
      return z.NEVER;
    }
  };
}

export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdList = z.array(Id).min(1).max(MAX_IDS);

const TagInput = z.string().max(1_000);
// Tags are paths of the tag tree (shared/tag-path.ts): `a/b` is `b` under `a`.
export const Tag = TagInput.transform(folioCheck((value: string) => normalizeTagPath(value)));
export const TagList = z
  .array(TagInput)
  .max(MAX_TAGS_PER_CALL)
  .transform(folioCheck((value: string[]) => normalizeTagPathList(value)));

export const DisplayName = z
  .string()
  .max(MAX_NAME_LENGTH)
  .transform(folioCheck((value: string) => {
    const name = value.normalize('NFC').trim();
    if (name.length === 0) throw new FolioError('INVALID_ARGUMENT', 'A name cannot be empty', { field: 'name' });
    if (/\p{Cc}/u.test(name)) {
      throw new FolioError('INVALID_ARGUMENT', 'A name cannot contain control characters', { field: 'name' });
    }
    if (isInvisible(name)) throw new FolioError('INVALID_ARGUMENT', 'A name needs at least one visible character', { field: 'name' });
    return name;
  }));

export const Description = z.string().max(MAX_DESCRIPTION_LENGTH);

export const Metadata = z
  .custom<JsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'Metadata must be a JSON object',
  })
  .transform(folioCheck((value: JsonObject) => validateMetadata(value)));

export const MetadataKey = z
  .string()
  .max(1_000)
  .transform(folioCheck((key: string) => {
    validateMetadataKey(key, 'remove');
    return key;
  }));

/** `"x,y,width,height"` or null to clear. Normalised to the canonical spelling. */
export const Coordinates = z
  .string()
  .max(100)
  .transform(folioCheck((value: string) => formatCoordinates(parseCoordinates(value))))
  .nullable();

export const FolderPath = z.string().min(1).max(MAX_PATH_LENGTH);

export const MediaFilter = z.strictObject({
  tagsAll: TagList.optional(),
  tagsNone: TagList.optional(),
  tagsAny: TagList.optional(),
  untagged: z.boolean().optional(),
  type: z.array(z.enum(MEDIA_TYPES)).max(MEDIA_TYPES.length).optional(),
  status: z.enum(MEDIA_STATUSES).optional(),
  availability: z.array(z.enum(AVAILABILITIES)).max(AVAILABILITIES.length).optional(),
  fileState: z.array(z.enum(FILE_STATES)).max(FILE_STATES.length).optional(),
  folderId: Id.optional(),
  /** false: stacks collapsed — covers and lone items only, versions (derived items) left out. */
  versions: z.boolean().optional(),
  /** Words that must all appear in the name or the description (case-insensitive). */
  text: z.string().max(500).optional(),
  /** The search language (shared/search): parsed by the service, which names a fault's place. */
  query: z.string().max(MAX_QUERY_LENGTH).optional(),
});
export type MediaFilter = z.output<typeof MediaFilter>;

export const MediaSort = z.strictObject({
  field: z.enum(SORT_FIELDS),
  direction: z.enum(['asc', 'desc']),
});
export type MediaSort = z.output<typeof MediaSort>;

/** The fields a PATCH may name. Everything else an item has is read-only. */
export const EDITABLE_FIELDS = ['name', 'description', 'tags', 'metadata', 'customCoordinates', 'rating', 'label', 'flag'] as const;

export const Rating = z.number().int('A rating is a whole number of stars').min(0, 'A rating is 0 (unrated) to 5').max(MAX_RATING, 'A rating is 0 (unrated) to 5');
export const Label = z.enum(MEDIA_LABELS, { error: `A label is one of: ${MEDIA_LABELS.join(', ')}` });
export const Flag = z.enum(MEDIA_FLAGS, { error: `A flag is one of: ${MEDIA_FLAGS.join(', ')}` });

/** Read-only fields, so that a patch naming one gets "is read-only" rather than "unknown". */
export const READ_ONLY_FIELDS = [
  'id', 'type', 'mime', 'format', 'size', 'humanSize', 'width', 'height', 'mode', 'hasAlpha',
  'orientation', 'md5', 'takenAt', 'cameraMake', 'cameraModel', 'gps', 'duration',
  'originalName', 'path', 'folderId', 'mtime', 'aiTags', 'AITags', 'extensionStatus',
  'thumbnails', 'originalUrl', 'parentId', 'derivedCount', 'status', 'availability',
  'fileState', 'stateReason', 'deletedAt', 'createdAt', 'updatedAt', 'updatedBy', 'url', 'albums',
] as const;

export const MediaPatch = z
  .strictObject({
    name: DisplayName.optional(),
    description: Description.optional(),
    tags: TagList.optional(),
    metadata: Metadata.optional(),
    customCoordinates: Coordinates.optional(),
    rating: Rating.optional(),
    label: Label.optional(),
    flag: Flag.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    message: `A patch must name at least one of: ${EDITABLE_FIELDS.join(', ')}`,
  });
export type MediaPatch = z.output<typeof MediaPatch>;

/** A full update (PUT): `name` is required, omitted fields are reset to empty. */
export const MediaReplacement = z.strictObject({
  name: DisplayName,
  description: Description.optional(),
  tags: TagList.optional(),
  metadata: Metadata.optional(),
  customCoordinates: Coordinates.optional(),
  rating: Rating.optional(),
  label: Label.optional(),
  flag: Flag.optional(),
});
export type MediaReplacement = z.output<typeof MediaReplacement>;

export const ExtensionRequest = z.strictObject({
  name: z.string().min(1).max(100),
  maxTags: z.number().int().min(1).max(100).optional(),
  /** 0–1, or ImageKit's 0–100: a value above 1 is a percentage. */
  minConfidence: z.number().min(0).max(100).optional(),
});
export type ExtensionRequest = z.output<typeof ExtensionRequest>;
