import { initial } from './001-initial.js';
import { unindexedTagCounts } from './002-unindexed-tag-counts.js';
import { trashAndTouchesApart } from './003-trash-and-touches-apart.js';
import { linksClusteredByTag } from './004-links-clustered-by-tag.js';
import { aiTagBoxes } from './005-ai-tag-boxes.js';
import { perceptualHashes } from './006-perceptual-hashes.js';
import { librarySettings } from './007-library-settings.js';
import { curating } from './008-curating.js';
import { albums } from './009-albums.js';
import { tagTree } from './010-tag-tree.js';
import { analysisQueue } from './011-analysis-queue.js';
import { faces } from './012-faces.js';
import { fileMetadata } from './013-file-metadata.js';
import { searchIndexes } from './014-search-indexes.js';
import { facetCounts } from './015-facet-counts.js';
import { peopleUndo } from './016-people-undo.js';
import { branchCounts } from './017-branch-counts.js';
import { tagShapeVersion } from './018-tag-shape-version.js';
import { dateOrderIndex } from './019-date-order-index.js';
import { mediaChangeLog } from './020-media-change-log.js';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; strictly increasing, never reused. */
  version: number;
  name: string;
  sql: string;
}

/**
 * Append-only. A migration that shipped is never edited: add a new one. Each runs in its own
 * transaction together with the `user_version` bump, so a crash leaves the previous version.
 */
export const MIGRATIONS: readonly Migration[] = [initial, unindexedTagCounts, trashAndTouchesApart, linksClusteredByTag, aiTagBoxes, perceptualHashes, librarySettings, curating, albums, tagTree, analysisQueue, faces, fileMetadata, searchIndexes, facetCounts, peopleUndo, branchCounts, tagShapeVersion, dateOrderIndex, mediaChangeLog];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
