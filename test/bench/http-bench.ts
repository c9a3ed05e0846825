/**
 * Browser-mode/REST transport overhead: the same reads and writes through HTTP (keep-alive,
 * 16 in flight) and straight into the service in this process (the baseline). A bare
 * node:http server sending the same bytes shows what HTTP itself costs here (the client runs
 * in this process too). Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHttpServer } from '../../electron/library/http/server.js';
import { thumbnailPath } from '../../electron/library/base/thumbnail-paths.js';
import { copyCorpus, openTempLibrary, testContext } from '../helpers/temp-library.js';

const TOKEN = 'bench-key-0123456789abcdef';
const IN_FLIGHT = 16;
const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

function request(port: number, method: string, requestPath: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: requestPath, agent, headers: { 'X-Api-Key': TOKEN, ...(body ? { 'Content-Type': 'application/json' } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `total` tasks with `IN_FLIGHT` at a time; returns per-second rate and p95 latency (ms). */
async function measure(total: number, task: (i: number) => Promise<unknown>): Promise<{ perSecond: number; p95: number }> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p95: latencies[Math.floor(latencies.length * 0.95)] ?? 0 };
}

const temp = openTempLibrary();
const photos = copyCorpus(path.join(temp.dir, 'photos'), ['jpg']);
await temp.library.service.call('import.start', { path: photos }, testContext());
await temp.library.importer.whenIdle();
const server = await startHttpServer({ library: temp.library, port: 0, token: TOKEN });
const ctx = testContext('api');
const { items } = await temp.library.service.call('media.list', { limit: 500, filter: { fileState: ['ok'], type: ['image'] } }, ctx);
const ids = items.map((item) => item.id);
const pick = (i: number): number => ids[i % ids.length] ?? 1;
const N = 3_000;

function line(label: string, http: { perSecond: number; p95: number }, base: { perSecond: number; p95: number }): void {
  console.log(
    `${label.padEnd(34)} HTTP ${http.perSecond.toFixed(0).padStart(6)}/s p95 ${http.p95.toFixed(2).padStart(6)} ms | in-process ${base.perSecond.toFixed(0).padStart(7)}/s | ratio ${(http.perSecond / base.perSecond).toFixed(2)}`,
  );
}

console.log(`${ids.length} items, ${N} requests per figure, ${IN_FLIGHT} in flight`);
// Warm up both paths (JIT, statement cache, thumbnail cache).
await measure(300, (i) => request(server.port, 'GET', `/api/media/${pick(i)}`));

line('GET /api/media/{id}', await measure(N, (i) => request(server.port, 'GET', `/api/media/${pick(i)}`)),
  await measure(N, (i) => temp.library.service.call('media.get', { id: pick(i) }, ctx)));

const itemBytes = JSON.stringify((await temp.library.service.call('media.get', { id: pick(0) }, ctx)));
const bare = http.createServer((_req, res) => {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(itemBytes);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const barePort = (bare.address() as { port: number }).port;
const bareFigure = await measure(N, () => request(barePort, 'GET', '/item'));
const folioFigure = await measure(N, (i) => request(server.port, 'GET', `/api/media/${pick(i)}`));
console.log(
  `${'GET item: Folio vs bare node:http'.padEnd(34)} Folio ${folioFigure.perSecond.toFixed(0).padStart(5)}/s | bare ${bareFigure.perSecond.toFixed(0).padStart(6)}/s | ratio ${(folioFigure.perSecond / bareFigure.perSecond).toFixed(2)}`,
);
bare.close();

line('GET /api/media?limit=50', await measure(N / 3, () => request(server.port, 'GET', '/api/media?limit=50')),
  await measure(N / 3, () => temp.library.service.call('media.list', { limit: 50 }, ctx)));

const md5s = items.map((item) => item.md5 ?? '');
line('GET /media/{id}/thumb/128', await measure(N, (i) => request(server.port, 'GET', `/media/${pick(i)}/thumb/128`)),
  await measure(N, (i) => fs.promises.readFile(thumbnailPath(temp.library.paths, md5s[i % md5s.length] ?? '', 128))));

line('PUT /api/media/{id}/tags', await measure(N / 3, (i) => request(server.port, 'PUT', `/api/media/${pick(i)}/tags`, JSON.stringify({ addTags: [`bench${i % 50}`] }))),
  await measure(N / 3, (i) => temp.library.service.call('media.editTags', { ids: [pick(i)], add: [`base${i % 50}`] }, ctx)));

agent.destroy();
await server.close();
await temp.dispose();
