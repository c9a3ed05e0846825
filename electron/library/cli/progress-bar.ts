import type { ImportProgress } from '../../../shared/media.js';
import { terminalText } from './terminal-text.js';

/**
 * Import progress on stderr: a bar redrawn in place on a terminal, a plain line at most once a
 * second otherwise (logs and CI don't want carriage returns).
 */
export class ProgressReporter {
  private lastLine = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly interactive = stream.isTTY === true,
  ) {}

  update(progress: ImportProgress): void {
    if (this.interactive) {
      this.stream.write(`\r${this.bar(progress)}\x1b[K`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    if (now - this.lastLine < 1_000 && progress.state === 'running') return;
    this.lastLine = now;
    this.stream.write(`${this.counts(progress)}\n`);
  }

  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  private counts(progress: ImportProgress): string {
    const total = progress.scanning ? `${progress.total}+` : String(progress.total);
    const errors = progress.errors === 1 ? '1 error' : `${progress.errors} errors`;
    return `import: ${progress.done}/${total} files, ${errors}${progress.scanning ? ' (still scanning)' : ''}`;
  }

  private bar(progress: ImportProgress): string {
    const columns = this.stream.columns ?? 80;
    const width = Math.max(10, Math.min(40, columns - 50));
    const ratio = progress.total === 0 ? 0 : Math.min(1, progress.done / progress.total);
    const filled = Math.round(ratio * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)}%`;
    const text = `${bar} ${this.counts(progress).replace(/^import: /, '')}`;
    const current = terminalText(progress.currentFile);
    const room = columns - text.length - 2;
    return room > 10 && current !== '' ? `${text} ${current.length > room ? `…${current.slice(-(room - 1))}` : current}` : text;
  }
}
