import type { TaskView } from './taskStatus';

/** A task instance as progress serves it, from its id (`activity:iteration[:unit]`) and status; the campaign tests' builder. */
export function task(id: string, status: string, extra: Partial<TaskView> = {}): TaskView {
  const [activityId, iteration, unit] = id.split(':');
  return {
    id,
    activityId,
    activityType: 'Campaign.Meeting',
    status,
    activatedAt: '2026-01-01T00:00:00Z',
    overdue: false,
    reminders: 0,
    iteration: Number(iteration),
    unit: unit === undefined ? null : Number(unit),
    ...extra,
  };
}
