/** The background ExifTool pool (sidecar writer, exports) runs its processes below the library's own priority. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { backgroundExifTool } from '../../../electron/library/metadata/background-exiftool.js';

describe('backgroundExifTool', () => {
  it('starts its ExifTool processes at a lower CPU priority (nice 10 or lower still) than this process', async () => {
    const tool = backgroundExifTool({ maxProcs: 1 });
    try {
      expect(await tool.version()).toMatch(/^\d+\.\d+/);
      expect(tool.pids).toHaveLength(1);
      for (const pid of tool.pids) expect(os.getPriority(pid)).toBeGreaterThanOrEqual(Math.max(10, os.getPriority()));
    } finally {
      await tool.end();
    }
  });
});
