import type { Schemas } from '../shared/api';

// The worklist's view model: whose tasks (the signed-in principal's), which (all open, or only
// overdue), the row each task becomes, and which ledger news can change the list.

export type WorkItem = Schemas['WorkItemView'];

/** The page's state in its URL query: only overdue, and the keyset cursor of the page shown. */
export function worklistFromQuery(search: URLSearchParams): { onlyOverdue: boolean; cursor: string } {
  return { onlyOverdue: search.get('overdue') === 'true', cursor: (search.get('cursor') ?? '').trim() };
}

export function worklistToQuery(onlyOverdue: boolean, cursor = ''): string {
  const query = new URLSearchParams();
  if (onlyOverdue) query.set('overdue', 'true');
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/**
 * The API query for a principal's open tasks. Tasks are assigned to a person or to a group's name
 * (party-committee, campaign-office); a key's roles (participant, operator…) say what it may do, not
 * which group it works for, so the principal is the one assignee asked for.
 */
export function worklistApiQuery(principal: string, onlyOverdue: boolean, cursor: string, limit: number) {
  return {
    assignee: principal,
    status: 'active',
    ...(onlyOverdue ? { overdue: true } : {}),
    ...(cursor ? { cursor } : {}),
    limit,
  };
}

export interface WorkRow {
  key: string;
  campaignName: string;
  /** The campaign's page, where the task is done, opened at the task. */
  campaignPath: string;
  phaseName: string;
  taskName: string;
  /** What this instance of a multi-instance task is for (a finding's title, a party group); null for a single task. */
  itemLabel: string | null;
  taskId: string;
  dueAt: string | null;
  overdue: boolean;
}

export function workRows(items: WorkItem[]): WorkRow[] {
  return items.map((w) => ({
    key: `${w.campaignId}/${w.phaseId}/${w.round}/${w.taskId}`,
    campaignName: w.campaignName,
    // The task travels along, so the campaign page opens at it (on a phone, past the flowchart).
    campaignPath: `/campaigns/${encodeURIComponent(w.campaignId)}?task=${encodeURIComponent(w.taskId)}`,
    phaseName: w.phaseDisplayName,
    taskName: w.taskDisplayName || w.taskId,
    itemLabel: w.itemLabel || null,
    taskId: w.taskId,
    dueAt: w.dueAt ?? null,
    overdue: w.overdue,
  }));
}

/** Whether ledger news can change anyone's open tasks: a task or phase changed. */
export function affectsWorklist(entries: readonly { kind: string }[]): boolean {
  return entries.some((e) => e.kind.startsWith('task.') || e.kind === 'phase.transitioned' || e.kind.startsWith('workflow.'));
}
