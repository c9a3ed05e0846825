import type { Migration } from './index.js';

/**
 * An AI tag may say where in the picture it was found ("x,y,width,height" in pixels of the
 * upright image, as customCoordinates): the objects extension keeps the best box of each
 * label so the preview can draw it. A nullable column on the link itself, so removing an AI
 * tag removes its box with it and user tags (NULL, stored as nothing) cost no space.
 */
export const aiTagBoxes: Migration = {
  version: 5,
  name: 'ai-tag-boxes',
  sql: `ALTER TABLE media_tags ADD COLUMN box TEXT;`,
};
