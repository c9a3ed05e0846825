/**
 * The import benchmark's baseline, run in its own process so that sharp keeps its default
 * threading (the import's workers set libvips to one thread each, process-wide): read each
 * file, decode it once (upright, shrunk to 1080 px on load) and write the same four WebP
 * sizes as the import, `concurrency` files at a time. Nothing else: no hash, no EXIF, no
 * database. What sharp cannot decode gets the import's own decoder: libheif (WebAssembly)
 * for HEVC HEIC, the embedded preview for camera RAW (else LibRaw's dcraw_emu when it is
 * installed). Prints `{ files, failed, ms }` as JSON.
 *
 *   node bin/run-ts.mjs test/bench/bare-thumbnail-loop.ts <list.json> <out-dir> <concurrency>
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { readRawFacts } from '../../electron/library/formats/raw-facts.js';
import { sniffRaw } from '../../electron/library/formats/sniff-raw.js';
import { findOnPath } from '../../electron/library/tools/run-tool.js';
import { decodeRawPreview } from '../../electron/library/thumbnails/decode-raw-preview.js';
import { decodeHeifForThumbnails, isHevcHeif } from '../../electron/library/thumbnails/decode-still.js';
import { developRaw } from '../../electron/library/thumbnails/develop-raw.js';
import { DECODE_EDGE, THUMBNAIL_WEBP, type DecodedImage } from '../../electron/library/thumbnails/render-thumbnails.js';
import { THUMBNAIL_SIZES } from '../../shared/media.js';

const [listFile, outArg, concurrencyArg] = process.argv.slice(2);
if (listFile === undefined || outArg === undefined) throw new Error('usage: bare-thumbnail-loop.ts <list.json> <out-dir> <concurrency>');
const outDir: string = outArg;
const files = JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[];
const concurrency = Number(concurrencyArg ?? 2);
fs.mkdirSync(outDir, { recursive: true });

const LIMITS = { pixelLimit: 268_402_689, timeoutSeconds: 60 };

const DCRAW = findOnPath('dcraw_emu');

async function decode(file: string, bytes: Buffer): Promise<DecodedImage> {
  const rawFormat = sniffRaw(bytes)?.format;
  if (rawFormat !== undefined) {
    const preview = await decodeRawPreview(bytes, readRawFacts(bytes, rawFormat), LIMITS);
    if (preview.decoded !== null) return preview.decoded;
    // As the import does: LibRaw develops a RAW without a preview when it is installed.
    const developed = DCRAW === null ? null : await developRaw(DCRAW, Buffer.from(file), LIMITS);
    if (developed?.ok) return developed.decoded;
    throw new Error(preview.detail);
  }
  if (await isHevcHeif(bytes)) return decodeHeifForThumbnails(bytes, LIMITS);
  const { data, info } = await sharp(bytes, { autoOrient: true })
    .resize(DECODE_EDGE, DECODE_EDGE, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels, damage: null };
}

async function thumbnails(file: string, index: number): Promise<void> {
  const bytes = await fs.promises.readFile(file);
  const { data, ...info } = await decode(file, bytes);
  const raw = { width: info.width, height: info.height, channels: info.channels };
  for (const size of THUMBNAIL_SIZES) {
    let pipeline = sharp(data, { raw });
    if (Math.max(info.width, info.height) > size) pipeline = pipeline.resize(size, size, { fit: 'inside' });
    await pipeline.webp(THUMBNAIL_WEBP).toFile(path.join(outDir, `${index}-${size}.webp`));
  }
}

let next = 0;
let failed = 0;
const start = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < files.length) {
      const index = next++;
      await thumbnails(files[index] as string, index).catch(() => {
        failed += 1;
      });
    }
  }),
);
process.stdout.write(`${JSON.stringify({ files: files.length, failed, ms: performance.now() - start })}\n`);
