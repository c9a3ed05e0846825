import type { ImportProgress } from '../../../shared/media.js';
import { FILE_STATES } from '../../../shared/media.js';
import type { Library } from '../library.js';
import { CLI_CONTEXT, note, print, printJson } from './command.js';
import { EXIT } from './exit-codes.js';
import { ProgressReporter } from './progress-bar.js';
import { terminalText } from './terminal-text.js';

export interface ImportProblem {
  path: string;
  reason: string;
}

const PROBLEM_STATES = FILE_STATES.filter((state) => state !== 'ok' && state !== 'pending');

/**
 * Shows a job's progress until the importer is idle. Ctrl+C cancels the job (what was committed
 * stays, and the next import resumes without duplicates) instead of killing it mid-write.
 */
async function follow(library: Library, jobId: string): Promise<{ progress: ImportProgress | null; interrupted: boolean }> {
  const reporter = new ProgressReporter();
  const off = library.events.on('import.progress', (progress) => {
    if (progress.jobId === jobId) reporter.update(progress);
  });
  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    library.importer.cancel();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await library.importer.whenIdle();
  } finally {
    off();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    reporter.finish();
  }
  return { progress: await library.service.call('import.status', {}, CLI_CONTEXT), interrupted };
}

/** Files that could not be recorded at all, and items whose content could not be read. */
async function problems(library: Library, folderId: number | undefined): Promise<ImportProblem[]> {
  const scope = folderId === undefined ? {} : { folderId };
  const issues = await library.service.call('import.issues', { ...scope, limit: 500 }, CLI_CONTEXT);
  const damaged = await library.service.call(
    'media.list',
    { filter: { ...scope, fileState: [...PROBLEM_STATES] }, limit: 500 },
    CLI_CONTEXT,
  );
  return [
    ...issues.map((issue) => ({ path: issue.path, reason: issue.reason })),
    ...damaged.items.map((item) => ({ path: item.path, reason: `${item.fileState}: ${item.stateReason ?? 'unknown reason'}` })),
  ];
}

/** Waits for the job, prints the summary (text or JSON) and returns the exit code. */
export async function finishImport(
  library: Library,
  job: { jobId: string; folderId?: number; label: string },
  json: boolean,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const { progress, interrupted } = await follow(library, job.jobId);
  const found = await problems(library, job.folderId);
  const state = interrupted ? 'cancelled' : (progress?.state ?? 'done');
  const summary = {
    jobId: job.jobId,
    ...extra,
    state,
    total: progress?.total ?? 0,
    done: progress?.done ?? 0,
    errors: progress?.errors ?? 0,
    problems: found,
  };
  if (json) {
    printJson(summary);
  } else {
    const files = summary.done === 1 ? '1 file' : `${summary.done} files`;
    const verb = state === 'done' ? 'done' : state;
    print(`${terminalText(job.label)}: ${verb}, ${files} processed, ${found.length === 1 ? '1 problem' : `${found.length} problems`}`);
    for (const problem of found) print(`  ${terminalText(problem.path)}: ${terminalText(problem.reason)}`);
    if (state === 'failed' && progress?.message) note(`folio: ${terminalText(progress.message)}`);
  }
  if (state === 'cancelled') return EXIT.INTERRUPTED;
  return state === 'failed' ? EXIT.OTHER : EXIT.OK;
}
