import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';

export interface Loaded<T> {
  data?: T;
  error?: string;
  /** Loads again (after a change the page made, or on a live update). */
  reload: () => void;
}

/** The message to show for a failure: the server's (already in the page's language) or the fallback. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : `${fallback}: ${String(error)}`;
}

/**
 * Runs load when deps change (pass the language, so server messages follow the switch) and on
 * reload(); keeps the last data while reloading so live updates do not flicker.
 */
export function useLoad<T>(load: () => Promise<T>, fallback: string, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState((s) => ({ data: s.data, error: errorMessage(e, fallback) })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}
