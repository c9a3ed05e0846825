import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/temp-library.js';

export const FOLIO_BIN = path.join(REPO_ROOT, 'bin', 'folio.mjs');

export interface FolioRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/** The environment without the user's own library or key, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.FOLIO_LIBRARY;
  delete base.FOLIO_API_TOKEN;
  return { ...base, ...env };
}

/** Runs `node bin/folio.mjs …` as a script would, and collects what it printed. */
export function runFolio(args: string[], env: Record<string, string> = {}, as?: { uid: number; gid: number }): Promise<FolioRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FOLIO_BIN, ...args], { env: cleanEnv(env), cwd: REPO_ROOT, ...as });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T }));
  });
}

/** Starts a long-running command (serve) and resolves once a stdout line matches. */
export function startFolio(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FOLIO_BIN, ...args], { env: cleanEnv(env), cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = ready.exec(stdout);
      if (match) resolve({ child, match, output: () => stdout + stderr });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`folio exited with ${code} before it was ready: ${stdout}${stderr}`)));
  });
}
