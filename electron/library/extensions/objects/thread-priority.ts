/**
 * Runs the calling thread at a lower CPU priority, so that on a busy machine (two cores, an
 * import, the UI) an inference waits for the thread that answers the UI rather than the other
 * way round. Linux schedules threads one by one: setpriority on a thread id (read from
 * /proc/thread-self) changes that thread alone, not the process. Elsewhere nothing changes.
 */
import fs from 'node:fs';
import os from 'node:os';

/** Nice 10: well below the UI's 0, well above "idle only" (19). */
export const BACKGROUND_NICE = 10;

export function lowerThisThreadsPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(fs.readFileSync('/proc/thread-self/stat', 'utf8').split(' ', 1)[0]);
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false; // never the main thread
    os.setPriority(tid, BACKGROUND_NICE);
    return true;
  } catch {
    return false; // no /proc, or not allowed: it runs at the normal priority
  }
}
