/**
 * Request bodies of ImageKit's file routes, as `@imagekit/nodejs` sends them. They only fix the
 * shape; the values (tag names, coordinates, metadata) are checked by the contract's schemas
 * when the mapped call is parsed, so both say the same thing about a bad tag.
 */
import { z } from 'zod';
import { MAX_TAGS_PER_CALL } from '../../../../shared/schemas.js';
import { MAX_IDS } from '../../../../shared/limits.js';

const FileIds = z.array(z.string().max(40)).min(1).max(MAX_IDS).describe("fileIds as the answers give them (Folio's ids, as strings)");
const TagNames = z.array(z.string().max(1_000)).min(1).max(MAX_TAGS_PER_CALL);

const Extension = z
  .object({
    name: z.string().min(1).max(100),
    maxTags: z.number().int().min(1).max(100).optional(),
    minConfidence: z.number().optional().describe('A percentage, 0–100'),
  })
  // Options of the cloud-only extensions (remove-bg's `options`, ai-tasks' `tasks`) are let through
  // so that the name, not an unknown key, is what the error is about.
  .passthrough();

export const ImageKitDetailsBody = z
  .strictObject({
    tags: z.array(z.string().max(1_000)).max(MAX_TAGS_PER_CALL).nullable().optional().describe('Replaces the tags; null clears them'),
    customCoordinates: z.string().max(100).nullable().optional().describe('"x,y,width,height", or null to clear'),
    customMetadata: z.record(z.string(), z.unknown()).optional().describe('Keys to set; a null value removes the key'),
    description: z.string().optional(),
    extensions: z.array(Extension).min(1).max(10).optional(),
    removeAITags: z
      .union([z.literal('all'), z.array(z.string().max(1_000)).max(MAX_TAGS_PER_CALL)])
      .optional()
      .describe('AI tag names to remove, or "all"; runs before the extensions'),
    webhookUrl: z.string().max(2_000).optional().describe('Accepted and ignored: nothing is called back offline'),
    publish: z.unknown().optional(),
  })
  .describe("ImageKit's update-file-details body");
export type ImageKitDetailsBody = z.output<typeof ImageKitDetailsBody>;

export const ImageKitBulkTagsBody = z.strictObject({ fileIds: FileIds, tags: TagNames }).describe('The same tags on many files, all or nothing');
export const ImageKitBulkAiTagsBody = z.strictObject({ fileIds: FileIds, AITags: TagNames }).describe('AI tags to remove from many files, all or nothing');
export const ImageKitBulkDeleteBody = z.strictObject({ fileIds: FileIds }).describe('Files to move to the trash, all or nothing');
