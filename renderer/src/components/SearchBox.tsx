/**
 * The toolbar's search box: the search language with autocomplete (an ARIA combobox: arrows,
 * Enter, Escape) and, while the text does not parse, the parser's sentence under the box with
 * the faulty part of the query marked.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCombobox } from '../hooks/use-combobox.js';
import { loadSearchNames } from '../actions/search-names.js';
import { searchProblem } from '../logic/search-problem.js';
import {
  applySuggestion,
  fixedSuggestions,
  nameSource,
  nameSuggestions,
  typedPart,
  type Suggestion,
  type TypedPart,
} from '../logic/search-suggestions.js';
import { useFocusRequest } from '../hooks/use-focus-request.js';
import { useStore } from '../store/store.js';
import { SuggestionList } from './SuggestionList.js';

const SUGGEST_DEBOUNCE_MS = 80;

function useSuggestions(part: TypedPart | null, open: boolean): Suggestion[] {
  const [named, setNamed] = useState<Suggestion[]>([]);
  const source = part === null ? null : nameSource(part);
  const prefix = part?.prefix ?? '';
  useEffect(() => {
    setNamed([]);
    if (!open || source === null || part === null) return;
    let live = true;
    const timer = setTimeout(() => {
      loadSearchNames(source, prefix)
        .then((names) => live && setNamed(nameSuggestions(part, names)))
        .catch(() => live && setNamed([]));
    }, SUGGEST_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `part` changes identity on every render; what the lookup depends on is its source and prefix.
  }, [source, prefix, open]);
  const fixed = useMemo(() => (part === null ? [] : fixedSuggestions(part)), [part]);
  return source === null ? fixed : named;
}

function ProblemLine({ id, search, position, length, message }: { id: string; search: string; position: number; length: number; message: string }) {
  const end = Math.min(search.length, position + length);
  return (
    <div id={id} className="search-problem" role="alert">
      <code className="search-problem-text" aria-hidden="true">
        {search.slice(0, position)}
        <mark>{position >= search.length ? ' ' : search.slice(position, end)}</mark>
        {search.slice(end)}
      </code>
      <span className="search-problem-message">{message}</span>
    </div>
  );
}

export function SearchBox() {
  const search = useStore((s) => s.search);
  const setSearch = useStore((s) => s.setSearch);
  const [caret, setCaret] = useState(0);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const focusRef = useFocusRequest<HTMLInputElement>('search');
  const id = useId();
  const problemId = useId();
  const problem = useMemo(() => searchProblem(search), [search]);
  const part = useMemo(() => typedPart(search, caret), [search, caret]);
  const suggestions = useSuggestions(part, open);
  const combobox = useCombobox({ open, setOpen, options: suggestions });
  const { active, expanded } = combobox;

  const setRefs = (element: HTMLInputElement | null) => {
    inputRef.current = element;
    (focusRef as { current: HTMLInputElement | null }).current = element;
  };

  const choose = (suggestion: Suggestion) => {
    if (part === null) return;
    const next = applySuggestion(search, part, suggestion);
    setSearch(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(next.caret, next.caret));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (combobox.navigate(event)) return;
    if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      choose(suggestions[active] as Suggestion);
    }
  };

  return (
    <div className="toolbar-search search-box">
      <label htmlFor={id} className="visually-hidden">
        Search
      </label>
      <input
        ref={setRefs}
        id={id}
        type="search"
        {...combobox.inputAria}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : undefined}
        placeholder="Search  (tag:name  rating:>=4  taken:2023  -flag:reject  a OR b)"
        value={search}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setSearch(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <SuggestionList combobox={combobox} label="Search suggestions" options={suggestions} keyOf={(o) => `${o.kind}:${o.label}`} onChoose={choose}>
        {(suggestion) => (
          <>
            <span className="search-suggestion">{suggestion.label}</span>
            {suggestion.hint !== undefined && <span className="suggestion-count">{suggestion.hint}</span>}
          </>
        )}
      </SuggestionList>
      {problem !== null && <ProblemLine id={problemId} search={search} {...problem} />}
    </div>
  );
}
