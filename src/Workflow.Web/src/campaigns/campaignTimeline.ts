import type { LedgerEntry } from '../shared/liveUpdates';

// The campaign page's timeline: the phase rounds as the ledger recorded them (each entry into a phase,
// numbered per phase as the progress endpoint counts rounds) with the meetings held (a result's
// heldOn date) and the results recorded in each, oldest first.

type Entry = Pick<LedgerEntry, 'sequence' | 'kind' | 'at' | 'phaseId' | 'taskId' | 'payload'>;

export type TimelineItem =
  | {
      kind: 'phase';
      key: string;
      at: string;
      /** The phase entered, or $completed / $cancelled. */
      phase: string;
      /** The how-manyth time the phase is entered (1 for the first); 0 for the end states. */
      round: number;
      /** start, advance, sendBack, suspend, resume, complete or cancel. */
      trigger: string;
    }
  | {
      kind: 'meeting' | 'result';
      key: string;
      at: string;
      phase: string | null;
      taskId: string;
      activityId: string;
      /** The meeting's date as recorded (yyyy-mm-dd), for meetings. */
      heldOn?: string;
      outcome?: string;
    };

/** The triggers that enter a phase round (as the progress endpoint counts them); suspend and resume stay in it. */
const roundTriggers = new Set(['start', 'advance', 'sendBack']);

function field(value: unknown, name: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/** The timeline's items from the campaign's ledger, in ledger order. */
export function timelineItems(history: readonly Entry[]): TimelineItem[] {
  const rounds = new Map<string, number>();
  const items: TimelineItem[] = [];
  for (const entry of history) {
    if (entry.kind === 'phase.transitioned') {
      const transition = field(entry.payload, 'transition');
      const to = field(transition, 'to');
      const trigger = field(transition, 'trigger');
      if (typeof to !== 'string' || typeof trigger !== 'string') continue;
      const entersRound = roundTriggers.has(trigger);
      const round = to.startsWith('$') ? 0 : entersRound ? (rounds.get(to) ?? 0) + 1 : (rounds.get(to) ?? 0);
      if (entersRound) rounds.set(to, round);
      items.push({ kind: 'phase', key: `e${entry.sequence}`, at: entry.at, phase: to, round, trigger });
    } else if (entry.kind === 'task.completed' && entry.taskId) {
      const event = field(entry.payload, 'event');
      const result = field(event, 'result');
      const heldOn = field(result, 'heldOn');
      const outcome = field(event, 'outcome');
      items.push({
        kind: typeof heldOn === 'string' ? 'meeting' : 'result',
        key: `e${entry.sequence}`,
        at: entry.at,
        phase: entry.phaseId ?? null,
        taskId: entry.taskId,
        activityId: entry.taskId.split(':')[0],
        ...(typeof heldOn === 'string' ? { heldOn } : {}),
        // "Done" is the port of a task without a decision: nothing worth saying.
        ...(typeof outcome === 'string' && outcome !== 'Done' ? { outcome } : {}),
      });
    }
  }
  return items;
}
