/**
 * Faces and people over REST: the people (clusters of faces) with a sample face, naming one
 * (which tags its items `People/<name>`), merging, splitting, the faces of an item, and moving
 * one face to another person or out of one ("not this person").
 */
import { z } from 'zod';
import { PeopleSetSettingsArgs, PeopleUndoArgs, PersonName } from '../../../../shared/people.js';
import { Id } from '../../../../shared/schemas.js';
import { callApi } from './api-call.js';
import type { ApiRoute } from './api-route.js';
import { UNKNOWN_ID } from './openapi/doc-values.js';
import { readObjectBody } from './request-body.js';

const PersonNameBody = z.strictObject({ name: PersonName });
const PersonMergeBody = z.strictObject({ into: Id });
const PersonSplitBody = z.strictObject({ faceIds: z.array(Id).min(1).max(10_000) });
const FacePersonBody = z.strictObject({ personId: Id.nullable() });

const unknownPerson = { summary: 'No such person', id: UNKNOWN_ID };

export const peopleRoutes: ApiRoute[] = [
  {
    method: 'POST',
    path: '/api/media/{id}/faces',
    doc: {
      operationId: 'findFaces',
      tag: 'people',
      summary: 'Find the faces in an item',
      description:
        'Runs the `faces` extension on the item (as `PATCH /api/media/{id}/details` with `{"extensions":[{"name":"faces"}]}` does) and answers its faces, each with its box, score and person. Faces found again where they were keep their person and corrections.',
      result: 'FaceList',
      examples: {
        found: { summary: 'The faces of item 5 (a photo of three people)', id: 5, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
    },
    handle: async (_request, { id }, api) => {
      await callApi(api, 'media.autoTag', { ids: [id], extensions: [{ name: 'faces' }] }, [['ids[0]', 'id']]);
      return callApi(api, 'faces.ofItem', { id });
    },
  },
  {
    method: 'GET',
    path: '/api/people',
    doc: {
      operationId: 'listPeople',
      tag: 'people',
      summary: 'People: clusters of faces',
      description:
        'Every person with a face outside the trash, named ones first: its face and item counts and a sample face (its most confident) with the box in pixels of the upright picture. `unassignedFaces` counts faces in no person (taken out of one, and not yet grouped again).',
      result: 'PeopleList',
      examples: { people: { summary: 'Every person', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'people.list', {}),
  },
  {
    method: 'GET',
    path: '/api/people/settings',
    doc: {
      operationId: 'peopleSettings',
      tag: 'people',
      summary: 'When a recognised person’s tag is set',
      description: '`autoTagConfidence`: a new face matched to a named person this closely (0–1) gets `People/<name>` as a user tag; below it, or when null, the tag is only suggested (an AI tag of `faces`).',
      result: 'PeopleSettings',
      examples: { settings: { summary: 'The settings', status: 200 } },
    },
    handle: (_request, _params, api) => callApi(api, 'people.settings', {}),
  },
  {
    method: 'PUT',
    path: '/api/people/settings',
    doc: {
      operationId: 'setPeopleSettings',
      tag: 'people',
      summary: 'Set when a recognised person’s tag is set',
      description: '`autoTagConfidence` 0–1, or null to only ever suggest.',
      body: { name: 'PeopleSettingsBody', schema: PeopleSetSettingsArgs },
      result: 'PeopleSettings',
      examples: {
        set: { summary: 'Set the tag from 0.8 up', body: { autoTagConfidence: 0.8 }, status: 200 },
        suggestOnly: { summary: 'Only suggest', body: { autoTagConfidence: null }, status: 200 },
        outOfRange: { summary: 'Above 1', body: { autoTagConfidence: 2 }, status: 400 },
      },
    },
    handle: async (request, _params, api) => callApi(api, 'people.setSettings', await readObjectBody(request)),
  },
  {
    method: 'GET',
    path: '/api/people/{id}/faces',
    doc: {
      operationId: 'personFaces',
      tag: 'people',
      summary: 'The faces of one person',
      description: 'Most confident first (up to `limit`, default 200), each with its item and box. The path id is a person’s id.',
      query: [{ name: 'limit', description: 'At most this many faces, 1–10000', schema: { type: 'integer', minimum: 1, maximum: 10_000 } }],
      result: 'FaceList',
      examples: {
        faces: { summary: 'The faces of person 1', id: 1, status: 200 },
        unknownPerson: { ...unknownPerson, status: 404 },
      },
    },
    handle: (request, { id }, api) => {
      const limit = request.query.get('limit');
      return callApi(api, 'people.faces', limit === null ? { id } : { id, limit: /^\d{1,6}$/.test(limit) ? Number(limit) : limit });
    },
  },
  {
    method: 'PUT',
    path: '/api/people/{id}/name',
    doc: {
      operationId: 'namePerson',
      tag: 'people',
      summary: 'Name a person',
      description:
        'Every item with a face of this person gets the user tag `People/<name>` (a `/` in the name is escaped, so it stays one level); renaming replaces the old tag. A name another person has is a 409: merge the two instead. The path id is a person’s id.',
      body: { name: 'PersonName', schema: PersonNameBody },
      result: 'PersonNamed',
      examples: {
        name: { summary: 'Name person 1', id: 1, body: { name: 'Ada' }, status: 200 },
        unknownPerson: { ...unknownPerson, body: { name: 'Ada' }, status: 404 },
        blank: { summary: 'A blank name', id: UNKNOWN_ID, body: { name: '  ' }, status: 400 },
      },
    },
    handle: async (request, { id }, api) => callApi(api, 'people.name', { id, ...(await readObjectBody(request)) }),
  },
  {
    method: 'POST',
    path: '/api/people/{id}/merge',
    doc: {
      operationId: 'mergePeople',
      tag: 'people',
      summary: 'Merge a person into another',
      description: 'Every face of person `{id}` moves into `into`, which keeps its name (or takes this one’s); the items get the merged person’s tag. Person `{id}` is gone afterwards.',
      body: { name: 'PersonMerge', schema: PersonMergeBody },
      result: 'PersonResult',
      examples: {
        merge: { summary: 'Merge person 3 into person 2', id: 3, body: { into: 2 }, status: 200 },
        unknownPerson: { ...unknownPerson, body: { into: 1 }, status: 404 },
        itself: { summary: 'Into itself', id: UNKNOWN_ID, body: { into: UNKNOWN_ID }, status: 400 },
      },
    },
    handle: async (request, { id }, api) => callApi(api, 'people.merge', { from: id, ...(await readObjectBody(request)) }, [['from', 'id']]),
  },
  {
    method: 'POST',
    path: '/api/people/{id}/split',
    doc: {
      operationId: 'splitPerson',
      tag: 'people',
      summary: 'Take faces out of a person into a new one',
      description: 'The faces (all of this person’s, but not every one) become a new unnamed person, and are never grouped back into this one; their items lose its tag.',
      body: { name: 'PersonSplit', schema: PersonSplitBody },
      result: 'PersonResult',
      examples: {
        split: { summary: 'Take face 3 out of person 2', id: 2, body: { faceIds: [3] }, status: 200 },
        unknownPerson: { ...unknownPerson, body: { faceIds: [1] }, status: 404 },
      },
    },
    handle: async (request, { id }, api) => callApi(api, 'people.split', { id, ...(await readObjectBody(request)) }),
  },
  {
    method: 'GET',
    path: '/api/media/{id}/faces',
    doc: {
      operationId: 'mediaFaces',
      tag: 'people',
      summary: 'The faces found in an item',
      description: 'Left to right, each with its box (pixels of the upright picture), score and person. Run the `faces` extension first (`PATCH /api/media/{id}/details` with `{"extensions":[{"name":"faces"}]}`).',
      result: 'FaceList',
      examples: {
        faces: { summary: 'The faces of item 1', id: 1, status: 200 },
        unknownId: { summary: 'No such item', id: UNKNOWN_ID, status: 404 },
      },
    },
    handle: (_request, { id }, api) => callApi(api, 'faces.ofItem', { id }),
  },
  {
    method: 'PUT',
    path: '/api/faces/{id}/person',
    doc: {
      operationId: 'setFacePerson',
      tag: 'people',
      summary: 'Put a face in a person, or take it out',
      description:
        '`personId`: the person the face is (placed by hand: grouping never moves it), or null for “not this person” (it is never grouped back into the one it left). The item’s `People/<name>` tags follow. The path id is a face’s id.',
      body: { name: 'FacePerson', schema: FacePersonBody },
      result: 'FaceResult',
      examples: {
        notThisPerson: { summary: 'Face 1 is not its person', id: 1, body: { personId: null }, status: 200 },
        unknownFace: { summary: 'No such face', id: UNKNOWN_ID, body: { personId: null }, status: 404 },
      },
    },
    handle: async (request, { id }, api) => callApi(api, 'faces.reassign', { faceId: id, ...(await readObjectBody(request)) }, [['faceId', 'id']]),
  },
  {
    method: 'POST',
    path: '/api/people/undo',
    doc: {
      operationId: 'undoPeopleEdit',
      tag: 'people',
      summary: 'Undo a people edit: a name, a merge, a split, a face moved or taken out',
      description:
        'Takes the `undo` token the edit answered (or `latest` for the most recent one not undone yet): the people, the faces’ places, the “not this person” corrections and the items’ `People/<name>` tags go back to what they were before it. The last 50 edits are kept, each undone once.',
      body: { name: 'PeopleUndoBody', schema: PeopleUndoArgs },
      result: 'UndoResult',
      examples: {
        latest: { summary: 'Undo the most recent people edit (here: face 1 taken out of its person, above)', body: { token: 'latest' }, status: 200 },
        unknownToken: { summary: 'A token no longer kept', body: { token: 'no-such-token' }, status: 404 },
      },
    },
    async handle(request, _params, api) {
      return callApi(api, 'people.undo', await readObjectBody(request));
    },
  },
];
