/**
 * What the gallery shows: the sidebar's choice (everything, a folder, a tag, the trash) and
 * the toolbar's search text, turned into one `media.listIds` filter.
 */
import type { ArgsIn } from '../../../shared/contract.js';
import { searchFilter } from '../../../shared/list-filter.js';

export type GalleryView =
  | { kind: 'all' }
  | { kind: 'untagged' }
  | { kind: 'folder'; id: number; label: string }
  | { kind: 'tag'; name: string }
  | { kind: 'trash' }
  | { kind: 'album'; id: number; name: string }
  | { kind: 'smart'; id: number; name: string; query: string };

export type ListFilter = NonNullable<ArgsIn<'media.listIds'>['filter']>;

export function buildFilter(view: GalleryView, search: string): ListFilter {
  // A stack is one tile (its cover); its versions are listed in the details panel.
  const fromView: ListFilter = { status: view.kind === 'trash' ? 'deleted' : 'active', versions: false };
  if (view.kind === 'folder') fromView.folderId = view.id;
  if (view.kind === 'untagged') fromView.untagged = true;
  if (view.kind === 'tag') fromView.tagsAll = [view.name];
  // A smart album is its saved search, narrowed by what is typed in the toolbar. An album's
  // order and membership come from albums.itemIds (actions/gallery-data); this filter only
  // narrows it when something is typed.
  if (view.kind === 'smart') return searchFilter(view.query, fromView, search.trim() === '' ? {} : { query: search });
  return searchFilter(search, fromView);
}

export function sameView(a: GalleryView, b: GalleryView): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'folder' && b.kind === 'folder') return a.id === b.id;
  if (a.kind === 'tag' && b.kind === 'tag') return a.name === b.name;
  if (a.kind === 'album' && b.kind === 'album') return a.id === b.id;
  if (a.kind === 'smart' && b.kind === 'smart') return a.id === b.id;
  return true;
}

export function viewTitle(view: GalleryView): string {
  switch (view.kind) {
    case 'all':
      return 'All media';
    case 'untagged':
      return 'Untagged';
    case 'folder':
      return view.label;
    case 'tag':
      return `Tag: ${view.name}`;
    case 'trash':
      return 'Trash';
    case 'album':
      return `Album: ${view.name}`;
    case 'smart':
      return `Smart album: ${view.name}`;
  }
}
