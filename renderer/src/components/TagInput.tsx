import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { FolioError } from '../../../shared/errors.js';
import { parseTagPath } from '../../../shared/tag-path.js';
import { call } from '../api/client.js';
import { parentPathOf, suggestionsWithout, type Suggestion } from '../logic/tag-suggestions.js';
import { useCombobox } from '../hooks/use-combobox.js';
import { useFocusRequest } from '../hooks/use-focus-request.js';
import { SuggestionList } from './SuggestionList.js';

const SUGGESTION_LIMIT = 8;
const SUGGEST_DEBOUNCE_MS = 80;

interface Props {
  /** Tags already shown as chips (not suggested again). */
  present: readonly string[];
  label: string;
  onAdd(tag: string): Promise<boolean>;
  onRemoveLast(): void;
}

/** `Places/France/ Paris`, or for an alias `nyc → New York`. */
function SuggestionText({ suggestion }: { suggestion: Suggestion }) {
  const parent = parentPathOf(suggestion);
  const tag = (
    <>
      {parent !== '' && <span className="suggestion-path">{parent}/</span>}
      {suggestion.name}
    </>
  );
  if (suggestion.viaAlias === undefined) return <span className="tag-suggestion">{tag}</span>;
  return (
    <span className="tag-suggestion">
      <span className="suggestion-alias">{suggestion.viaAlias} → </span>
      {tag}
    </span>
  );
}

/**
 * The tag field: a combobox with autocomplete from the library's tags: each suggestion shows its
 * path, its count, and for an alias the tag it leads to (choosing it stores that tag). Enter or
 * a comma adds, Backspace in an empty field removes the last chip, arrows pick a suggestion.
 * A tag the library would refuse (control characters, too long) is flagged before sending.
 */
export function TagInput({ present, label, onAdd, onRemoveLast }: Props) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  // `T` in the gallery or the preview asks for the tag field.
  const focusRef = useFocusRequest<HTMLInputElement>('tags');
  const errorId = useId();
  const combobox = useCombobox({ open, setOpen, options: suggestions });
  const { active } = combobox;

  useEffect(() => {
    if (!open) return;
    let live = true;
    const prefix = text.trim();
    const timer = setTimeout(() => {
      call('tags.list', prefix === '' ? { limit: SUGGESTION_LIMIT + present.length } : { prefix, limit: SUGGESTION_LIMIT + present.length })
        .then((tags) => {
          if (!live) return;
          setSuggestions(suggestionsWithout(tags, present).slice(0, SUGGESTION_LIMIT));
        })
        .catch(() => live && setSuggestions([]));
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open, present]);

  const check = (value: string): string | null => {
    if (value.trim() === '') return null;
    try {
      // A path: every level is checked (an empty one in `a//b` is named); missing levels are created.
      parseTagPath(value);
      return null;
    } catch (error) {
      return error instanceof FolioError ? error.message : String(error);
    }
  };

  const add = async (value: string): Promise<void> => {
    const why = check(value);
    if (value.trim() === '' || why !== null) {
      setProblem(why);
      return;
    }
    if (await onAdd(value)) {
      setText('');
      setProblem(null);
      combobox.setActive(-1);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (combobox.navigate(event)) return;
    const choice = active >= 0 ? suggestions[active] : undefined;
    if (event.key === 'Enter' || (event.key === ',' && text.trim() !== '')) {
      event.preventDefault();
      void add(choice?.path ?? text);
    } else if (event.key === 'Backspace' && text === '') {
      event.preventDefault();
      onRemoveLast();
    }
  };

  return (
    <div className="tag-input">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        ref={focusRef}
        id={inputId}
        type="text"
        {...combobox.inputAria}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? errorId : undefined}
        placeholder="Add a tag…"
        value={text}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(check(e.target.value));
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <SuggestionList
        combobox={combobox}
        label="Tag suggestions"
        options={suggestions}
        keyOf={(s) => (s.viaAlias === undefined ? s.path : `${s.viaAlias}→${s.path}`)}
        onChoose={(s) => void add(s.path)}
      >
        {(s) => (
          <>
            <SuggestionText suggestion={s} />
            <span className="suggestion-count">{s.count.toLocaleString()}</span>
          </>
        )}
      </SuggestionList>
      {problem !== null && (
        <p id={errorId} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
