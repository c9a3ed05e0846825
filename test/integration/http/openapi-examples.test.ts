import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../helpers/temp-library.js';
import { importFolder, startTestServer, type TestServer } from './http-fixture.js';
import { REST_CORPUS } from './rest-fixture.js';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query';
  examples?: Record<string, { value: unknown }>;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { examples?: Record<string, { value: unknown }> } } };
  responses: Record<string, { content?: { 'application/json': { schema: { $ref: string }; examples?: Record<string, unknown> } } }>;
}

interface Case {
  label: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  schema: string;
}

/** Every example in the document, as a request and the status the document promises for it. */
function casesOf(document: Json): Case[] {
  const cases: Case[] = [];
  for (const [template, item] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, operation] of Object.entries(item)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        // A 204 has no body, so no example to send (the ImageKit SDK test covers that route).
        const content = response.content?.['application/json'];
        if (content === undefined) continue;
        for (const name of Object.keys(content.examples ?? {})) {
          let path = template;
          const query = new URLSearchParams();
          for (const parameter of operation.parameters ?? []) {
            const example = parameter.examples?.[name];
            if (parameter.in === 'path') {
              if (!example) throw new Error(`${operation.operationId}/${name} has no value for {${parameter.name}}`);
              path = path.replace(`{${parameter.name}}`, String(example.value));
            } else if (example) {
              query.set(parameter.name, String(example.value));
            }
          }
          const body = operation.requestBody?.content['application/json'].examples?.[name]?.value;
          if (operation.requestBody && body === undefined) throw new Error(`${operation.operationId}/${name} has no body`);
          const search = query.toString();
          cases.push({
            label: `${operation.operationId}/${name}`,
            method: method.toUpperCase(),
            path: search === '' ? path : `${path}?${search}`,
            body,
            status: Number(status),
            schema: content.schema.$ref.split('/').at(-1) ?? '',
          });
        }
      }
    }
  }
  return cases;
}

let t: TestServer;
let document: Json;
beforeAll(async () => {
  // The REST corpus (items 1–4), then a photo of three people (item 5) for the people examples.
  t = await startTestServer({
    corpus: REST_CORPUS,
    afterCorpus: async (temp) => {
      const faces = path.join(temp.dir, 'faces');
      fs.mkdirSync(faces);
      fs.copyFileSync(path.join(CORPUS_DIR, 'jpg/exif-org/canon-ixus.jpg'), path.join(faces, 'wedding.jpg'));
      await importFolder(temp.library, faces);
    },
  });
  const response = await t.api('GET', '/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.json();
});
afterAll(() => t.close());

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document naming this server', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.servers).toEqual([{ url: t.server.origin }]);
  });

  it('has examples whose requests, sent to the server, get the documented status and shape', async () => {
    const cases = casesOf(document);
    expect(cases.length).toBeGreaterThan(25);
    const schemas = (document.components as { schemas: Record<string, { required?: string[] }> }).schemas;
    // In document order: the examples build on each other (tag, then rename the tag; trash, then restore).
    for (const example of cases) {
      const response = await t.api(example.method, example.path, example.body);
      expect(response.status, `${example.label}: ${response.text().slice(0, 300)}`).toBe(example.status);
      const body = response.json();
      for (const key of schemas[example.schema]?.required ?? []) {
        expect(body, `${example.label} lacks ${key}`).toHaveProperty(key);
      }
    }
  });
});
