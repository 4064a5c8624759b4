import { describe, expect, it } from 'vitest';
import { affectsWorklist, workRows, worklistApiQuery, worklistFromQuery, worklistToQuery, type WorkItem } from './worklist';

const item = (over: Partial<WorkItem> = {}): WorkItem => ({
  campaignId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  campaignName: '教育体育局深入学习实践活动',
  phaseId: 'study',
  phaseDisplayName: '学习调研',
  round: 1,
  taskId: 'studyMobilization:1',
  activityId: 'studyMobilization',
  activityType: 'Campaign.Meeting',
  taskDisplayName: '学习调研阶段动员大会',
  assignee: 'party-committee',
  status: 'active',
  activatedAt: '2026-11-25T08:00:00Z',
  dueAt: '2026-11-28T08:00:00Z',
  overdue: false,
  ...over,
});

describe('worklist', () => {
  it('keeps "only overdue" and the cursor in the URL query', () => {
    expect(worklistToQuery(true, 'abc')).toBe('overdue=true&cursor=abc');
    expect(worklistFromQuery(new URLSearchParams(worklistToQuery(true, 'abc')))).toEqual({ onlyOverdue: true, cursor: 'abc' });
    expect(worklistFromQuery(new URLSearchParams(''))).toEqual({ onlyOverdue: false, cursor: '' });
  });

  it("asks for the principal's active tasks, overdue only when asked", () => {
    expect(worklistApiQuery('party-committee', false, '', 50)).toEqual({ assignee: 'party-committee', status: 'active', limit: 50 });
    expect(worklistApiQuery('p', true, 'c', 10)).toEqual({ assignee: 'p', status: 'active', overdue: true, cursor: 'c', limit: 10 });
  });

  it("links each task to its campaign's page and falls back to the task id without a name", () => {
    const [row, unnamed] = workRows([item({ overdue: true }), item({ taskId: 'x:1', taskDisplayName: null })]);
    expect(row.campaignPath).toBe('/campaigns/0f8fad5b-d9cb-469f-a165-70867728950e?task=studyMobilization%3A1');
    expect([row.taskName, row.phaseName, row.overdue]).toEqual(['学习调研阶段动员大会', '学习调研', true]);
    expect(unnamed.taskName).toBe('x:1');
    expect(row.key).not.toBe(unnamed.key);
    expect(row.itemLabel).toBeNull();
  });

  it('tells the instances of a multi-instance task apart by their items', () => {
    const rows = workRows([
      item({ taskId: 'rectifyFinding:1:0', taskDisplayName: '限期整改', itemLabel: '学习研讨不够深入' }),
      item({ taskId: 'rectifyFinding:1:1', taskDisplayName: '限期整改', itemLabel: '自我检查不够认真' }),
      item({ taskId: 'rectifyFinding:1:2', taskDisplayName: '限期整改', itemLabel: '' }),
    ]);
    expect(rows.map((r) => r.itemLabel)).toEqual(['学习研讨不够深入', '自我检查不够认真', null]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('reloads on task, phase and workflow news only', () => {
    expect(affectsWorklist([{ kind: 'variable.set' }, { kind: 'task.completed' }])).toBe(true);
    expect(affectsWorklist([{ kind: 'phase.transitioned' }])).toBe(true);
    expect(affectsWorklist([{ kind: 'definition.published' }, { kind: 'gates.evaluated' }])).toBe(false);
  });
});
