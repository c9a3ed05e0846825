import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressReporter } from '../../../electron/library/cli/progress-bar.js';
import type { ImportProgress } from '../../../shared/media.js';

function progress(done: number, total: number, state: ImportProgress['state'] = 'running'): ImportProgress {
  return {
    jobId: 'job', state, total, done, errors: 1, scanning: false, currentFile: 'photos/2023/beach.jpg',
    startedAt: '2024-01-01T00:00:00.000Z', finishedAt: null, message: null,
  };
}

function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream: Object.assign(stream, { isTTY, columns: 100 }) as unknown as NodeJS.WriteStream, text: () => text };
}

describe('import progress on stderr', () => {
  it('redraws one bar in place on a terminal and clears it at the end', () => {
    const out = capture(true);
    const reporter = new ProgressReporter(out.stream);
    reporter.update(progress(5, 20));
    reporter.update(progress(10, 20));
    reporter.finish();
    const text = out.text();
    expect(text).toContain(`[${'#'.repeat(20)}${'-'.repeat(20)}] 50% 10/20 files, 1 error`);
    expect(text).toContain('beach.jpg');
    expect(text).not.toContain('\n');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes plain lines, at most one a second, when not a terminal', () => {
    const out = capture(false);
    const reporter = new ProgressReporter(out.stream);
    for (let done = 1; done <= 50; done += 1) reporter.update(progress(done, 50));
    reporter.update(progress(50, 50, 'done'));
    reporter.finish();
    const lines = out.text().trim().split('\n');
    expect(lines).toEqual(['import: 1/50 files, 1 error', 'import: 50/50 files, 1 error']);
    expect(out.text()).not.toContain('\r');
  });
});
