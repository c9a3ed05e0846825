/**
 * The people routes on a real server and real photos: the faces of the wedding photo (corpus
 * jpg/exif-org/canon-ixus.jpg, three people) and the old portrait (tiff/DudleyLeavittUtah.tiff,
 * one man), found by the faces extension run through PATCH /api/media/{id}/details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Face, Person } from '../../../shared/people.js';
import { startTestServer, type TestServer } from './http-fixture.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ corpus: ['jpg/exif-org/canon-ixus.jpg', 'tiff/DudleyLeavittUtah.tiff'] });
}, 60_000);
afterAll(() => t.close());

const json = <T>(response: { json(): unknown }) => response.json() as T;

describe('people over REST', () => {
  it('finds faces through the details route, lists people, names one and the item is tagged', async () => {
    for (const id of [1, 2]) {
      const run = await t.api('PATCH', `/api/media/${id}/details`, { extensions: [{ name: 'faces' }] });
      expect(run.status, run.text()).toBe(200);
    }
    const faces = json<{ faces: Face[] }>(await t.api('GET', '/api/media/2/faces')).faces;
    expect(faces).toHaveLength(1);
    expect(json<{ faces: Face[] }>(await t.api('GET', '/api/media/1/faces')).faces).toHaveLength(3);
    const listed = json<{ people: Person[]; unassignedFaces: number }>(await t.api('GET', '/api/people'));
    expect(listed.people).toHaveLength(4);
    expect(listed.unassignedFaces).toBe(0);
    const portrait = listed.people.find((person) => person.sample?.mediaId === 2);
    expect(portrait?.sample?.picture).toEqual({ width: 196, height: 257 });

    const named = await t.api('PUT', `/api/people/${portrait?.id}/name`, { name: 'Dudley Leavitt' });
    expect(named.status, named.text()).toBe(200);
    expect(json<{ tagged: number }>(named).tagged).toBe(1);
    expect(json<{ tags: string[] }>(await t.api('GET', '/api/media/2')).tags).toContain('People/Dudley Leavitt');
    const again = json<{ people: Person[] }>(await t.api('GET', '/api/people')).people;
    expect(again[0]).toMatchObject({ name: 'Dudley Leavitt', faceCount: 1, itemCount: 1 });
  });

  it('takes a face out of its person and says which field is wrong', async () => {
    const face = json<{ faces: Face[] }>(await t.api('GET', '/api/media/2/faces')).faces[0] as Face;
    const out = await t.api('PUT', `/api/faces/${face.id}/person`, { personId: null });
    expect(out.status, out.text()).toBe(200);
    expect(json<{ face: Face }>(out).face.personId).toBeNull();
    expect(json<{ tags: string[] }>(await t.api('GET', '/api/media/2')).tags).not.toContain('People/Dudley Leavitt');
    expect(json<{ unassignedFaces: number }>(await t.api('GET', '/api/people')).unassignedFaces).toBe(1);
    const bad = await t.api('PUT', `/api/faces/${face.id}/person`, { personId: 'x' });
    expect(bad.status).toBe(400);
    expect(json<{ error: { field: string } }>(bad).error.field).toBe('personId');
  });
});
