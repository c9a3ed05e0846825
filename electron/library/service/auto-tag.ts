/**
 * `media.autoTag`: runs the chosen extensions on the items with their image work outside any
 * transaction (a transaction function must not await), then writes every result in one
 * transaction: each extension's previous AI tags on an item are replaced by the new ones, and
 * its run status recorded. An item deleted while the work ran is skipped.
 */
import { FolioError } from '../../../shared/errors.js';
import type { ExtensionRequest } from '../../../shared/schemas.js';
import { tagKey } from '../../../shared/tags.js';
import { normalizeTagPath } from '../../../shared/tag-path.js';
import { nowIso } from '../base/clock.js';
import { joinLocation } from '../base/paths.js';
import type { Db } from '../db/connection.js';
import { recordExtensionRun } from '../db/extension-run-repo.js';
import { detectedFieldsOf, type MediaRow } from '../db/media-columns.js';
import { existingIds, getMediaRows } from '../db/media-repo.js';
import { replaceAiTags } from '../db/media-tag-repo.js';
import { touchMedia } from '../db/media-touch-repo.js';
import { ensureTags } from '../db/tag-repo.js';
import { storeFaces } from './face-store.js';
import { extensionNames, findExtension } from '../extensions/registry.js';
import type { ExtensionEnv, ExtensionOutcome, ExtensionSubject, SuggestedTag, TaggingExtension } from '../extensions/types.js';

export const DEFAULT_MAX_TAGS = 10;
export const DEFAULT_MIN_CONFIDENCE = 0;
// Two cores are shared with the UI and the importer; sharp also uses its own thread pool.
const CONCURRENCY = 2;

export interface ChosenExtension {
  extension: TaggingExtension;
  /** The name the request used: the extension's own, or an alias such as `google-auto-tagging`. */
  askedAs: string;
  maxTags: number;
  minConfidence: number;
}

/** ImageKit's clients send minConfidence on a 0–100 scale: above 1 it is a percentage. */
export function confidenceFraction(minConfidence: number): number {
  return minConfidence > 1 ? minConfidence / 100 : minConfidence;
}

/** Said in the run status when a request named an alias, so the client knows who answered. */
export function aliasNote(chosen: ChosenExtension): string | null {
  if (chosen.askedAs === chosen.extension.name) return null;
  return `"${chosen.askedAs}" is answered offline by the ${chosen.extension.name} extension; nothing was sent anywhere`;
}

export function chooseExtensions(requests: readonly ExtensionRequest[]): ChosenExtension[] {
  const seen = new Set<string>();
  return requests.map((request, index) => {
    const extension = findExtension(request.name);
    if (!extension) {
      throw new FolioError(
        'INVALID_ARGUMENT',
        `There is no extension "${request.name}"; available: ${extensionNames().join(', ')}`,
        { field: `extensions[${index}].name` },
      );
    }
    if (seen.has(extension.name)) {
      throw new FolioError('INVALID_ARGUMENT', `"${request.name}" is asked for twice`, { field: `extensions[${index}].name` });
    }
    seen.add(extension.name);
    return {
      extension,
      askedAs: request.name,
      maxTags: request.maxTags ?? DEFAULT_MAX_TAGS,
      minConfidence:
        request.minConfidence === undefined
          ? (extension.defaultMinConfidence ?? DEFAULT_MIN_CONFIDENCE)
          : confidenceFraction(request.minConfidence),
    };
  });
}

function subjectOf(row: MediaRow): ExtensionSubject {
  const detected = detectedFieldsOf(row);
  return {
    ...detected,
    id: row.id,
    geotagged: detected.gpsLat !== null && detected.gpsLon !== null,
    availability: row.availability,
    original: { id: row.id, folderPath: row.folderPath, absPath: joinLocation(row.folderPath, row.relPath), size: row.size, mtime: row.mtime },
  };
}

/** Valid names only, one per tag key, the most confident first, cut by minConfidence and maxTags. */
export function selectTags(tags: readonly SuggestedTag[], chosen: ChosenExtension): SuggestedTag[] {
  const best = new Map<string, SuggestedTag>();
  for (const tag of tags) {
    let name: string;
    try {
      // A path of the tag tree, as a user tag (`Places/Italy/Rome`); an empty level is an odd name too.
      name = normalizeTagPath(tag.name);
    } catch {
      continue; // an extension's odd name (e.g. a camera model of 300 characters) is skipped, not fatal
    }
    if (!(tag.confidence >= chosen.minConfidence)) continue;
    const key = tagKey(name);
    const previous = best.get(key);
    if (!previous || previous.confidence < tag.confidence) best.set(key, { ...tag, name });
  }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence).slice(0, chosen.maxTags);
}

interface Outcome {
  id: number;
  /** The content looked at (the queue re-runs an item whose file changed since). */
  md5: string | null;
  chosen: ChosenExtension;
  outcome: ExtensionOutcome;
}

async function analyze(subject: ExtensionSubject, chosen: ChosenExtension, env: ExtensionEnv): Promise<Outcome> {
  try {
    return { id: subject.id, md5: subject.md5, chosen, outcome: await chosen.extension.analyze(subject, env) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { id: subject.id, md5: subject.md5, chosen, outcome: { status: 'failed', tags: [], message: reason } };
  }
}

/** Runs every (item, extension) pair, CONCURRENCY at a time. */
export async function runExtensions(db: Db, ids: readonly number[], chosen: readonly ChosenExtension[], env: ExtensionEnv): Promise<Outcome[]> {
  const jobs = getMediaRows(db, ids).flatMap((row) => chosen.map((c) => [subjectOf(row), c] as const));
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) outcomes.push(await analyze(job[0], job[1], env));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  return outcomes;
}

/** One transaction for all results. Returns the ids written. */
export function writeOutcomes(db: Db, outcomes: readonly Outcome[]): number[] {
  const now = nowIso();
  const present = existingIds(db, outcomes.map((o) => o.id));
  const written = new Set<number>();
  for (const { id, md5, chosen, outcome } of outcomes) {
    if (!present.has(id)) continue;
    const faceTags = outcome.faces ? storeFaces(db, id, outcome.faces, now) : [];
    const selected = selectTags([...outcome.tags, ...faceTags], chosen);
    const rows = ensureTags(db, selected.map((tag) => tag.name), now);
    const links = rows.map((row, index) => ({ tagId: row.id, confidence: selected[index]?.confidence ?? 0, box: selected[index]?.box ?? null }));
    const source = chosen.extension.name;
    replaceAiTags(db, id, source, links, now);
    const message = [aliasNote(chosen), outcome.message].filter((part) => part !== null).join('. ') || null;
    recordExtensionRun(db, { media_id: id, extension: source, status: outcome.status, message, ran_at: now, model_version: chosen.extension.version, md5 });
    touchMedia(db, [id], `extension:${source}`, now);
    written.add(id);
  }
  return [...written];
}

