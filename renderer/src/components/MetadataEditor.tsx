import { useEffect, useId, useMemo, useState } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import { updateItem } from '../actions/edit-items.js';
import { kindLabel, parseValue, rowsFromMetadata, rowsToMetadata, type MetadataRow } from '../logic/metadata-rows.js';

/**
 * Custom metadata as key/value rows, checked as you type. Values that are valid JSON are
 * stored as JSON, anything else as text (the rule is spelled out under the rows). Saved as a
 * whole object with one button, so one undo takes back one save.
 */
export function MetadataEditor({ item }: { item: MediaItem }) {
  const savedText = JSON.stringify(item.metadata);
  const [rows, setRows] = useState<MetadataRow[]>(() => rowsFromMetadata(item.metadata));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const ruleId = useId();

  useEffect(() => {
    setRows(rowsFromMetadata(item.metadata));
    setDirty(false);
    // Only when another item is shown or the saved value really changed, not on every refresh.
  }, [item.id, savedText]);

  const result = useMemo(() => rowsToMetadata(rows), [rows]);
  const problems = result.ok ? [] : result.problems;
  const problemFor = (row: number, part: 'key' | 'value'): string | undefined =>
    problems.find((p) => p.row === row && p.part === part)?.message;

  const change = (index: number, patch: Partial<MetadataRow>): void => {
    setRows((old) => old.map((row, i) => (i === index ? { ...row, ...patch } : row)));
    setDirty(true);
  };
  const remove = (index: number): void => {
    setRows((old) => old.filter((_, i) => i !== index));
    setDirty(true);
  };
  const save = async (): Promise<void> => {
    if (!result.ok) return;
    setSaving(true);
    const updated = await updateItem(item.id, { metadata: result.metadata });
    setSaving(false);
    if (updated) setDirty(false);
  };

  return (
    <section className="panel-section" aria-labelledby="metadata-heading">
      <h3 id="metadata-heading">Custom metadata</h3>
      {rows.length === 0 && <p className="hint">No custom fields.</p>}
      <div className="meta-rows">
        {rows.map((row, index) => {
          const keyProblem = problemFor(index, 'key');
          const valueProblem = problemFor(index, 'value');
          const parsed = parseValue(row.text);
          const name = row.key.trim() === '' ? `field ${index + 1}` : row.key.trim();
          return (
            <div className="meta-row" key={index}>
              <input
                type="text"
                aria-label={`Name of field ${index + 1}`}
                placeholder="name"
                value={row.key}
                aria-invalid={keyProblem !== undefined}
                aria-describedby={keyProblem ? `${ruleId}-k${index}` : undefined}
                onChange={(e) => change(index, { key: e.target.value })}
              />
              <input
                type="text"
                aria-label={`Value of ${name}`}
                placeholder="value"
                value={row.text}
                aria-invalid={valueProblem !== undefined}
                aria-describedby={valueProblem ? `${ruleId}-v${index}` : ruleId}
                onChange={(e) => change(index, { text: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && dirty && result.ok) void save();
                }}
              />
              <span className="meta-kind" aria-hidden="true">
                {parsed.ok ? kindLabel(parsed.kind) : 'invalid'}
              </span>
              <button type="button" className="icon-button" aria-label={`Remove field ${name}`} onClick={() => remove(index)}>
                ×
              </button>
              {keyProblem && (
                <p id={`${ruleId}-k${index}`} className="field-error meta-error">
                  {keyProblem}
                </p>
              )}
              {valueProblem && (
                <p id={`${ruleId}-v${index}`} className="field-error meta-error">
                  {valueProblem}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <p id={ruleId} className="hint">
        Values that are valid JSON — numbers, true, false, null, {'{…}'}, […] or "quoted text" — are stored as JSON;
        anything else is stored as plain text.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => {
            setRows((old) => [...old, { key: '', text: '' }]);
            setDirty(true);
          }}
        >
          Add field
        </button>
        <button type="button" className="primary" disabled={!dirty || !result.ok || saving} onClick={() => void save()}>
          Save metadata
        </button>
        <button
          type="button"
          disabled={!dirty || saving}
          onClick={() => {
            setRows(rowsFromMetadata(item.metadata));
            setDirty(false);
          }}
        >
          Revert
        </button>
      </div>
    </section>
  );
}
