/** The detector's thread runs below the thread that answers the UI: nice 10 for it alone (Linux). */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE, lowerThisThreadsPriority } from '../../../electron/library/extensions/objects/thread-priority.js';

describe.runIf(process.platform === 'linux')('lowerThisThreadsPriority', () => {
  it('lowers a worker thread and leaves the main thread (the process) as it was', async () => {
    const before = (await import('node:os')).getPriority();
    const worker = new Worker(new URL('../../../electron/library/import/media-worker-bootstrap.mjs', import.meta.url), {
      workerData: { entry: new URL('./fixtures/priority-worker.ts', import.meta.url).href },
    });
    const report = await new Promise<{ lowered: boolean; thread: number; process: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(report).toEqual({ lowered: true, thread: BACKGROUND_NICE, process: before });
  });

  it('never lowers the main thread', () => {
    expect(lowerThisThreadsPriority()).toBe(false);
  });
});
