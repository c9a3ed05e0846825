/**
 * The worker thread that does the heavy part of an import: reading, hashing, EXIF, decoding
 * and thumbnails. The main thread sends one small task per file and gets small answers back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { errorMessage } from '../base/file-errors.js';
import { probeFile } from './probe-file.js';
import type { ProbeTask, WorkerConfig, WorkerReply } from './worker-messages.js';

const config = workerData as WorkerConfig;
// Parallelism comes mostly from the number of workers; see libvipsThreadsPerWorker.
sharp.concurrency(config.libvipsThreads);
// libvips' operation cache only helps when the same image is processed repeatedly.
sharp.cache(false);

const port = parentPort;
if (!port) throw new Error('media-worker must run in a worker thread');

const post = (reply: WorkerReply): void => port.postMessage(reply);

port.on('message', (task: ProbeTask) => {
  probeFile(task, config, post).catch((error: unknown) => {
    post({ kind: 'failed', taskId: task.taskId, error: errorMessage(error) });
  });
});
