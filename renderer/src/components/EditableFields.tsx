import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MediaItem } from '../../../shared/media.js';
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '../../../shared/limits.js';
import { updateItem } from '../actions/edit-items.js';
import { useFocusRequest } from '../hooks/use-focus-request.js';

/**
 * A text value edited in place: saved when the field loses focus (or on Enter for a one-line
 * field, Ctrl+Enter for a multi-line one); Escape puts back the saved value. While the user
 * types, a change made elsewhere does not overwrite the draft.
 */
function useDraft(saved: string) {
  const [draft, setDraft] = useState(saved);
  const [editing, setEditing] = useState(false);
  // Escape blurs the field; the blur must then not save the draft it just threw away.
  const discarded = useRef(false);
  useEffect(() => {
    if (!editing) setDraft(saved);
  }, [saved, editing]);
  const discard = (target: HTMLElement): void => {
    discarded.current = true;
    setDraft(saved);
    setEditing(false);
    target.blur();
  };
  /** True when the blur that just happened should save. */
  const shouldSave = (): boolean => {
    const save = !discarded.current;
    discarded.current = false;
    return save;
  };
  return { draft, setDraft, setEditing, discard, shouldSave };
}

export function NameField({ item }: { item: MediaItem }) {
  const { draft, setDraft, setEditing, discard, shouldSave } = useDraft(item.name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const ref = useFocusRequest<HTMLInputElement>('panel-name');
  // The field stays "editing" until the save answers, so the old value never flashes back.
  const commit = async (): Promise<void> => {
    if (!shouldSave()) return;
    const name = draft.trim();
    if (name === '') {
      setError('A name cannot be empty');
      setDraft(item.name);
    } else if (name !== item.name) {
      setError(null);
      if (!(await updateItem(item.id, { name }))) setDraft(item.name);
    }
    setEditing(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') event.currentTarget.blur();
    if (event.key === 'Escape') discard(event.currentTarget);
  };
  return (
    <div className="field">
      <label htmlFor={id}>Name</label>
      <input
        ref={ref}
        id={id}
        type="text"
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        aria-invalid={error !== null}
        onFocus={() => setEditing(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

export function DescriptionField({ item }: { item: MediaItem }) {
  const { draft, setDraft, setEditing, discard, shouldSave } = useDraft(item.description);
  const id = useId();
  const hintId = useId();
  const commit = async (): Promise<void> => {
    if (!shouldSave()) return;
    if (draft !== item.description && !(await updateItem(item.id, { description: draft }))) setDraft(item.description);
    setEditing(false);
  };
  return (
    <div className="field">
      <label htmlFor={id}>Description</label>
      <textarea
        id={id}
        rows={3}
        value={draft}
        maxLength={MAX_DESCRIPTION_LENGTH}
        aria-describedby={hintId}
        onFocus={() => setEditing(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.blur();
          if (event.key === 'Escape') discard(event.currentTarget);
        }}
      />
      <p id={hintId} className="hint">
        Saved when you leave the field (or Ctrl+Enter).
      </p>
    </div>
  );
}
