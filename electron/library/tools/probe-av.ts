import { runToolOnFile } from './run-tool.js';

/** What ffprobe tells about a video or audio file (width/height as it is played, rotated). */
export interface AvFacts {
  duration: number | null;
  width: number | null;
  height: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
}

export type AvProbe = { ok: true; facts: AvFacts } | { ok: false; reason: string };

interface FfprobeStream {
  codec_type?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string };
}

const PROBE_TIMEOUT_MS = 30_000;

function positive(value: string | number | undefined): number | null {
  const n = typeof value === 'string' ? Number.parseFloat(value) : value;
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}

function rotationOf(stream: FfprobeStream): number {
  const fromSideData = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const raw = fromSideData ?? (stream.tags?.rotate !== undefined ? Number(stream.tags.rotate) : 0);
  return Number.isFinite(raw) ? ((Math.round(raw) % 360) + 360) % 360 : 0;
}

/** Reads duration and the displayed frame size with ffprobe. */
export async function probeAv(ffprobe: string, file: Buffer): Promise<AvProbe> {
  let result;
  try {
    result = await runToolOnFile(
      ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '{input}'],
      file,
      { timeoutMs: PROBE_TIMEOUT_MS, maxBytes: 4 * 1024 * 1024 },
    );
  } catch (error) {
    return { ok: false, reason: `ffprobe could not be run: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (result.code !== 0) {
    const detail = result.stderr.split('\n').at(-1) ?? '';
    return { ok: false, reason: `ffprobe cannot read this file${detail !== '' ? `: ${detail}` : ''}` };
  }
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(result.stdout.toString('utf8')) as FfprobeOutput;
  } catch {
    return { ok: false, reason: 'ffprobe gave an answer that is not JSON' };
  }
  const streams = parsed.streams ?? [];
  // Cover art in an audio file is a "video" stream too; it is not a video.
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const hasAudio = streams.some((s) => s.codec_type === 'audio');
  let width = positive(video?.width);
  let height = positive(video?.height);
  if (video && (rotationOf(video) === 90 || rotationOf(video) === 270)) [width, height] = [height, width];
  const duration = positive(parsed.format?.duration) ?? positive(video?.duration);
  if (!video && !hasAudio) return { ok: false, reason: 'The file holds no video or audio stream ffprobe can read' };
  return { ok: true, facts: { duration, width, height, hasVideo: video !== undefined, hasAudio } };
}

/**
 * One frame as PNG bytes, taken a little into the video (the very first frame is often black),
 * upright (ffmpeg applies the rotation by default). Null when ffmpeg produced no frame.
 */
export async function extractPosterFrame(ffmpeg: string, file: Buffer, duration: number | null): Promise<Buffer | null> {
  const seek = duration !== null && duration > 2 ? Math.min(duration / 10, 5) : 0;
  for (const at of seek > 0 ? [seek, 0] : [0]) {
    const result = await runToolOnFile(
      ffmpeg,
      ['-v', 'error', '-nostdin', '-ss', at.toFixed(3), '-i', '{input}', '-frames:v', '1', '-an', '-f', 'image2pipe', '-vcodec', 'png', '-'],
      file,
      { timeoutMs: PROBE_TIMEOUT_MS * 2, maxBytes: 256 * 1024 * 1024 },
    );
    if (result.code === 0 && result.stdout.length > 0) return result.stdout;
  }
  return null;
}
