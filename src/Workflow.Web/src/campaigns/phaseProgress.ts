import type { WorkflowDocument } from '../shared/flowchart';
import { activityStates, type TaskView } from './taskStatus';

// How far the current phase is, counted against the whole phase: every task activity of the phase's
// workflow, not only the instances reached so far (three tasks into a 14-task phase is not 75 %).

export interface PhaseProgress {
  /** Task activities done: their latest iteration has no open instance and at least one completed. */
  done: number;
  /** Task activities of the phase's workflow (a multi-instance activity counts once). */
  total: number;
  /** done of total, rounded down, so 100 % only when all are done. */
  percent: number;
}

/**
 * The phase's progress from its published workflow and the instances the engine holds. An activity
 * reached again (a report sent back for revision) counts as not done until its latest round is.
 */
export function phaseProgress(document: WorkflowDocument, taskTypes: ReadonlySet<string>, tasks: readonly TaskView[]): PhaseProgress {
  const activities = document.root.activities.filter((a) => taskTypes.has(a.type)).map((a) => a.id);
  const states = activityStates(tasks);
  const done = activities.filter((id) => states.get(id)?.status === 'completed').length;
  const total = activities.length;
  return { done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) };
}
