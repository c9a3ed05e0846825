import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { FolioError } from '../../../shared/errors.js';
import { parseTagPath } from '../../../shared/tag-path.js';
import { call } from '../api/client.js';
import { parentPathOf, suggestionsWithout, type Suggestion } from '../logic/tag-suggestions.js';
import { useFocusRequest } from '../hooks/use-focus-request.js';

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
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  // `T` in the gallery or the preview asks for the tag field.
  const focusRef = useFocusRequest<HTMLInputElement>('tags');
  const listId = useId();
  const errorId = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    const prefix = text.trim();
    const timer = setTimeout(() => {
      call('tags.list', prefix === '' ? { limit: SUGGESTION_LIMIT + present.length } : { prefix, limit: SUGGESTION_LIMIT + present.length })
        .then((tags) => {
          if (!live) return;
          setSuggestions(suggestionsWithout(tags, present).slice(0, SUGGESTION_LIMIT));
          setActive(-1);
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
      setActive(-1);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const choice = active >= 0 ? suggestions[active] : undefined;
    if (event.key === 'Enter' || (event.key === ',' && text.trim() !== '')) {
      event.preventDefault();
      void add(choice?.path ?? text);
    } else if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '') {
      event.preventDefault();
      onRemoveLast();
    }
  };

  const expanded = open && suggestions.length > 0;
  return (
    <div className="tag-input">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        ref={focusRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
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
      <ul id={listId} role="listbox" aria-label="Tag suggestions" className={expanded ? 'suggestions' : 'suggestions hidden'}>
        {expanded &&
          suggestions.map((s, i) => (
            <li
              key={s.viaAlias === undefined ? s.path : `${s.viaAlias}→${s.path}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'suggestion active' : 'suggestion'}
              onMouseDown={(e) => {
                e.preventDefault();
                void add(s.path);
              }}
            >
              <SuggestionText suggestion={s} />
              <span className="suggestion-count">{s.count.toLocaleString()}</span>
            </li>
          ))}
      </ul>
      {problem !== null && (
        <p id={errorId} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}
