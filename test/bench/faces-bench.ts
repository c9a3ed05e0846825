/**
 * Faces benchmark (issue 16). Prints figures; asserts nothing.
 * 1. Per-photo time of the `faces` extension (media.autoTag through the service: read the row,
 *    open the original, the face models in their worker thread, store the faces, group them
 *    into people, in a transaction) against a bare loop of the same models on the same runtime
 *    (tfjs wasm, in this thread) and the same photos in the same run: read the file and the same
 *    face search (decode, BlazeFace on the whole picture and its parts, FaceRes on each face).
 *    Floor: bare/extension ≥ 0.9. Each photo runs through both back to back, in alternating
 *    order; its median over the rounds is taken. Every round must give the same faces.
 * 2. Detection against faces counted by eye (test/bench/face-labels.json).
 * 3. How alike descriptors of one person and of different people are (hand-labelled faces),
 *    and what each threshold would join and keep apart: the table SAME_PERSON_SIMILARITY was
 *    chosen from; then the people clustering made of them.
 *
 *   node bin/run-ts.mjs test/bench/faces-bench.ts        (FOLIO_BENCH_ROUNDS=3)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { faceModels } from '../../electron/library/extensions/faces/face-models.js';
import { findFaces } from '../../electron/library/extensions/faces/face-input.js';
import { openLibrary } from '../../electron/library/library.js';
import { descriptorOf } from '../../electron/library/db/face-repo.js';
import { SAME_PERSON_SIMILARITY, similarity } from '../../electron/library/service/people-clustering.js';
import { makeTempDir, REPO_ROOT, removeDir, testContext } from '../helpers/temp-library.js';

interface Labelled {
  set: 'corpus' | 'human-assets';
  path: string;
  faces?: number;
  note?: string;
  label?: string;
  cut?: [number, number, number];
}

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'exif-samples');
const HUMAN = path.join(path.dirname(createRequire(import.meta.url).resolve('@vladmandic/human')), '..');
const ROUNDS = Number(process.env.FOLIO_BENCH_ROUNDS ?? 3);
const THRESHOLDS = [0.5, 0.55, 0.58, 0.6, 0.62, 0.65, 0.7];

const labels = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'bench', 'face-labels.json'), 'utf8')) as { photos: Labelled[] }).photos;
const work = makeTempDir('folio-faces-bench-');
const folder = path.join(work, 'photos');
fs.mkdirSync(folder);
const fileName = (photo: Labelled, index: number) =>
  `${String(index).padStart(3, '0')}-${photo.label ?? 'corpus'}-${path.basename(photo.path, path.extname(photo.path))}${path.extname(photo.path)}`;
for (const [index, photo] of labels.entries()) {
  const source = path.join(photo.set === 'corpus' ? CORPUS : HUMAN, photo.path);
  const target = path.join(folder, fileName(photo, index));
  if (photo.cut) {
    const [left, top, side] = photo.cut;
    const { width = 0, height = 0 } = await sharp(source).metadata();
    await sharp(source)
      .extract({ left, top, width: Math.min(side, width - left), height: Math.min(side, height - top) })
      .jpeg({ quality: 95 })
      .toFile(target);
  } else fs.copyFileSync(source, target);
}

const library = openLibrary(path.join(work, 'library'), { workers: 1 });
const ctx = testContext('bench');
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

try {
  await library.service.call('import.start', { path: folder }, ctx);
  await library.importer.whenIdle();
  const rows = library.db.prepare(`SELECT id, display_path AS name FROM media ORDER BY display_path`).all() as { id: number; name: string }[];
  const photos = labels.map((photo, index) => {
    const row = rows.find((r) => r.name === fileName(photo, index));
    if (!row) throw new Error(`not imported: ${photo.path}`);
    return { ...photo, id: row.id, file: path.join(folder, row.name) };
  });
  console.log(`${photos.length} photos: ${photos.filter((p) => p.set === 'corpus').length} from the corpus, ${photos.filter((p) => p.set !== 'corpus').length} faces cut from @vladmandic/human's screenshots`);

  const env = { paths: library.paths, pixelLimit: 100_000_000, decodeTimeoutSeconds: 60 };
  const models = await faceModels();
  const bare = async (file: string) => findFaces(await fs.promises.readFile(file), models, env);
  const extension = (id: number) => library.service.call('media.autoTag', { ids: [id], extensions: [{ name: 'faces' }] }, ctx);
  const fingerprint = (id: number) => {
    const faces = library.db.prepare(`SELECT x, y, width, height, score, descriptor FROM faces WHERE media_id = ? ORDER BY id`).all(id) as {
      descriptor: Buffer;
    }[];
    return crypto.createHash('sha256').update(JSON.stringify(faces.map((f) => ({ ...f, descriptor: f.descriptor.toString('hex') })))).digest('hex');
  };
  // Warm-up: each model's first run compiles its kernels, in both threads.
  await bare(photos[0]?.file ?? '');
  await extension(photos[0]?.id ?? 0);

  const bareTimes = new Map<number, number[]>();
  const extTimes = new Map<number, number[]>();
  const prints = new Map<number, string>();
  let unstable = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, photo] of photos.entries()) {
      const timeBare = async () => {
        const start = performance.now();
        await bare(photo.file);
        bareTimes.set(photo.id, [...(bareTimes.get(photo.id) ?? []), performance.now() - start]);
      };
      const timeExtension = async () => {
        const start = performance.now();
        await extension(photo.id);
        extTimes.set(photo.id, [...(extTimes.get(photo.id) ?? []), performance.now() - start]);
        const print = fingerprint(photo.id);
        if (round === 0) prints.set(photo.id, print);
        else if (prints.get(photo.id) !== print) unstable += 1;
      };
      if ((round + index) % 2 === 0) {
        await timeBare();
        await timeExtension();
      } else {
        await timeExtension();
        await timeBare();
      }
    }
  }
  const bareMs = mean(photos.map((p) => median(bareTimes.get(p.id) ?? [])));
  const extMs = mean(photos.map((p) => median(extTimes.get(p.id) ?? [])));
  console.log(`\n1. Per-photo time (mean of per-photo medians over ${ROUNDS} rounds)`);
  console.log(`   bare loop (read + face search with BlazeFace and FaceRes on tfjs-wasm, this thread): ${bareMs.toFixed(1)} ms`);
  console.log(`   faces extension (media.autoTag, one item per call, worker thread, store + group):  ${extMs.toFixed(1)} ms`);
  console.log(`   ratio bare/extension: ${(bareMs / extMs).toFixed(3)} (floor 0.9)`);
  console.log(`   same faces, boxes and descriptor bytes on every round: ${unstable === 0 ? 'yes' : `NO (${unstable} differed)`}`);

  const facesOf = (id: number) =>
    (library.db.prepare(`SELECT id, score, descriptor, person_id FROM faces WHERE media_id = ? ORDER BY score DESC, id`).all(id) as {
      id: number;
      score: number;
      descriptor: Buffer;
      person_id: number | null;
    }[]);

  console.log('\n2. Faces found against faces counted by eye (corpus)');
  let seen = 0;
  let found = 0;
  let extra = 0;
  for (const photo of photos.filter((p) => p.set === 'corpus')) {
    const count = facesOf(photo.id).length;
    seen += photo.faces ?? 0;
    found += Math.min(count, photo.faces ?? 0);
    extra += Math.max(0, count - (photo.faces ?? 0));
    console.log(`   ${photo.path.padEnd(40)} by eye ${photo.faces ?? 0}, found ${count}   ${photo.note ?? ''}`);
  }
  console.log(`   found ${found} of ${seen} faces (recall ${(found / seen).toFixed(2)}); ${extra} found where none was seen`);
  const cuts = photos.filter((p) => p.label !== undefined);
  const missed = cuts.filter((p) => facesOf(p.id).length === 0).length;
  console.log(`   face cuts of the screenshots: a face found in ${cuts.length - missed} of ${cuts.length}`);

  // One descriptor per labelled face: a cut's best face, every face of a corpus photo (all different people).
  type Labelled = { who: string; descriptor: Float32Array; personId: number | null };
  const faces: Labelled[] = [];
  for (const photo of photos) {
    const found = facesOf(photo.id);
    if (photo.label !== undefined) {
      const best = found[0];
      if (best) faces.push({ who: photo.label, descriptor: descriptorOf(best.descriptor), personId: best.person_id });
    } else found.forEach((face, i) => faces.push({ who: `corpus:${photo.path}#${i}`, descriptor: descriptorOf(face.descriptor), personId: face.person_id }));
  }
  const same: number[] = [];
  const different: number[] = [];
  const closest: { score: number; pair: string }[] = [];
  for (let a = 0; a < faces.length; a += 1) {
    for (let b = a + 1; b < faces.length; b += 1) {
      const x = faces[a] as Labelled;
      const y = faces[b] as Labelled;
      const score = similarity(x.descriptor, y.descriptor);
      if (x.who === 'V' && y.who === 'V') same.push(score);
      // Different for sure: V and anyone else, and two corpus faces, or a corpus face and anyone.
      else if (x.who === 'V' || y.who === 'V' || x.who.startsWith('corpus:') || y.who.startsWith('corpus:')) {
        different.push(score);
        closest.push({ score, pair: `${x.who} / ${y.who}` });
      }
    }
  }
  const show = (values: number[]) =>
    `min ${quantile(values, 0).toFixed(3)}, 5% ${quantile(values, 0.05).toFixed(3)}, median ${quantile(values, 0.5).toFixed(3)}, 95% ${quantile(values, 0.95).toFixed(3)}, max ${quantile(values, 1).toFixed(3)}`;
  console.log('\n3. Cosine similarity of FaceRes descriptors');
  console.log(`   one person (V) in different photos, ${same.length} pairs: ${show(same)}`);
  console.log(`   different people, ${different.length} pairs:               ${show(different)}`);
  console.log('   threshold | pairs of one person joined | pairs of two people joined');
  for (const t of THRESHOLDS) {
    const joined = same.filter((s) => s >= t).length / same.length;
    const wrong = different.filter((s) => s >= t).length;
    console.log(`   ${t.toFixed(2)}${t === SAME_PERSON_SIMILARITY ? '*' : ' '}     | ${(joined * 100).toFixed(0).padStart(3)} %                      | ${wrong} of ${different.length}`);
  }
  console.log(`   the most alike different people: ${closest.sort((a, b) => b.score - a.score).slice(0, 6).map((c) => `${c.pair} ${c.score.toFixed(3)}`).join('; ')}`);
  const vPeople = new Map<number, number>();
  for (const face of faces.filter((f) => f.who === 'V' && f.personId !== null)) vPeople.set(face.personId as number, (vPeople.get(face.personId as number) ?? 0) + 1);
  const [vPerson] = [...vPeople.entries()].sort((a, b) => b[1] - a[1]);
  const intruders = vPerson ? faces.filter((f) => f.who !== 'V' && f.personId === vPerson[0]).length : 0;
  const people = (await library.service.call('people.list', {}, ctx)).people;
  console.log(`   clustering at ${SAME_PERSON_SIMILARITY}: ${people.length} people from ${faces.length} labelled faces; V's ${faces.filter((f) => f.who === 'V').length} faces in ${vPeople.size} people (largest holds ${vPerson?.[1] ?? 0}), with ${intruders} face(s) of others`);
  console.log(`\n   peak memory (RSS): ${(peakRss / 1e6).toFixed(0)} MB`);
} finally {
  clearInterval(sampler);
  await library.close();
  removeDir(work);
}
