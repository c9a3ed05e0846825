/**
 * Files every extension must answer with a status and a reason, never a crash: a 1×1 picture,
 * one above the test library's pixel limit (48 MP against 40), and a short video.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import sharp from 'sharp';

export async function writeHardPictures(folder: string): Promise<void> {
  await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } }).png().toFile(path.join(folder, 'dot.png'));
  // Above the library's pixel limit (40 MP): must be refused with the reason, not decoded.
  await sharp({ create: { width: 12_000, height: 4_000, channels: 3, background: '#777' } }).jpeg().toFile(path.join(folder, 'huge.jpg'));
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=320x240:rate=10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', path.join(folder, 'clip.mp4')]);
}
