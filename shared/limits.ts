/**
 * The contract's size limits as plain numbers. They live apart from the schemas so the renderer
 * can show them (a name field's maxlength, how many items one call may change) without
 * bundling zod and building every schema at start-up.
 */
export const MAX_IDS = 100_000;
export const MAX_PAGE = 500;
export const MAX_NAME_LENGTH = 255;
export const MAX_DESCRIPTION_LENGTH = 20_000;
export const MAX_TAGS_PER_CALL = 1_000;
/** Items × tags one tag edit may touch: 200,000 links take about a second on a library of a million items. */
export const MAX_TAG_LINKS_PER_CALL = 200_000;
export const MAX_PATH_LENGTH = 4_096;
