import { z } from 'zod';
import { parseWith } from '../../../../shared/args.js';
import { contract } from '../../../../shared/contract.js';
import { ExtensionRequest, Id, MAX_IDS, MAX_TAGS_PER_CALL } from '../../../../shared/schemas.js';

/**
 * Bodies of the REST routes that differ from a contract method's arguments. The tag lists are
 * normalised by the contract's own schema afterwards; these only fix the REST shape.
 */
const TagNames = z
  .union([z.string().max(100_000), z.array(z.string().max(1_000)).max(MAX_TAGS_PER_CALL)])
  .describe('One tag, several separated by commas, or a list of tags');

export const TagsEditBody = z
  .strictObject({ addTags: TagNames.optional(), removeTags: TagNames.optional() })
  .describe('Tags to add and to remove, in one transaction; other tags are left as they are');

export const BulkTagsBody = z
  .strictObject({ ids: z.array(Id).min(1).max(MAX_IDS), addTags: TagNames.optional(), removeTags: TagNames.optional() })
  .describe('The same tag edit on many items, all or nothing');

export const DetailsBody = z
  .strictObject({
    extensions: z.array(ExtensionRequest).min(1).max(10).optional(),
    removeAITags: z
      .union([z.literal('all'), z.array(z.string().max(1_000)).max(MAX_TAGS_PER_CALL)])
      .optional()
      .describe('AI tag names to remove, or "all"'),
  })
  .describe('Run offline tagging extensions and/or remove AI tags');

export const TagRenameBody = contract['tags.rename'].args;

/** Parses a REST body, naming the field at fault the same way the contract's parser does. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseWith(schema, body);
}

/** `"a, b"` → `["a", "b"]`: a string is a comma-separated list, as in the seed documents. */
export function tagNameList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.split(',').filter((part) => part.trim() !== '') : value;
}
