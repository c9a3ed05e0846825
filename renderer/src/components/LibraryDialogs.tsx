import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BackupInfo, CheckReport } from '../../../shared/library-check.js';
import { backUpLibrary, checkLibrary, readableSize } from '../actions/library-maintenance.js';
import { useStore } from '../store/store.js';
import { Modal } from './Modal.js';

const LABELS: Record<string, string> = {
  integrity: 'Database damaged',
  'foreign-key': 'Broken references',
  'wal-cut': 'Write-ahead log was cut',
  'tag-count': 'Wrong tag counts',
  'file-missing': 'Files missing',
  'file-changed': 'Files changed',
  'file-unreadable': 'Files unreadable',
  'thumbnail-missing': 'Thumbnails missing',
};

/**
 * Runs `work` once when the dialog opens (a ref, not the effect, decides: React's strict mode
 * runs effects twice, and a backup must not be made twice); `rerun` starts another run, as
 * Repair does. A failure, already shown as a toast, closes the dialog.
 */
function useOnOpen<T>(work: () => Promise<T | undefined>): [T | null, (next: () => Promise<T | undefined>) => void] {
  const close = useStore((s) => s.closeDialog);
  const [value, setValue] = useState<T | null>(null);
  const started = useRef(false);
  const mounted = useRef(true);
  const run = useCallback(
    (job: () => Promise<T | undefined>) => {
      setValue(null);
      void job().then((result) => {
        if (!mounted.current) return;
        if (result === undefined) close();
        else setValue(result);
      });
    },
    [close],
  );
  useEffect(() => {
    mounted.current = true;
    if (!started.current) {
      started.current = true;
      run(work);
    }
    return () => {
      mounted.current = false;
    };
  }, [run, work]);
  return [value, run];
}

/** Library → Back Up Now: writes the backup and says where it went. */
export function LibraryBackupDialog() {
  const close = useStore((s) => s.closeDialog);
  const titleId = useId();
  const statusId = useId();
  const [made] = useOnOpen<BackupInfo>(backUpLibrary);
  return (
    <Modal labelledBy={titleId} describedBy={statusId} onClose={close}>
      <div className="dialog-body">
        <h2 id={titleId}>Back up the library</h2>
        <p id={statusId} role="status">
          {made === null ? 'Backing up…' : `Backed up to ${made.file} (${readableSize(made.bytes)}).`}
        </p>
        {made !== null && <p className="hint">Thumbnails are left out of backups: they are made again from your files.</p>}
        <div className="button-row end">
          <button type="button" className="primary" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}

function verdict(report: CheckReport): string {
  if (report.status === 'damaged') return 'The database is damaged.';
  if (report.status === 'problems') return 'Problems were found.';
  return report.findings.length === 0 ? 'All good: nothing needs attention.' : 'Everything found was repaired.';
}

function Findings({ report }: { report: CheckReport }) {
  return (
    <>
      <ul className="check-counts" aria-label="Counts by kind">
        {Object.entries(report.counts).map(([kind, count]) => (
          <li key={kind}>
            {LABELS[kind] ?? kind}: {count.toLocaleString()}
          </li>
        ))}
      </ul>
      <ul className="check-findings" aria-label="Findings">
        {report.findings.map((finding, index) => (
          <li key={index}>
            {finding.repaired === true ? <strong>Repaired: </strong> : null}
            {finding.message}
          </li>
        ))}
      </ul>
      {report.truncated && <p className="hint">More findings than are listed; the counts above are complete.</p>}
    </>
  );
}

/** Library → Check Library…: the report, with Repair when something safe to repair was found. */
export function LibraryCheckDialog() {
  const close = useStore((s) => s.closeDialog);
  const titleId = useId();
  const statusId = useId();
  const [report, rerun] = useOnOpen<CheckReport>(() => checkLibrary(false));
  const canRepair = report !== null && !report.repaired && report.findings.some((finding) => finding.repairable);
  return (
    <Modal labelledBy={titleId} describedBy={statusId} onClose={close} className="check-dialog">
      <div className="dialog-body">
        <h2 id={titleId}>Library check</h2>
        <p id={statusId} role="status">
          {report === null ? 'Checking…' : `${verdict(report)} ${report.itemsChecked.toLocaleString()} items checked.`}
        </p>
        {report !== null && report.findings.length > 0 && <Findings report={report} />}
        {report?.status === 'damaged' && (
          <p className="hint">
            {report.latestBackup === null
              ? 'There is no backup yet. Copy the library folder somewhere safe before anything else.'
              : `The latest backup is ${report.latestBackup}. Quit Folio and run "folio restore <backup-file>" to put it in place.`}
          </p>
        )}
        {canRepair && <p className="hint">Repair recounts tags and makes missing thumbnails again. Your files are not touched.</p>}
        <div className="button-row end">
          {canRepair && (
            <button type="button" onClick={() => rerun(() => checkLibrary(true))}>
              Repair
            </button>
          )}
          <button type="button" className="primary" autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
