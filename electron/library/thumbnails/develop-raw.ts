/**
 * A real decode of a camera RAW's sensor data with LibRaw's `dcraw_emu` (Debian's libraw-bin),
 * for a RAW without a usable embedded preview; used when the tool is on the machine, as ffmpeg
 * is for video. Half size (`-h`) is plenty for a 1080 px thumbnail and twice as fast; dcraw
 * turns the picture upright itself. LibRaw's complaints on stderr ("data corrupted at …")
 * mean the picture is what it could read.
 */
import { runToolOnFile } from '../tools/run-tool.js';
import { decodeForThumbnails, type DecodedImage, type DecodeLimits } from './render-thumbnails.js';

export type Development =
  | { ok: true; decoded: DecodedImage; complaint: string | null }
  | { ok: false; reason: string };

const MAX_OUTPUT = 1024 * 1024 * 1024;

export async function developRaw(tool: string, file: Buffer, limits: DecodeLimits): Promise<Development> {
  let run;
  try {
    run = await runToolOnFile(tool, ['-h', '-w', '-T', '-Z', '-', '{input}'], file, { timeoutMs: limits.timeoutSeconds * 1000, maxBytes: MAX_OUTPUT });
  } catch (error) {
    return { ok: false, reason: `LibRaw could not be run (${error instanceof Error ? error.message : String(error)})` };
  }
  const complaint = tidy(run.stderr, file);
  if (run.code !== 0 || run.stdout.length === 0) {
    return { ok: false, reason: `LibRaw cannot develop it${complaint === null ? '' : ` (${complaint})`}` };
  }
  try {
    return { ok: true, decoded: await decodeForThumbnails(run.stdout, limits), complaint };
  } catch (error) {
    return { ok: false, reason: `LibRaw's picture could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** LibRaw prefixes its messages with the file name; the reason needs only the complaint. */
function tidy(stderr: string, file: Buffer): string | null {
  const name = file.toString('utf8');
  const lines = stderr
    .split('\n')
    .map((line) => line.split(name).join('').split('/dev/fd/3').join('').replace(/\s+:/g, ':').replace(/^[:\s]+/, '').trim())
    .filter((line) => line !== '');
  const text = [...new Set(lines)].join('; ');
  return text === '' ? null : text.slice(0, 300);
}
