/**
 * Which files of a folder are versions of one photo, by the rules of shared/stacks.ts. Pure:
 * it sees names, types and formats only, so it can be tested without a library.
 */
import { LIVE_PHOTO_MAX_SECONDS, type StackRules } from '../../../shared/stacks.js';
import type { StackCandidate } from '../db/stack-repo.js';
import { isRawFormat } from '../formats/sniff-raw.js';

export type { StackCandidate };

export interface StackGroup {
  coverId: number;
  versionIds: number[];
}

type Role = 'raw' | 'still' | 'edit' | 'video' | null;

function split(filePath: string): { dir: string; stem: string } {
  const slash = filePath.lastIndexOf('/');
  const name = filePath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return { dir: filePath.slice(0, slash + 1), stem: dot > 0 ? name.slice(0, dot) : name };
}

const APPLE_EDIT = /^IMG_E(\d{4,})$/i;
const ANDROID_EDIT = /^(.+)-edited$/i;

/** The base name a file is grouped under, and its part in the stack (null: it takes none). */
function roleOf(c: StackCandidate, rules: StackRules): { key: string; role: Role } {
  const { dir, stem } = split(c.path);
  const apple = APPLE_EDIT.exec(stem);
  const android = ANDROID_EDIT.exec(stem);
  const base = (stemOf: string) => `${c.folderId}:${dir}${stemOf}`.toLowerCase();
  if (c.type === 'image' && apple && rules.appleEdits) return { key: base(`IMG_${apple[1]}`), role: 'edit' };
  if (c.type === 'image' && android?.[1] !== undefined && rules.androidEdited) return { key: base(android[1]), role: 'edit' };
  if (c.type === 'image' && isRawFormat(c.format)) return { key: base(stem), role: rules.rawJpeg ? 'raw' : null };
  if (c.type === 'image') return { key: base(stem), role: 'still' };
  const short = c.duration === null || c.duration <= LIVE_PHOTO_MAX_SECONDS;
  if (c.type === 'video' && short && rules.livePhotos) return { key: base(stem), role: 'video' };
  return { key: base(stem), role: null };
}

/**
 * The stacks the rules make of these files. The cover is an existing cover if one is in the
 * group, else the edit, else the still (JPEG/HEIC), else the RAW. A group needs a still or an
 * edit for a Live Photo video to join, and at least two members.
 */
export function groupVersions(candidates: readonly StackCandidate[], rules: StackRules): StackGroup[] {
  const groups = new Map<string, { c: StackCandidate; role: Exclude<Role, null> }[]>();
  for (const c of candidates) {
    const { key, role } = roleOf(c, rules);
    if (role === null) continue;
    const members = groups.get(key) ?? [];
    members.push({ c, role });
    groups.set(key, members);
  }
  const out: StackGroup[] = [];
  for (const members of groups.values()) {
    const byRole = (role: Role) => members.filter((m) => m.role === role).sort((a, b) => a.c.id - b.c.id);
    const [stills, edits, raws, videos] = [byRole('still'), byRole('edit'), byRole('raw'), byRole('video')];
    // Two stills of one name (IMG_1234.JPG and IMG_1234.HEIC exported twice) are no rule's pair:
    // only the first joins; the other stays alone.
    const still = stills[0];
    const picture = edits[0] ?? still;
    const stack = [...edits.slice(0, 1), ...(still ? [still] : []), ...(rules.rawJpeg ? raws : []), ...(picture && rules.livePhotos ? videos : [])];
    if (stack.length < 2 || stack.every((m) => m.c.fresh === false)) continue;
    const existing = stack.find((m) => m.c.isCover);
    const cover = existing ?? picture ?? stack[0];
    if (cover === undefined) continue;
    out.push({ coverId: cover.c.id, versionIds: stack.filter((m) => m !== cover).map((m) => m.c.id) });
  }
  return out.sort((a, b) => a.coverId - b.coverId);
}
