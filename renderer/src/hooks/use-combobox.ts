/**
 * The ARIA combobox both text fields with suggestions share (the search box and the tag field):
 * whether the list is open, which option is active, the input's ARIA attributes, and the keys
 * every combobox answers the same way — ↓/↑ move through the options (wrapping), Escape closes
 * the list (and goes no further, so it does not also close a dialog). What Enter does is the
 * field's own business.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';

export interface Combobox {
  /** The active option's index, -1 for none. */
  active: number;
  setActive(active: number): void;
  /** Open with options to show. */
  expanded: boolean;
  listId: string;
  optionId(index: number): string;
  inputAria: {
    role: 'combobox';
    'aria-expanded': boolean;
    'aria-controls': string;
    'aria-autocomplete': 'list';
    'aria-activedescendant': string | undefined;
  };
  /** Arrows and Escape; true when the key was taken (default prevented). */
  navigate(event: KeyboardEvent<HTMLInputElement>): boolean;
}

interface ComboboxState {
  /** Whether the field wants its list shown (the field owns it: it fetches options only while open). */
  open: boolean;
  setOpen(open: boolean): void;
  /** The options shown; a new list clears the active option. */
  options: readonly unknown[];
}

export function useCombobox({ open, setOpen, options: list }: ComboboxState): Combobox {
  const options = list.length;
  const [active, setActive] = useState(-1);
  const listId = useId();
  useEffect(() => setActive(-1), [list]);
  const expanded = open && options > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  const navigate = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (event.key === 'ArrowDown' && options > 0) {
      setOpen(true);
      setActive((active + 1) % options);
    } else if (event.key === 'ArrowUp' && options > 0) {
      setActive(active <= 0 ? options - 1 : active - 1);
    } else if (event.key === 'Escape' && expanded) {
      event.stopPropagation();
      setOpen(false);
    } else return false;
    event.preventDefault();
    return true;
  };

  return {
    active,
    setActive,
    expanded,
    listId,
    optionId,
    inputAria: {
      role: 'combobox',
      'aria-expanded': expanded,
      'aria-controls': listId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
    },
    navigate,
  };
}
