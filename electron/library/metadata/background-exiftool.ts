/**
 * ExifTool processes for background work (the sidecar writer, exports). Their Perl processes
 * run at a lower CPU priority than the library's own process: on a busy machine the scheduler
 * then gives the thread that serves the UI its turn first, and the writes take what is left.
 * (Measured in test/bench/sidecar-write-bench.ts: the ExifTool processes' CPU, not Folio's own
 * work, was what kept the UI's timers late while 10,000 sidecars were written.)
 */
import os from 'node:os';
import { ExifTool, type ExifToolOptions } from 'exiftool-vendored';
import { exiftoolProcess } from './exiftool-process.js';

/** `nice` 10 on Unix; below normal on Windows. */
const BACKGROUND_PRIORITY = 10;

export function backgroundExifTool(options: Partial<ExifToolOptions>): ExifTool {
  // Started so that they end with Folio, even when Folio is killed (exiftool-process.ts).
  const tool = new ExifTool({ processFactory: exiftoolProcess, ...options });
  tool.on('childStart', (child) => {
    try {
      os.setPriority(child.pid, BACKGROUND_PRIORITY);
    } catch {
      // A process that already ended, or a system that refuses: it just runs at normal priority.
    }
  });
  return tool;
}
