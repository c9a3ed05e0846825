/**
 * Decodes HEVC-coded HEIC/HEIF (what every iPhone and most Android phones write) with libheif
 * built to WebAssembly (the `libheif-js` package: no native build, nothing downloaded at run
 * time). The prebuilt libvips in sharp only has the AV1 decoder, so sharp keeps AVIF and
 * AV1-HEIF and this module does the rest.
 */
import { createRequire } from 'node:module';

/** Pixels of the primary image as libheif shows it: the container's rotation/mirror/crop applied. */
export interface HeifPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** A HEIF file libheif cannot read or decode; the message is libheif's own. */
export class HeifDecodeError extends Error {
  override name = 'HeifDecodeError';
}

// The few parts of libheif's embind API used here (its .d.ts describes them loosely as `any`).
interface HeifError {
  code: { value: number };
  message: string;
}
type Handle = object;
interface DecodedChannel {
  width: number;
  height: number;
  stride: number;
  data: Uint8Array;
}
interface LibHeif {
  heif_context_alloc(): object | null;
  heif_context_free(context: object): void;
  heif_context_read_from_memory(context: object, bytes: Uint8Array): HeifError;
  heif_js_context_get_primary_image_handle(context: object): Handle | HeifError;
  heif_image_handle_release(handle: Handle): void;
  heif_image_handle_has_alpha_channel(handle: Handle): number;
  heif_js_decode_image2(handle: Handle, colorspace: unknown, chroma: unknown): Promise<unknown> | unknown;
  heif_image_release(image: unknown): void;
  heif_colorspace: { heif_colorspace_RGB: unknown };
  heif_chroma: { heif_chroma_interleaved_RGB: unknown; heif_chroma_interleaved_RGBA: unknown };
}

let loaded: LibHeif | null = null;

// Loaded on the first HEIC only: the WebAssembly module is 2 MB of JavaScript to parse, which a
// worker importing only JPEGs should not pay for.
function libheif(): LibHeif {
  if (loaded === null) {
    const require = createRequire(import.meta.url);
    loaded = require('libheif-js/wasm-bundle') as LibHeif;
  }
  return loaded;
}

function isHeifError(value: unknown): value is HeifError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && !('channels' in value);
}

/**
 * Decodes the file's primary image to 8-bit RGB(A). Throws HeifDecodeError with libheif's
 * reason when the file is not HEIF, is truncated or its HEVC stream is damaged.
 */
export async function decodeHeif(bytes: Uint8Array): Promise<HeifPixels> {
  const lib = libheif();
  const context = lib.heif_context_alloc();
  if (context === null) throw new HeifDecodeError('libheif could not allocate a decoding context');
  try {
    const read = lib.heif_context_read_from_memory(context, bytes);
    if (read.code.value !== 0) throw new HeifDecodeError(read.message.trim());
    const handle = lib.heif_js_context_get_primary_image_handle(context);
    if (isHeifError(handle)) throw new HeifDecodeError(handle.message.trim());
    try {
      return await decodeHandle(lib, handle);
    } finally {
      lib.heif_image_handle_release(handle);
    }
  } finally {
    lib.heif_context_free(context);
  }
}

async function decodeHandle(lib: LibHeif, handle: Handle): Promise<HeifPixels> {
  const channels = lib.heif_image_handle_has_alpha_channel(handle) !== 0 ? 4 : 3;
  const chroma = channels === 4 ? lib.heif_chroma.heif_chroma_interleaved_RGBA : lib.heif_chroma.heif_chroma_interleaved_RGB;
  const image = (await lib.heif_js_decode_image2(handle, lib.heif_colorspace.heif_colorspace_RGB, chroma)) as
    | HeifError
    | { image: unknown; channels: DecodedChannel[] };
  if (isHeifError(image)) throw new HeifDecodeError(image.message.trim());
  try {
    const plane = image.channels[0];
    if (plane === undefined) throw new HeifDecodeError('libheif returned no pixels');
    return { data: packRows(plane, channels), width: plane.width, height: plane.height, channels };
  } finally {
    lib.heif_image_release(image.image);
  }
}

/** libheif pads rows to its own stride; sharp's raw input wants them packed. */
function packRows(plane: DecodedChannel, channels: 3 | 4): Buffer {
  const row = plane.width * channels;
  if (plane.stride === row) return Buffer.from(plane.data.buffer, plane.data.byteOffset, row * plane.height);
  const out = Buffer.alloc(row * plane.height);
  for (let y = 0; y < plane.height; y += 1) out.set(plane.data.subarray(y * plane.stride, y * plane.stride + row), y * row);
  return out;
}
