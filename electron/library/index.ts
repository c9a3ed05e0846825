export { openLibrary, type Library } from './library.js';
export { defaultLibraryDir, libraryPaths, resolveLibraryDir, type LibraryPaths } from './paths.js';
export type { CallContext, LibraryOptions } from './service/types.js';
export { Service } from './service/service.js';
