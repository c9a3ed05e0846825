/**
 * Stacks: several files that are one photo, shown as one item (the cover) with its versions.
 * A stack is stored as derived versions: each version's `parentId` is the cover, so trashing
 * the cover carries every version to the trash (`deletedCount` counts them) and restoring it
 * brings them back together.
 *
 * The rules that group files at import, each switchable per library (all on by default).
 * Files are grouped only within one folder, by base name, case-insensitively:
 * - `rawJpeg`: a camera RAW and the JPEG/HEIC the camera wrote beside it (`DSC_0042.NEF` +
 *   `DSC_0042.JPG`); the developed picture is the cover.
 * - `appleEdits`: Apple's edited copy `IMG_E1234.JPG` beside `IMG_1234.HEIC/JPG`; the edit is
 *   the cover.
 * - `androidEdited`: Android's `PXL_20240101_123456789-edited.jpg` beside the original; the
 *   edit is the cover.
 * - `livePhotos`: a Live Photo's still and its short video (`IMG_1234.HEIC` + `IMG_1234.MOV`,
 *   at most LIVE_PHOTO_MAX_SECONDS long); the still is the cover.
 */
export const STACK_RULE_NAMES = ['rawJpeg', 'appleEdits', 'androidEdited', 'livePhotos'] as const;
export type StackRuleName = (typeof STACK_RULE_NAMES)[number];
export type StackRules = Record<StackRuleName, boolean>;

export const DEFAULT_STACK_RULES: StackRules = { rawJpeg: true, appleEdits: true, androidEdited: true, livePhotos: true };

/** Live Photo videos are about 3 s; a longer clip with the same name is a video of its own. */
export const LIVE_PHOTO_MAX_SECONDS = 5;
