import { useEffect, useRef } from 'react';
import { useStore } from '../store/store.js';

/**
 * Lets a command focus a field it does not own (F2 focuses the name field, the menu's
 * "Add Folder…" the import path) without passing refs around.
 */
export function useFocusRequest<T extends HTMLElement>(target: string) {
  const ref = useRef<T>(null);
  const request = useStore((s) => (s.focusRequest?.target === target ? s.focusRequest.at : null));
  useEffect(() => {
    if (request === null || !ref.current) return;
    ref.current.focus();
    if (ref.current instanceof HTMLInputElement) ref.current.select();
  }, [request]);
  return ref;
}
