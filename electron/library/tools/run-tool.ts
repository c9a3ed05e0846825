import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The first executable called `name` on PATH, or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of dirs) {
    for (const candidate of names) {
      const full = path.join(dir, candidate);
      try {
        fs.accessSync(full, fs.constants.X_OK);
        if (fs.statSync(full).isFile()) return full;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** `undefined` = look on PATH, `null` = disabled, a string = use that program. */
export function resolveTool(option: string | null | undefined, name: string): string | null {
  if (option === null) return null;
  if (option !== undefined) return option;
  return findOnPath(name);
}

export interface ToolResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs ffprobe/ffmpeg on a file given by its raw path bytes. Arguments can only be strings, so
 * a name that is not valid UTF-8 is opened here and handed to the child as fd 3 (`/dev/fd/3`);
 * the `{input}` placeholder in `args` stands for whichever form is used.
 */
export async function runToolOnFile(
  tool: string,
  args: readonly string[],
  file: Buffer,
  options: { timeoutMs: number; maxBytes: number },
): Promise<ToolResult> {
  const asText = file.toString('utf8');
  const roundTrips = Buffer.from(asText, 'utf8').equals(file);
  let fd: number | null = null;
  if (!roundTrips && process.platform !== 'win32') fd = await fs.promises.open(file, 'r').then((h) => h.fd);
  const input = fd === null ? asText : '/dev/fd/3';
  try {
    return await run(tool, args.map((a) => (a === '{input}' ? input : a)), fd, options);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function run(
  tool: string,
  args: readonly string[],
  fd: number | null,
  options: { timeoutMs: number; maxBytes: number },
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const stdio: ('ignore' | 'pipe' | number)[] = ['ignore', 'pipe', 'pipe'];
    if (fd !== null) stdio.push(fd);
    const child = spawn(tool, args, { stdio, timeout: options.timeoutMs, windowsHide: true });
    const chunks: Buffer[] = [];
    let length = 0;
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > options.maxBytes) child.kill('SIGKILL');
      else chunks.push(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4_000) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr: stderr.trim() }));
  });
}
