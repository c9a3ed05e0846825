import { useId, useState, type FormEvent } from 'react';

interface Props {
  /** The list's accessible name, e.g. “Aliases of New York”. */
  label: string;
  values: readonly string[];
  /** Label of the add field. */
  addLabel: string;
  placeholder: string;
  removeLabel(value: string): string;
  empty: string;
  onAdd(value: string): Promise<boolean>;
  onRemove(value: string): Promise<boolean>;
}

/** A short list of tag-like values as chips, each removable, with a field that adds one (Enter). */
export function TagListEditor({ label, values, addLabel, placeholder, removeLabel, empty, onAdd, onRemove }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (text.trim() === '' || busy) return;
    setBusy(true);
    if (await onAdd(text.trim())) setText('');
    setBusy(false);
  };
  return (
    <div className="tag-list-editor">
      <ul className="chips" aria-label={label}>
        {values.map((value) => (
          <li key={value} className="chip">
            <span>{value}</span>
            <button type="button" className="chip-remove" aria-label={removeLabel(value)} onClick={() => void onRemove(value)}>
              ×
            </button>
          </li>
        ))}
        {values.length === 0 && <li className="chips-empty">{empty}</li>}
      </ul>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={fieldId} className="visually-hidden">
          {addLabel}
        </label>
        <input id={fieldId} type="text" value={text} placeholder={placeholder} spellCheck={false} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      </form>
    </div>
  );
}
