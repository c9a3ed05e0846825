/**
 * `PATCH /v1/files/{fileId}/details` (the SDK's `files.update`): ImageKit's body onto
 * `media.update`, `media.removeAiTags` and `media.autoTag`. Every part is parsed before any
 * runs, so a bad extension or tag changes nothing; the AI tags are removed before the
 * extensions run, as ImageKit documents.
 */
import { FolioError } from '../../../../shared/errors.js';
import type { MediaItem } from '../../../../shared/media.js';
import type { MediaPatch } from '../../../../shared/schemas.js';
import { callApi, callParsedApi, parseApiArgs, type ApiContext } from '../api/api-call.js';
import type { ImageKitDetailsBody } from './imagekit-bodies.js';
import { activeItem } from './imagekit-calls.js';
import { planExtensions, type PlannedExtension } from './imagekit-extensions.js';
import { toImageKitFile, type ImageKitFile } from './imagekit-file.js';

export type ExtensionState = 'success' | 'failed' | 'pending';

export interface ImageKitUpdateAnswer extends ImageKitFile {
  extensionStatus?: Record<string, ExtensionState>;
  /** Folio's addition: which local extension ran for each name, and what it said. */
  extensionDetails?: Record<string, { ranAs: string; status: string; message: string }>;
}

const ONE_ID = [
  ['ids[0]', 'fileId'],
  ['ids', 'fileId'],
] as const;

const EDITS = ['tags', 'customCoordinates', 'customMetadata', 'description', 'extensions', 'removeAITags'] as const;

/** ImageKit's customMetadata adds and changes keys, and a null value removes one. */
function mergedMetadata(current: MediaItem['metadata'], changes: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function patchOf(body: ImageKitDetailsBody, current: MediaItem): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (body.tags !== undefined) patch.tags = body.tags ?? [];
  if (body.customCoordinates !== undefined) patch.customCoordinates = body.customCoordinates;
  if (body.description !== undefined) patch.description = body.description;
  // Merged here and written by one media.update, so the fields and the metadata change together.
  if (body.customMetadata !== undefined) patch.metadata = mergedMetadata(current.metadata, body.customMetadata);
  return patch;
}

function statusOf(run: MediaItem['extensionStatus'][number] | undefined): ExtensionState {
  return run?.status === 'done' ? 'success' : 'failed';
}

function describeRuns(planned: readonly PlannedExtension[], item: MediaItem): Pick<ImageKitUpdateAnswer, 'extensionStatus' | 'extensionDetails'> {
  const extensionStatus: Record<string, ExtensionState> = {};
  const extensionDetails: NonNullable<ImageKitUpdateAnswer['extensionDetails']> = {};
  for (const { asked, request } of planned) {
    const run = item.extensionStatus.find((candidate) => candidate.extension === request.name);
    extensionStatus[asked] = statusOf(run);
    const instead = asked === request.name ? '' : `${asked} ran Folio's offline ${request.name} recogniser on this machine; `;
    extensionDetails[asked] = {
      ranAs: request.name,
      status: run?.status ?? 'failed',
      message: `${instead}${run?.message ?? (run?.status === 'done' ? 'done' : 'it did not run')}`,
    };
  }
  return { extensionStatus, extensionDetails };
}

export async function updateDetails(api: ApiContext, id: number, body: ImageKitDetailsBody): Promise<ImageKitUpdateAnswer> {
  if (body.publish !== undefined) {
    throw new FolioError('UNSUPPORTED', 'Folio has no publication status: every file in a local library is available', { field: 'publish' });
  }
  if (!EDITS.some((field) => body[field] !== undefined)) {
    throw new FolioError('INVALID_ARGUMENT', `Give at least one of ${EDITS.join(', ')}`, { field: 'tags' });
  }
  const current = await activeItem(api, id);
  const patch = patchOf(body, current);
  const update =
    Object.keys(patch).length === 0
      ? undefined
      : parseApiArgs('media.update', { id, patch: patch as MediaPatch }, [
          ['patch.metadata', 'customMetadata'],
          ['patch', ''],
        ]);
  const removal =
    body.removeAITags === undefined
      ? undefined
      : parseApiArgs('media.removeAiTags', body.removeAITags === 'all' ? { ids: [id] } : { ids: [id], names: body.removeAITags }, [
          ['names', 'removeAITags'],
          ...ONE_ID,
        ]);
  let planned: PlannedExtension[] = [];
  if (body.extensions !== undefined) {
    const available = (await callApi(api, 'extensions.list', {})).map((extension) => extension.name);
    planned = planExtensions(body.extensions, available);
  }
  const tagging = planned.length === 0 ? undefined : parseApiArgs('media.autoTag', { ids: [id], extensions: planned.map((p) => p.request) }, ONE_ID);

  if (update) await callParsedApi(api, 'media.update', update, [['patch.metadata', 'customMetadata'], ['patch', '']]);
  if (removal) await callParsedApi(api, 'media.removeAiTags', removal, ONE_ID);
  if (tagging) await callParsedApi(api, 'media.autoTag', tagging, ONE_ID);

  const item = await callApi(api, 'media.get', { id });
  return { ...toImageKitFile(item), ...(planned.length === 0 ? {} : describeRuns(planned, item)) };
}
