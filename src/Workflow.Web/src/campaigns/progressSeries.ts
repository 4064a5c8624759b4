import type { LedgerEntry } from '../shared/liveUpdates';

// Progress over time from the campaign's ledger: after each task entry, how many task instances
// have been completed and how many are open. Phase changes are marked on the time axis.

export interface ProgressPoint {
  at: number;
  completed: number;
  open: number;
}

export interface PhaseMark {
  at: number;
  /** The phase entered (the ledger's "after" state, e.g. "analysis"), from the payload when present. */
  phase: string;
}

export interface ProgressSeries {
  points: ProgressPoint[];
  phases: PhaseMark[];
}

type Entry = Pick<LedgerEntry, 'at' | 'kind' | 'taskId' | 'payload'>;

/** The series of a campaign's entries (in ledger order). Entries that do not move a task change nothing. */
export function progressSeries(entries: readonly Entry[]): ProgressSeries {
  const points: ProgressPoint[] = [];
  const phases: PhaseMark[] = [];
  let completed = 0;
  let open = 0;
  for (const entry of entries) {
    const at = Date.parse(entry.at);
    if (Number.isNaN(at)) continue;
    switch (entry.kind) {
      case 'task.activated':
        open += 1;
        break;
      case 'task.completed':
        completed += 1;
        open = Math.max(0, open - 1);
        break;
      case 'task.cancelled':
        open = Math.max(0, open - 1);
        break;
      case 'phase.transitioned': {
        const to = phaseEntered(entry.payload);
        if (to) phases.push({ at, phase: to });
        continue;
      }
      default:
        continue;
    }
    // Several entries written by one command share an instant: keep the last state of each instant.
    const last = points[points.length - 1];
    if (last && last.at === at) points[points.length - 1] = { at, completed, open };
    else points.push({ at, completed, open });
  }
  return { points, phases };
}

function phaseEntered(payload: unknown): string | null {
  const transition = (payload as { transition?: { to?: unknown } } | null)?.transition;
  return typeof transition?.to === 'string' ? transition.to : null;
}
