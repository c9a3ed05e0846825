/**
 * The calls that fill the sidebar and the status lines, as against the gallery's own (its
 * windows of ids and its tiles). On a page load both kinds are asked at once; the first row of
 * thumbnails should never wait for the sidebar's counts. The renderer holds these back until
 * the first screen's tiles are in (renderer/src/api/first-screen-gate.ts): a browser opens at
 * most six connections to a server, and a dozen sidebar calls in front would queue the tiles
 * behind them. The library gives each its own turn of the event loop
 * (electron/library/service/call-turns.ts), so a gallery call is answered between two.
 */
import type { MethodName } from './contract.js';

export const SIDEBAR_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'folders.list',
  'tags.list',
  'tags.tree',
  'library.info',
  'albums.list',
  'analysis.status',
  'sidecars.status',
  'import.status',
  'media.sortBuckets',
]);
