// Undo and redo over whole documents (they are small and immutable, so a snapshot per step is
// cheap and cannot go out of step with the edits). Edits with the same `group` in a row — the
// keystrokes in one field, the moves of one drag — are one step.

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The group of the last edit, if it may absorb the next one. */
  group?: string;
}

export const historyLimit = 100;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records an edit. An edit that changes nothing is ignored; one in the same group as the last replaces it. */
export function record<T>(history: History<T>, next: T, group?: string): History<T> {
  if (Object.is(next, history.present)) return history;
  if (group !== undefined && group === history.group && history.past.length > 0)
    return { past: history.past, present: next, future: [], group };
  return { past: [...history.past, history.present].slice(-historyLimit), present: next, future: [], group };
}

export function undo<T>(history: History<T>): History<T> {
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: history.past[history.past.length - 1], future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  return { past: [...history.past, history.present], present: history.future[0], future: history.future.slice(1) };
}

/** Ends the current group, so that the next edit is a step of its own. */
export function closeGroup<T>(history: History<T>): History<T> {
  return history.group === undefined ? history : { ...history, group: undefined };
}
