/**
 * How Folio starts ExifTool: so that its processes end with Folio, even when Folio is killed.
 *
 * ExifTool runs with `-stay_open True -@ -` and by design keeps reading its argument stream
 * after end of file, so a Folio killed with SIGKILL (or crashing) used to leave every ExifTool
 * process running, one per sidecar writer, until the machine restarts (exiftool-vendored ends
 * them only on a clean exit). On POSIX each ExifTool is started by a small `sh` that leaves a
 * watcher behind and then becomes ExifTool: the watcher ends ExifTool once the process that
 * started it is gone (checked every second). On Windows ExifTool is started as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { exiftoolPath } from 'exiftool-vendored';

const EXIFTOOL_ARGS = ['-stay_open', 'True', '-@', '-'];

// $1: the process to watch; the rest: the command. The shell becomes ExifTool (exec), so
// exiftool-vendored's own signals reach ExifTool itself; a watcher left in the background (its
// own stdio closed, so it holds none of ExifTool's pipes) ends ExifTool when the owner is gone,
// and ends itself when ExifTool is.
const WATCHDOG = `parent=$1; shift
self=$$
( while kill -0 "$parent" 2>/dev/null && kill -0 $self 2>/dev/null; do sleep 1; done; kill $self 2>/dev/null ) </dev/null >/dev/null 2>&1 &
exec "$@"`;

/** A processFactory for exiftool-vendored (`new ExifTool({ processFactory: exiftoolProcess })`). */
export async function exiftoolProcess(): Promise<ChildProcess> {
  const script = await exiftoolPath();
  const options = { stdio: 'pipe', shell: false, detached: false, env: { ...process.env, LANG: 'C' } } as const;
  if (process.platform === 'win32') return spawn(script, EXIFTOOL_ARGS, options);
  // As exiftool-vendored does: the script's own #!/usr/bin/perl when there is one, else perl from PATH.
  const command = fs.existsSync('/usr/bin/perl') ? [script] : ['perl', script];
  return spawn('/bin/sh', ['-c', WATCHDOG, 'exiftool-watchdog', String(process.pid), ...command, ...EXIFTOOL_ARGS], options);
}
