import type { Schemas } from '../shared/api';

// How the current phase's task instances colour the flowchart. The engine names each instance
// `activity:iteration[:unit]`; an activity reached again (a report revised after a review) has a
// later iteration, and a multi-instance activity (one per party group) has one unit per item.
// A node shows its latest iteration: that is where the work stands.

export type TaskView = Schemas['TaskView'];

/** A node's state: not reached yet, open, open past its due date, done, or cancelled. */
export type NodeStatus = 'notReached' | 'active' | 'overdue' | 'completed' | 'cancelled';

/** Legend order, and the colour of each state (the same colours as the stylesheet's node classes). */
export const nodeStatuses: readonly NodeStatus[] = ['active', 'overdue', 'completed', 'cancelled', 'notReached'];

export const nodeColours: Record<NodeStatus, string> = {
  notReached: '#eef0f3',
  active: '#fff1b8',
  overdue: '#ffccc7',
  completed: '#d9f7be',
  cancelled: '#d9d9d9',
};

export interface ActivityState {
  activityId: string;
  status: NodeStatus;
  /** The latest iteration the activity was reached in (1 the first time). */
  iteration: number;
  /** For a multi-instance activity: its units in the latest iteration, and how many are completed. */
  units?: { done: number; total: number };
  /** The latest iteration's instances (one, or one per unit), for the details panel. */
  tasks: TaskView[];
}

/** The status of one task instance, as a node would show it. */
export function taskStatus(task: Pick<TaskView, 'status' | 'overdue'>): NodeStatus {
  if (task.status === 'active') return task.overdue ? 'overdue' : 'active';
  if (task.status === 'completed') return 'completed';
  if (task.status === 'cancelled') return 'cancelled';
  return 'notReached';
}

/**
 * Each reached activity's state. Open work wins (overdue over active); otherwise completed when any
 * unit completed, else cancelled.
 */
export function activityStates(tasks: readonly TaskView[]): Map<string, ActivityState> {
  const latest = new Map<string, TaskView[]>();
  for (const task of tasks) {
    const seen = latest.get(task.activityId);
    if (!seen || seen[0].iteration < task.iteration) latest.set(task.activityId, [task]);
    else if (seen[0].iteration === task.iteration) seen.push(task);
  }
  const states = new Map<string, ActivityState>();
  for (const [activityId, group] of latest) {
    const statuses = group.map(taskStatus);
    const status: NodeStatus = statuses.includes('overdue')
      ? 'overdue'
      : statuses.includes('active')
        ? 'active'
        : statuses.includes('completed')
          ? 'completed'
          : 'cancelled';
    const multi = group.some((t) => t.unit !== null && t.unit !== undefined);
    const sorted = [...group].sort((a, b) => (a.unit ?? 0) - (b.unit ?? 0));
    states.set(activityId, {
      activityId,
      status,
      iteration: group[0].iteration,
      units: multi ? { done: statuses.filter((s) => s === 'completed').length, total: group.length } : undefined,
      tasks: sorted,
    });
  }
  return states;
}

/** Open task instances, overdue first, then by due date (those without one last). */
export function openTasks(tasks: readonly TaskView[]): TaskView[] {
  const due = (t: TaskView) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return tasks
    .filter((t) => t.status === 'active')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b) || a.id.localeCompare(b.id));
}

/** A unit's short name: the item's name or id when it is an object (a party group), the item itself when text (a member). */
export function unitName(task: Pick<TaskView, 'item' | 'unit'>): string {
  const item = task.item;
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    for (const key of ['name', 'title', 'id']) if (typeof o[key] === 'string') return o[key] as string;
  }
  return task.unit === null || task.unit === undefined ? '' : `#${task.unit + 1}`;
}
