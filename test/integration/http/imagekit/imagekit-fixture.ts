/**
 * A browser-mode server on a real library of real photos, and the real `@imagekit/nodejs` client
 * pointed at it, as a script would point it: `new ImageKit({ privateKey, baseURL })`.
 */
import fs from 'node:fs';
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import sharp from 'sharp';
import { importFolder, startTestServer, TEST_TOKEN, type TestServer } from '../http-fixture.js';
import { REST_CORPUS } from '../rest-fixture.js';

/** Requests the client sent, so a test can tell whether it retried. */
export interface CountingFetch {
  calls: number;
  fetch: typeof fetch;
}

export function countingFetch(): CountingFetch {
  const counter: CountingFetch = {
    calls: 0,
    fetch: (input, init) => {
      counter.calls++;
      return fetch(input, init);
    },
  };
  return counter;
}

export function imagekitClient(t: TestServer, options: { privateKey?: string; fetch?: typeof fetch } = {}): ImageKit {
  return new ImageKit({
    privateKey: options.privateKey ?? TEST_TOKEN,
    baseURL: t.server.origin,
    maxRetries: 2,
    logLevel: 'off',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** Small real JPEGs, each a different colour, so a bulk edit has many real files to work on. */
async function writeSwatches(dir: string, count: number): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  for (let index = 0; index < count; index++) {
    const colour = { r: (index * 37) % 256, g: (index * 91) % 256, b: (index * 53) % 256 };
    await sharp({ create: { width: 48, height: 32, channels: 3, background: colour } })
      .jpeg()
      .toFile(path.join(dir, `swatch-${String(index).padStart(3, '0')}.jpg`));
  }
}

/** The four REST photos (ids 1–4) and `swatches` generated JPEGs after them. */
export function startImageKitServer(swatches: number): Promise<TestServer> {
  return startTestServer({
    corpus: REST_CORPUS,
    async afterCorpus(temp) {
      if (swatches === 0) return;
      const dir = path.join(temp.dir, 'swatches');
      await writeSwatches(dir, swatches);
      await importFolder(temp.library, dir);
    },
  });
}
