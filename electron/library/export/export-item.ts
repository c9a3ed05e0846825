/**
 * One item of a file export: its original is read (never opened for writing), a copy or a JPEG
 * rendition is made under a hidden temporary name in the export folder, ExifTool writes Folio's
 * metadata into that copy (or into a sidecar beside an untouched copy), and the result is put
 * in place under a free name (place-export-file.ts). Whatever fails, the temporary files go.
 *
 * A copy whose format ExifTool cannot write into (AVI, WebM, MKV, …) is not a failure: it is
 * exported untouched with an XMP sidecar beside it, as `--sidecars` would, and counted apart so
 * the report says so. A JPEG rendition of something that is not a still image fails with why.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ExifTool } from 'exiftool-vendored';
import { fileNameFromTemplate, type ExportMode } from '../../../shared/file-export.js';
import { FolioError } from '../../../shared/errors.js';
import { checkOriginal } from '../base/original-file.js';
import { decodeHeif } from '../formats/heif-decode.js';
import { errorMessage } from '../base/file-errors.js';
import type { Db } from '../db/connection.js';
import { getMediaLocation, getMediaRow } from '../db/media-repo.js';
import { sidecarItemOf } from '../metadata/sidecar-item.js';
import { sidecarTags, type MwgRegion, type SidecarItem } from '../metadata/sidecar-content.js';
import { embeddedTags, regionTags } from './embedded-tags.js';
import { placeExportFile, type PlacedFiles } from './place-export-file.js';

export interface ExportSettings {
  db: Db;
  exiftool: ExifTool;
  dir: string;
  mode: ExportMode;
  longEdge: number | null;
  quality: number;
  template: string;
  /** Names this export has placed (see placeExportFile). */
  claimed: Set<string>;
  /** Distinguishes this export's temporary files from another's in the same folder. */
  tempPrefix: string;
  cancelled(): boolean;
}

export interface ItemOutcome extends PlacedFiles {
  /** Set when the copy could not hold its metadata and got a sidecar instead: why. */
  fallback: string | null;
}

export class ExportCancelled extends Error {}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function existingRegions(exiftool: ExifTool, file: string): Promise<MwgRegion[]> {
  const tags = (await exiftool.read(file, { readArgs: ['-struct'] })) as { RegionInfo?: { RegionList?: MwgRegion[] } };
  return tags.RegionInfo?.RegionList ?? [];
}

async function writeTags(exiftool: ExifTool, file: string, tags: Record<string, unknown>): Promise<void> {
  await exiftool.write(file, tags as never, { writeArgs: ['-overwrite_original', '-m'] });
}

/** Folio's metadata into a file ExifTool can write (a copy or a rendition). */
async function embed(exiftool: ExifTool, file: string, item: SidecarItem): Promise<void> {
  const regions = item.customCoordinates === null ? null : regionTags(await existingRegions(exiftool, file), item);
  await writeTags(exiftool, file, { ...embeddedTags(item), ...(regions ?? {}) });
}

/** A new sidecar holding Folio's metadata, or false when there is nothing to say. */
async function writeSidecar(exiftool: ExifTool, file: string, item: SidecarItem): Promise<boolean> {
  const tags = { ...sidecarTags(item), ...(regionTags([], item) ?? {}) };
  const values = Object.fromEntries(Object.entries(tags).filter(([, value]) => value !== null));
  if (Object.keys(values).length === 0) return false;
  await writeTags(exiftool, file, values);
  return true;
}

/** sharp for what libvips reads; libheif (WebAssembly) for HEVC-coded HEIC, which it does not. */
async function decoder(bytes: Buffer): Promise<Sharp> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => null);
  if (meta?.format === 'heif' && meta.compression === 'hevc') {
    const pixels = await decodeHeif(bytes); // the container's rotation is applied already
    return sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels }, limitInputPixels: false });
  }
  return sharp(bytes, { limitInputPixels: false, failOn: 'none' }).rotate();
}

async function render(source: Buffer, target: string, settings: ExportSettings): Promise<void> {
  // The path is bytes (it need not be UTF-8) and sharp takes a Buffer as image data: read it first.
  const bytes = await fs.promises.readFile(source);
  let pipeline = await decoder(bytes);
  if (settings.longEdge !== null) pipeline = pipeline.resize(settings.longEdge, settings.longEdge, { fit: 'inside', withoutEnlargement: true });
  // keepMetadata keeps the date taken, camera and colour profile; rotate() has set the orientation to 1.
  await pipeline.keepMetadata().jpeg({ quality: settings.quality, mozjpeg: false }).toFile(target);
}

export async function exportItem(settings: ExportSettings, mediaId: number, counter: number): Promise<ItemOutcome> {
  const { db, exiftool, dir, mode } = settings;
  const location = getMediaLocation(db, mediaId);
  const row = getMediaRow(db, mediaId);
  const item = sidecarItemOf(db, mediaId);
  if (!location || !row || !item) throw new FolioError('NOT_FOUND', 'It is no longer in the library');
  if (location.availability !== 'present') {
    throw new FolioError('NOT_FOUND', `Its original is ${location.availability} (${location.absPath.toString('utf8')})`);
  }
  if (mode === 'jpeg' && row.type !== 'image') throw new FolioError('UNSUPPORTED', `A ${row.type} has no JPEG rendition; export it as a copy instead`);
  const { realPath } = await checkOriginal({ id: mediaId, folderPath: location.folderPath, absPath: location.absPath, size: location.size, mtime: location.mtime });
  const originalExtension = path.extname(row.originalName);
  const extension = mode === 'jpeg' ? '.jpg' : originalExtension;
  const base = fileNameFromTemplate(settings.template, {
    id: mediaId,
    name: row.name,
    originalName: row.originalName,
    date: row.takenAt ?? row.mtime,
    rating: row.rating,
    label: row.label,
    counter,
  });
  const temp = path.join(dir, `${settings.tempPrefix}-${counter}${extension}`);
  const tempSidecar = `${temp}.xmp`;
  try {
    let sidecar = false;
    let fallback: string | null = null;
    if (mode === 'jpeg') {
      try {
        await render(realPath, temp, settings);
      } catch (error) {
        throw new FolioError('UNSUPPORTED', `It cannot be rendered as a JPEG: ${errorMessage(error)}`);
      }
      await embed(exiftool, temp, item);
    } else {
      await fs.promises.copyFile(realPath, temp, fs.constants.COPYFILE_EXCL);
      if (mode === 'embed') {
        try {
          await embed(exiftool, temp, item);
        } catch (error) {
          // ExifTool leaves the file as it was when it refuses; a fresh copy makes sure of it.
          fallback = `ExifTool cannot write into this ${originalExtension || 'file'}: ${errorMessage(error)}; exported untouched with an XMP sidecar`;
          await fs.promises.rm(temp, { force: true });
          await fs.promises.copyFile(realPath, temp, fs.constants.COPYFILE_EXCL);
        }
      }
      if (mode === 'sidecars' || fallback !== null) sidecar = await writeSidecar(exiftool, tempSidecar, item);
      // The copy keeps the original's modification time, as a file manager's copy does.
      const stat = await fs.promises.stat(realPath, { bigint: true });
      await fs.promises.utimes(temp, Number(stat.atimeNs) / 1e9, Number(stat.mtimeNs) / 1e9);
    }
    await syncFile(temp);
    if (sidecar) await syncFile(tempSidecar);
    if (settings.cancelled()) throw new ExportCancelled();
    const placed = await placeExportFile(dir, base, extension, temp, sidecar ? tempSidecar : null, settings.claimed);
    return { ...placed, fallback };
  } finally {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    await fs.promises.rm(tempSidecar, { force: true }).catch(() => undefined);
  }
}
