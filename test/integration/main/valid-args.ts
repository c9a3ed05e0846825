/**
 * One valid argument object for every contract method, with every optional field filled in, so
 * a test can break one field at a time and know the refusal is about that field. Typed by the
 * contract: a method added without an entry here fails the type check.
 */
import type { ArgsIn, MethodName } from '../../../shared/contract.js';

export const VALID_ARGS: { [M in MethodName]: ArgsIn<M> } = {
  'library.info': {},
  'folders.list': {},
  'folders.remove': { id: 1 },
  'import.start': { path: '/nonexistent/folio-test-folder' },
  'import.rescan': { folderIds: [1] },
  'import.cancel': {},
  'import.status': {},
  'import.issues': { folderId: 1, limit: 10 },
  'media.get': { id: 1 },
  'media.getMany': { ids: [1, 2] },
  'media.list': {
    filter: {
      tagsAll: ['a'],
      tagsNone: ['b'],
      tagsAny: ['c'],
      untagged: false,
      type: ['image'],
      status: 'active',
      availability: ['present'],
      fileState: ['ok'],
      folderId: 1,
      text: 'beach',
    },
    sort: { field: 'name', direction: 'asc' },
    cursor: 'abc',
    limit: 10,
    withTotal: true,
  },
  'media.listIds': { filter: { text: 'x' }, sort: { field: 'size', direction: 'desc' } },
  'media.sortBuckets': { filter: { tagsAll: ['a'] }, sort: { field: 'takenAt', direction: 'desc' } },
  'media.tiles': { ids: [1] },
  'media.update': {
    id: 1,
    patch: { name: 'Beach', description: 'At noon', tags: ['sea'], metadata: { camera: 'x' }, customCoordinates: '0,0,10,10' },
  },
  'media.replace': {
    id: 1,
    fields: { name: 'Beach', description: 'At noon', tags: ['sea'], metadata: { camera: 'x' }, customCoordinates: null },
  },
  'media.mergeMetadata': { id: 1, set: { lens: '50mm' }, remove: ['old'] },
  'media.editTags': { ids: [1], add: ['a'], remove: ['b'] },
  'media.tagSummary': { ids: [1] },
  'media.autoTag': { ids: [1], extensions: [{ name: 'local-analysis', maxTags: 5, minConfidence: 0.5 }] },
  'media.removeAiTags': { ids: [1], names: ['dog'], source: 'local-analysis' },
  'media.promoteAiTags': { ids: [1], names: ['dog'] },
  'media.rename': { id: 1, name: 'New name', onDisk: false },
  'media.setParent': { ids: [2], parentId: 1 },
  'media.softDelete': { ids: [1] },
  'media.restore': { ids: [1] },
  'trash.empty': {},
  'tags.list': { prefix: 'be', limit: 10 },
  'tags.rename': { from: 'a', to: 'b' },
  'extensions.list': {},
  'shell.pickFolder': {},
  'shell.showInFolder': { id: 1 },
  'shell.openOriginal': { id: 1 },
  'shell.trashFiles': { ids: [1], confirmed: true },
};
