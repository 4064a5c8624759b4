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

export interface ChartGeometry {
  width: number;
  height: number;
  padding: { left: number; right: number; top: number; bottom: number };
}

/** The chart's scales: time across, count up; a flat range still gets a visible span. */
export function scales(series: ProgressSeries, g: ChartGeometry) {
  const times = [...series.points.map((p) => p.at), ...series.phases.map((p) => p.at)];
  const t0 = times.length ? Math.min(...times) : 0;
  const t1 = times.length ? Math.max(...times) : 1;
  const span = t1 > t0 ? t1 - t0 : 1;
  const maxY = Math.max(1, ...series.points.map((p) => Math.max(p.completed, p.open)));
  const innerW = g.width - g.padding.left - g.padding.right;
  const innerH = g.height - g.padding.top - g.padding.bottom;
  return {
    x: (at: number) => g.padding.left + ((at - t0) / span) * innerW,
    y: (count: number) => g.padding.top + innerH - (count / maxY) * innerH,
    maxY,
  };
}

/** An SVG path that steps: a count holds until the next entry changes it. */
export function stepPath(values: { at: number; value: number }[], x: (at: number) => number, y: (v: number) => number): string {
  if (values.length === 0) return '';
  let d = `M${x(values[0].at).toFixed(1)},${y(values[0].value).toFixed(1)}`;
  for (let i = 1; i < values.length; i++) {
    d += ` H${x(values[i].at).toFixed(1)} V${y(values[i].value).toFixed(1)}`;
  }
  return d;
}
