import { aiHandlers } from './ai-handlers.js';
import { albumHandlers } from './album-handlers.js';
import { analysisHandlers } from './analysis-handlers.js';
import { curatingHandlers } from './curating-handlers.js';
import { duplicateHandlers } from './duplicate-handlers.js';
import { backupHandlers } from './backup-handlers.js';
import { importHandlers } from './import-handlers.js';
import { libraryHandlers } from './library-handlers.js';
import { mediaEditHandlers } from './media-edit-handlers.js';
import { mediaReadHandlers } from './media-read-handlers.js';
import { peopleHandlers } from './people-handlers.js';
import { scrubberHandlers } from './scrubber-handlers.js';
import { unsupportedShellHandlers } from './shell-handlers.js';
import { stackHandlers } from './stack-handlers.js';
import { tagHandlers } from './tag-handlers.js';
import { tagTreeHandlers } from './tag-tree-handlers.js';
import { trashHandlers } from './trash-handlers.js';
import { fileMetadataHandlers } from './file-metadata-handlers.js';
import type { Handlers, LibraryContext } from './types.js';
import { viewWindowHandlers } from './view-window-handlers.js';
import { exportHandlers } from './export-handlers.js';

/** All handlers of one library, one group per file. */
export function createHandlers(lib: LibraryContext): Handlers {
  return {
    ...libraryHandlers(lib),
    ...backupHandlers(lib),
    ...importHandlers(lib),
    ...mediaReadHandlers(lib),
    ...scrubberHandlers(lib),
    ...mediaEditHandlers(lib),
    ...curatingHandlers(lib),
    ...tagHandlers(lib),
    ...aiHandlers(lib),
    ...duplicateHandlers(lib),
    ...trashHandlers(lib),
    ...stackHandlers(lib),
    ...tagTreeHandlers(lib),
    ...albumHandlers(lib),
    ...analysisHandlers(lib),
    ...peopleHandlers(lib),
    ...fileMetadataHandlers(lib),
    ...unsupportedShellHandlers,
    ...viewWindowHandlers(lib),
    ...exportHandlers(lib),
  };
}
