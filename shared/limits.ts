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
export const MAX_PATH_LENGTH = 4_096;
