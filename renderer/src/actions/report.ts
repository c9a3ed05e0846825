/** Turns a failure into a toast worded by its error code; never rethrows into React. */
import { readableError } from '../logic/error-messages.js';
import { useStore } from '../store/store.js';

export function reportError(error: unknown, doing?: string): void {
  const { title, detail } = readableError(error, doing);
  useStore.getState().addToast({ kind: 'error', title, detail });
}

export function notify(title: string, detail: string | null = null): void {
  useStore.getState().addToast({ kind: 'info', title, detail });
}

/** Runs an action, reporting (not throwing) its failure; resolves to undefined when it failed. */
export async function attempt<T>(doing: string, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    reportError(error, doing);
    return undefined;
  }
}
