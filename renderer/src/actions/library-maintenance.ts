/** The calls behind Back Up Now and Check Library… (the Library menu, and the sidebar's buttons). */
import type { BackupInfo, CheckReport } from '../../../shared/library-check.js';
import { call } from '../api/client.js';
import { attempt } from './report.js';

export function backUpLibrary(): Promise<BackupInfo | undefined> {
  return attempt('Backing up the library', () => call('library.backup', {}));
}

export function checkLibrary(repair: boolean): Promise<CheckReport | undefined> {
  return attempt(repair ? 'Repairing the library' : 'Checking the library', () => call(repair ? 'library.repair' : 'library.check', {}));
}

export function readableSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
