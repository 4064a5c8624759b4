import { useEffect, useState } from 'react';
import type { Api } from '../shared/api';
import { validate } from './designerApi';
import type { PhaseWorkflow } from './document';
import type { Problem } from './problems';

/**
 * The server's validation of the document being edited, asked again a moment after each edit
 * (the server is the only judge of expressions and flow rules; the designer does not guess).
 */
export function useValidation(api: Api, document: PhaseWorkflow, initial: Problem[], fallback: string, delayMs = 400) {
  const [state, setState] = useState<{ problems: Problem[]; checking: boolean; error?: string; of?: PhaseWorkflow }>({
    problems: initial,
    checking: true,
  });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      validate(api, document, fallback, controller.signal).then(
        (v) => setState({ problems: v.errors, checking: false, of: document }),
        (e: unknown) => {
          if (!controller.signal.aborted) setState((s) => ({ ...s, checking: false, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, document, fallback, delayMs]);
  /** Problems the server gave for this very document (a refused publish), shown at once. */
  const override = (problems: Problem[]) => setState({ problems, checking: false, of: document });
  return { ...state, override };
}
