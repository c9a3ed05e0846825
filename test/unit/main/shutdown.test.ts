import { describe, expect, it, vi } from 'vitest';
import { createShutdown } from '../../../electron/main/shutdown.js';

describe('shutting down', () => {
  it('runs the work once, however often quitting is asked for, and reports when done', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const shutdown = createShutdown(async () => {
      runs += 1;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const first = shutdown.begin();
    const second = shutdown.begin();
    expect(shutdown.done).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    expect(shutdown.done).toBe(true);
  });

  it('still lets the app quit when the work fails, and logs why', async () => {
    const failure = new Error('database busy');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const shutdown = createShutdown(async () => {
        throw failure;
      });
      await expect(shutdown.begin()).resolves.toBeUndefined();
      expect(shutdown.done).toBe(true);
      expect(logged).toHaveBeenCalledWith('folio: shutting down cleanly failed', failure);
    } finally {
      logged.mockRestore();
    }
  });
});
