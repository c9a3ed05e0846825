/**
 * ExifTool ends with the process that started it: a Folio killed with SIGKILL leaves no
 * `exiftool -stay_open` behind (it used to: ExifTool keeps reading its argument stream after
 * end of file). The owner is a real child process, killed for real.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, REPO_ROOT } from '../../helpers/temp-library.js';

const CHILD = path.join(import.meta.dirname, 'fixtures/exiftool-owner-child.ts');
const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function startOwner(how: 'wait' | 'exit') {
  const owner = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/run-ts.mjs'), CHILD, path.join(CORPUS_DIR, 'jpg/Canon_40D.jpg'), how], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    owner.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    owner.on('exit', (code) => code !== 3 && reject(new Error(`the owner exited first (${code})`)));
  });
  const { make, pids } = JSON.parse(line) as { make: string | null; pids: number[] };
  expect(make).toBe('Canon');
  return { owner, exiftool: pids[0] as number };
}

async function expectGone(pids: readonly number[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const pid of pids) expect(alive(pid), `process ${pid} outlived its owner`).toBe(false);
}

describe.skipIf(process.platform === 'win32')('ExifTool and the process that started it', () => {
  it('ends ExifTool within seconds of its owner being killed with SIGKILL', async () => {
    const { owner, exiftool } = await startOwner('wait');
    expect(fs.readFileSync(`/proc/${exiftool}/cmdline`, 'utf8')).toContain('-stay_open');
    // The watcher was left behind by the shell that became ExifTool, so it is ExifTool's child.
    const watchers = childrenOf(exiftool);
    expect(watchers).toHaveLength(1);
    owner.kill('SIGKILL');
    await expectGone([exiftool, ...watchers]);
  }, 30_000);

  it('ends ExifTool when its owner exits without ending it', async () => {
    const { exiftool } = await startOwner('exit');
    await expectGone([exiftool, ...childrenOf(exiftool)]);
  }, 30_000);
});
