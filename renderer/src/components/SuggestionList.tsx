/**
 * A combobox's list of options (hooks/use-combobox.ts): each option chosen by a mouse press
 * that keeps the focus in the field, the active one marked for screen readers and the eye.
 */
import type { ReactNode } from 'react';
import type { Combobox } from '../hooks/use-combobox.js';

interface Props<T> {
  combobox: Combobox;
  label: string;
  options: readonly T[];
  keyOf(option: T): string;
  onChoose(option: T): void;
  children(option: T): ReactNode;
}

export function SuggestionList<T>({ combobox, label, options, keyOf, onChoose, children }: Props<T>) {
  const { expanded, listId, optionId, active } = combobox;
  return (
    <ul id={listId} role="listbox" aria-label={label} className={expanded ? 'suggestions' : 'suggestions hidden'}>
      {expanded &&
        options.map((option, i) => (
          <li
            key={keyOf(option)}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'suggestion active' : 'suggestion'}
            onMouseDown={(e) => {
              e.preventDefault();
              onChoose(option);
            }}
          >
            {children(option)}
          </li>
        ))}
    </ul>
  );
}
