/**
 * What `library.check` and `library.backup` answer: shared by the CLI's printer, the REST API and
 * the window's report, so all of them say the same thing.
 */

export const CHECK_FINDING_KINDS = [
  'integrity',
  'foreign-key',
  'wal-cut',
  'tag-count',
  'facet-count',
  'file-missing',
  'file-changed',
  'file-unreadable',
  'thumbnail-missing',
] as const;
export type CheckFindingKind = (typeof CHECK_FINDING_KINDS)[number];

export interface CheckFinding {
  kind: CheckFindingKind;
  /** One sentence for a person: what is wrong and what to do. */
  message: string;
  itemId?: number;
  /** The file's path (items) or the tag's name (tag counts). */
  subject?: string;
  /** Whether `--repair` / Repair can fix it without touching the user's files. */
  repairable: boolean;
  /** Set by a repair run: whether this one was fixed. */
  repaired?: boolean;
}

/**
 * `ok`: nothing wrong. `problems`: the database is sound but something needs attention (a count,
 * a file, a thumbnail). `damaged`: SQLite's own integrity check failed: restore a backup.
 */
export type CheckStatus = 'ok' | 'problems' | 'damaged';

export interface CheckReport {
  status: CheckStatus;
  /** Every finding's count by kind, even when the list below was cut. */
  counts: Partial<Record<CheckFindingKind, number>>;
  findings: CheckFinding[];
  /** More findings than the list holds (a library whose disk is unplugged has one per item). */
  truncated: boolean;
  itemsChecked: number;
  repaired: boolean;
  /** The newest backup, to point at when the database is damaged. */
  latestBackup: string | null;
  checkedAt: string;
  durationMs: number;
}

/** At most this many findings are listed; `counts` stays complete. */
export const MAX_CHECK_FINDINGS = 1000;

export interface BackupInfo {
  file: string;
  bytes: number;
  kind: 'manual' | 'daily' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  durationMs: number;
}
